// The profiles this process read last, by shopper: a checkout reads a shopper's profile to
// choose their game, and the play that follows a moment later can be decided on that same
// profile, in one statement that checks it is still the database's (its fingerprint, see
// profileSql) before it writes anything. A remembered profile is only ever a guess: a stale
// one makes that statement refuse, and the play reads the profile afresh.
import type { ProfileRow } from "./profile.ts";

// Bounded, oldest first out; an entry read again moves to the back. A checkout's play comes
// within minutes of its page: an hour covers a shopper who lingers (as the offer token does).
const MAX_REMEMBERED = 10_000;
const REMEMBERED_MS = 60 * 60_000;
const remembered = new Map<string, { row: ProfileRow | "changed"; at: number }>();
// The settings as last read, for a shopper the store has never seen (unknownProfileRow).
let lastSettings: { settings: ProfileRow["settings"]; fingerprint: string } | null = null;

/** How a profile statement found its shopper: its match and that match's value (profileMatch, profileValues). */
export type ProfileKey = { match: "email" | "userRef" | "none"; value: string | null };

const keyOf = ({ match, value }: ProfileKey): string | null =>
  match === "none" || !value ? null : `${match}:${value}`;

/**
 * Keeps the profile row just read for this shopper (every profile statement's caller does):
 * its profile columns only (a play's read has more in its row), with one copy of the settings'
 * text for every entry that read the same.
 */
export function rememberProfile(found: ProfileKey, row: ProfileRow | undefined): void {
  if (!row) return;
  const settings = lastSettings && lastSettings.settings === row.settings ? lastSettings.settings : row.settings;
  const kept: ProfileRow = {
    customer_id: row.customer_id,
    customer_user_ref: row.customer_user_ref,
    settings,
    paid_orders: row.paid_orders,
    lifetime_spend: row.lifetime_spend,
    trailing_spend: row.trailing_spend,
    first_paid_at: row.first_paid_at,
    last_paid_at: row.last_paid_at,
    orders_with_reward: row.orders_with_reward,
    fingerprint: row.fingerprint,
  };
  if (!row.customer_id) lastSettings = { settings, fingerprint: row.fingerprint };
  keep(found, kept);
}

/** This process just changed the shopper's profile (a play made them a customer): their next play reads it afresh. */
export function forgetProfile(found: ProfileKey): void {
  keep(found, "changed");
}

function keep(found: ProfileKey, row: ProfileRow | "changed") {
  const key = keyOf(found);
  if (!key) return;
  remembered.delete(key);
  remembered.set(key, { row, at: Date.now() });
  if (remembered.size > MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
}

/**
 * The profile row last read for this shopper in this process, if recent: to be checked, not
 * trusted. "changed" when this process has changed it since: no guess will do.
 */
export function rememberedProfile(found: ProfileKey): ProfileRow | "changed" | null {
  const key = keyOf(found);
  const entry = key ? remembered.get(key) : undefined;
  if (!entry) return null;
  if (Date.now() - entry.at > REMEMBERED_MS) {
    remembered.delete(key!);
    return null;
  }
  return entry.row;
}

/**
 * The profile of a shopper the store has no customer for, under the settings this process
 * read last: what a first-order game's player usually is. Its fingerprint is the one the
 * database gave the last such row read (the settings' MD5, see profileSql).
 */
export function unknownProfileRow(): ProfileRow | null {
  if (!lastSettings) return null;
  return {
    customer_id: null,
    customer_user_ref: null,
    settings: lastSettings.settings,
    paid_orders: 0,
    lifetime_spend: 0,
    trailing_spend: 0,
    first_paid_at: null,
    last_paid_at: null,
    orders_with_reward: 0,
    fingerprint: lastSettings.fingerprint,
  };
}

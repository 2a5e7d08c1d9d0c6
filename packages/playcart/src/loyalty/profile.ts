// What Playcart knows about a shopper, for conditions and allowances: paid orders, spend
// and tier, all computed from its own record of paid orders (net of refunds). One statement
// (profile-statement.ts) reads the customer, the settings and both sums, so a play can embed
// it in its first query.
import type { EngageDb } from "../core/db.ts";
import { DEFAULT_SETTINGS, type EngageSettings, settingsSchema, type Tier } from "../core/settings.ts";
import { profileRow } from "./profile-statement.ts";
import { primarySegment, type Segment, segmentsOf } from "./segments.ts";

export type CustomerProfile = {
  known: boolean;
  paidOrders: number;
  firstPurchase: boolean;
  lifetimeSpendMinor: number;
  trailingSpendMinor: number;
  tier: string;
  /** The tier's play multiplier (settings), for campaigns without a number for this tier. */
  tierPlayMultiplier: number;
  /** Segments (new, active, lapsed, high_value, discount_driven) and the most telling one. */
  segments: Segment[];
  segment: Segment | null;
};

export function tierFor(tiers: Tier[], trailingSpendMinor: number): Tier {
  return tiers.reduce((best, t) => (trailingSpendMinor >= t.minSpendMinor ? t : best), tiers[0]);
}

export type ProfileLookup = { email?: string | null; userRef?: string | null; now: Date };

/** Columns of the profile row: the customer, the settings, and what their paid orders add up to. */
export type ProfileRow = {
  customer_id: string | null;
  customer_user_ref: string | null;
  /** The settings rows as one JSON object: its text as the statement returns it, or the object. */
  settings: string | Record<string, unknown> | null;
  paid_orders: number | null;
  lifetime_spend: number | null;
  trailing_spend: number | null;
  first_paid_at: string | Date | null;
  last_paid_at: string | Date | null;
  orders_with_reward: number | null;
};

// The settings this process last parsed, keyed by the stored rows exactly as read (their JSON
// text): every play reads the settings in its own statement, and parsing them again with zod
// is the same answer for the same text. Never stale: different rows, different key. Frozen,
// so a caller that tried to change the shared object would throw rather than leak it.
let lastSettings: { key: string; settings: EngageSettings } | null = null;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function settingsFrom(stored: string | Record<string, unknown> | null): EngageSettings {
  // The statement returns the rows as JSON text: that text is the key, parsed only when it changes.
  const key = typeof stored === "string" ? stored : JSON.stringify(stored ?? {});
  if (lastSettings?.key !== key) {
    const rows = typeof stored === "string" ? (JSON.parse(stored) as Record<string, unknown> | null) : stored;
    lastSettings = { key, settings: deepFreeze(settingsSchema.parse({ ...DEFAULT_SETTINGS, ...(rows ?? {}) })) };
  }
  return lastSettings.settings;
}

export function profileFromRow(
  row: ProfileRow,
  now: Date,
): { profile: CustomerProfile; settings: EngageSettings; customer: { id: string; userRef: string | null } | null } {
  const settings = settingsFrom(row.settings);
  if (!row.customer_id) {
    const first = settings.tiers[0];
    const profile: CustomerProfile = {
      known: false,
      paidOrders: 0,
      firstPurchase: true,
      lifetimeSpendMinor: 0,
      trailingSpendMinor: 0,
      tier: first.name,
      tierPlayMultiplier: first.playMultiplier,
      segments: ["new"],
      segment: "new",
    };
    return { profile, settings, customer: null };
  }
  const paidOrders = Number(row.paid_orders ?? 0);
  const trailing = Number(row.trailing_spend ?? 0);
  const lifetime = Number(row.lifetime_spend ?? 0);
  const tier = tierFor(settings.tiers, trailing);
  const date = (d: string | Date | null) => (d ? new Date(d) : null);
  const segments = segmentsOf(
    {
      paidOrders,
      netSpendMinor: lifetime,
      trailingSpendMinor: trailing,
      firstPaidAt: date(row.first_paid_at),
      lastPaidAt: date(row.last_paid_at),
      ordersWithReward: Number(row.orders_with_reward ?? 0),
    },
    now,
    settings.segments,
  );
  return {
    profile: {
      known: true,
      paidOrders,
      firstPurchase: paidOrders === 0,
      lifetimeSpendMinor: lifetime,
      trailingSpendMinor: trailing,
      tier: tier.name,
      tierPlayMultiplier: tier.playMultiplier,
      segments,
      segment: primarySegment(segments),
    },
    settings,
    customer: { id: row.customer_id, userRef: row.customer_user_ref },
  };
}

export async function customerProfile(db: EngageDb, input: ProfileLookup): Promise<CustomerProfile> {
  return profileFromRow(await profileRow(db, input), input.now).profile;
}

// What Playcart knows about a shopper, for conditions and allowances: paid orders, spend
// and tier, all computed from its own record of paid orders (net of refunds). One statement
// reads the customer, the settings and both sums, so a play can embed it in its first query.
import { type SQL, sql } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import { personKey } from "../core/identity.ts";
import { netPaidSql } from "../core/reversed-share.ts";
import { DEFAULT_SETTINGS, type EngageSettings, settingsSchema, type Tier } from "../core/settings.ts";
import { ShapedStatement } from "../core/shaped-statement.ts";
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

/** How the profile finds its customer: by person key, else by account, else not at all. */
export type ProfileMatch = "email" | "userRef" | "none";

export const profileMatch = (input: ProfileLookup): ProfileMatch =>
  input.email ? "email" : input.userRef ? "userRef" : "none";

/** The profile statement's values (see profileSql). */
export const profileValues = (input: ProfileLookup) => ({
  profileMatch: input.email ? personKey(input.email) : (input.userRef ?? null),
  profileNow: input.now.toISOString(),
  defaultTierWindowDays: DEFAULT_SETTINGS.tierWindowDays,
});

/** A one-row query for the profile, its values as placeholders (profileValues): also a play's first query's part. */
export function profileSql(match: ProfileMatch): SQL {
  const found =
    match === "email"
      ? sql`email = ${sql.placeholder("profileMatch")}`
      : match === "userRef"
        ? sql`user_ref = ${sql.placeholder("profileMatch")}`
        : sql`false`;
  return sql`
    SELECT c.id AS customer_id, c.user_ref AS customer_user_ref,
           (SELECT json_object_agg(key, value) FROM playcart_settings)::text AS settings,
           s.paid_orders, s.lifetime_spend, s.trailing_spend, s.first_paid_at, s.last_paid_at, s.orders_with_reward
    FROM (SELECT 1) AS one
    LEFT JOIN LATERAL (SELECT id, user_ref FROM playcart_customers WHERE ${found} LIMIT 1) c ON true
    LEFT JOIN LATERAL (
      SELECT count(*)::int AS paid_orders,
             coalesce(sum(${netPaidSql("o")}), 0)::int AS lifetime_spend,
             coalesce(sum(${netPaidSql("o")}) FILTER (
               WHERE paid_at > ${sql.placeholder("profileNow")}::timestamptz - make_interval(days => coalesce(
                 (SELECT (value #>> '{}')::int FROM playcart_settings WHERE key = 'tierWindowDays'), ${sql.placeholder("defaultTierWindowDays")}::int))
             ), 0)::int AS trailing_spend,
             min(paid_at) AS first_paid_at, max(paid_at) AS last_paid_at,
             count(*) FILTER (WHERE EXISTS (
               SELECT 1 FROM playcart_rewards r WHERE r.order_ref = o.order_ref AND r.status = 'redeemed'))::int AS orders_with_reward
      FROM playcart_order_rewards o WHERE o.customer_id = c.id
    ) s ON true`;
}

const profileStatement = new ShapedStatement<ProfileMatch>((m) => m, profileSql);

/** The profile's one row for a shopper. */
export async function profileRow(db: EngageDb, input: ProfileLookup): Promise<ProfileRow> {
  const [row] = await profileStatement.execute<ProfileRow>(db, profileMatch(input), profileValues(input));
  return row;
}

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

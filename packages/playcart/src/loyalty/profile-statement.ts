// The customer profile's one statement, written once per way of finding the customer: run
// alone for a checkout or an account page (profile.ts reads its row), or embedded in a play's
// first query.
import { type SQL, sql } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import { personKey } from "../core/identity.ts";
import { netPaidSql } from "../core/reversed-share.ts";
import { DEFAULT_SETTINGS } from "../core/settings.ts";
import { ShapedStatement } from "../core/shaped-statement.ts";
import type { ProfileLookup, ProfileRow } from "./profile.ts";

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

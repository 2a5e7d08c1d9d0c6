// Segments a shopper falls into, computed from their paid orders (net of refunds) and the
// rewards those orders used. A shopper can be in several; `segment` is the most telling one.
import { sql } from "drizzle-orm";
import { type EngageDb, rowsOf } from "../core/db.ts";
import { netPaidSql } from "../core/reversed-share.ts";
import { orderRewards, rewards } from "../core/schema.ts";
import type { EngageSettings } from "../core/settings.ts";

export const SEGMENTS = ["new", "active", "lapsed", "high_value", "discount_driven"] as const;
export type Segment = (typeof SEGMENTS)[number];
// Which segment names a shopper best when they are in several.
const PRIORITY: Segment[] = ["high_value", "lapsed", "discount_driven", "active", "new"];

export type OrderStats = {
  paidOrders: number;
  netSpendMinor: number;
  firstPaidAt: Date | null;
  lastPaidAt: Date | null;
  ordersWithReward: number;
  /** Net spend on orders paid after `trailingSince`, by `asOf` or not (0 when it was not given). */
  trailingSpendMinor: number;
};

/**
 * The customer's paid orders, those paid by `asOf` only when given (the time of an event).
 * `trailingSince`: also their trailing spend, every order paid after it (as tiers.ts's
 * trailingSpend counts it), in the same read.
 */
export async function orderStats(
  db: EngageDb,
  customerId: string,
  asOf?: Date,
  trailingSince?: Date,
): Promise<OrderStats> {
  const since = trailingSince?.toISOString() ?? null;
  const upTo = asOf?.toISOString() ?? null;
  const [row] = rowsOf<{
    n: number;
    spend: number;
    trailing: number;
    first: string | Date | null;
    last: string | Date | null;
    discounted: number;
  }>(
    await db.execute(sql`
      SELECT count(*) FILTER (WHERE counted)::int AS n,
             coalesce(sum(${netPaidSql("o")}) FILTER (WHERE counted), 0)::int AS spend,
             coalesce(sum(${netPaidSql("o")}) FILTER (WHERE o.paid_at > ${since}::timestamptz), 0)::int AS trailing,
             min(o.paid_at) FILTER (WHERE counted) AS first, max(o.paid_at) FILTER (WHERE counted) AS last,
             count(*) FILTER (WHERE counted AND EXISTS (
               SELECT 1 FROM ${rewards} r WHERE r.order_ref = o.order_ref AND r.status = 'redeemed'))::int AS discounted
      FROM ${orderRewards} o,
        LATERAL (SELECT ${upTo}::timestamptz IS NULL OR o.paid_at <= ${upTo}::timestamptz AS counted) c
      WHERE o.customer_id = ${customerId}`),
  );
  return {
    paidOrders: Number(row?.n ?? 0),
    netSpendMinor: Number(row?.spend ?? 0),
    firstPaidAt: row?.first ? new Date(row.first) : null,
    lastPaidAt: row?.last ? new Date(row.last) : null,
    ordersWithReward: Number(row?.discounted ?? 0),
    trailingSpendMinor: Number(row?.trailing ?? 0),
  };
}

/** The segments of a shopper with these stats at `now`. Pure: the rules are in one place. */
export function segmentsOf(stats: OrderStats, now: Date, rules: EngageSettings["segments"]): Segment[] {
  const daysSince = (d: Date | null) => (d ? (now.getTime() - d.getTime()) / 86_400_000 : Infinity);
  const out: Segment[] = [];
  if (stats.paidOrders === 0 || (stats.paidOrders === 1 && daysSince(stats.firstPaidAt) <= rules.newDays))
    out.push("new");
  if (stats.paidOrders >= 2 && daysSince(stats.lastPaidAt) <= rules.activeDays) out.push("active");
  if (stats.paidOrders >= 1 && daysSince(stats.lastPaidAt) > rules.activeDays) out.push("lapsed");
  if (stats.netSpendMinor >= rules.highValueMinor && stats.paidOrders >= 1) out.push("high_value");
  if (stats.paidOrders >= 2 && stats.ordersWithReward / stats.paidOrders >= rules.discountShare)
    out.push("discount_driven");
  return out;
}

export const primarySegment = (segments: Segment[]): Segment | null =>
  PRIORITY.find((s) => segments.includes(s)) ?? null;

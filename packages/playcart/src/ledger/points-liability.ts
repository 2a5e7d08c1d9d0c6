// What points are worth in money: a shopper's (for the rewards panel and the account) and the
// store's (the owner's liability report). Every lot is valued at its own rate, fixed when it
// was earned, so a change of the point value moves new lots only.
import { desc, sql } from "drizzle-orm";
import { type EngageDb, rowsOf } from "../core/db.ts";
import { type PointsLiabilityDay, pointsLiabilityDays } from "../core/schema.ts";
import { storeDay } from "../core/store-time.ts";
import { lotsWithRemainder } from "./point-lots.ts";

const DAY_MS = 86_400_000;

export type PointsMoney = { points: number; valueMinor: number };

export type PointsLiability = {
  available: PointsMoney;
  pending: PointsMoney;
  held: PointsMoney;
  /** Available points that expire within `soonDays`. */
  expiringSoon: PointsMoney;
};

type Totals = {
  account: string;
  points: number;
  value: string | number;
  soon_points: number;
  soon_value: string | number;
};

function toLiability(rows: Totals[]): PointsLiability {
  const zero = () => ({ points: 0, valueMinor: 0 });
  const out: PointsLiability = { available: zero(), pending: zero(), held: zero(), expiringSoon: zero() };
  for (const r of rows) {
    if (r.account !== "available" && r.account !== "pending" && r.account !== "held") continue;
    out[r.account] = { points: Number(r.points), valueMinor: Number(r.value) };
    if (r.account === "available")
      out.expiringSoon = { points: Number(r.soon_points), valueMinor: Number(r.soon_value) };
  }
  return out;
}

// Money rounds once per account total (in minor units), not per lot.
const totalsSql = (soonUntil: Date, where: ReturnType<typeof sql>) => sql`
  SELECT l.account, sum(l.remaining)::int AS points,
         round(sum(l.remaining * l.value_minor_per_point))::int AS value,
         coalesce(sum(l.remaining) FILTER (WHERE l.expires_at <= ${soonUntil.toISOString()}::timestamptz), 0)::int AS soon_points,
         coalesce(round(sum(l.remaining * l.value_minor_per_point) FILTER (WHERE l.expires_at <= ${soonUntil.toISOString()}::timestamptz)), 0)::int AS soon_value
  FROM (${lotsWithRemainder}) l
  WHERE l.remaining > 0 ${where}
  GROUP BY l.account`;

/** The store's outstanding points in money, per account, and what expires within `soonDays`. */
export async function pointsLiability(db: EngageDb, now: Date, soonDays: number): Promise<PointsLiability> {
  return toLiability(rowsOf<Totals>(await db.execute(totalsSql(new Date(now.getTime() + soonDays * DAY_MS), sql``))));
}

export type ExpiringLot = PointsMoney & { expiresAt: Date };
export type PendingLot = PointsMoney & { releasesAt: Date };

export type ShopperPoints = PointsLiability & {
  /** Available points expiring within `soonDays`, by expiry instant, soonest first. */
  expiring: ExpiringLot[];
  /** Pending points by release instant, soonest first. */
  releasing: PendingLot[];
};

/** One shopper's points in money, with what expires soon and when pending points release. */
export async function shopperPoints(
  db: EngageDb,
  customerId: string,
  now: Date,
  soonDays: number,
): Promise<ShopperPoints> {
  const soonUntil = new Date(now.getTime() + soonDays * DAY_MS);
  const mine = sql`AND l.customer_id = ${customerId}`;
  type Dated = { at: string | Date; points: number; value: string | number };
  const [totals, expiring, releasing] = await Promise.all([
    db.execute(totalsSql(soonUntil, mine)),
    db.execute(sql`
      SELECT l.expires_at AS at, sum(l.remaining)::int AS points, round(sum(l.remaining * l.value_minor_per_point))::int AS value
      FROM (${lotsWithRemainder}) l
      WHERE l.remaining > 0 ${mine} AND l.account = 'available' AND l.expires_at <= ${soonUntil.toISOString()}::timestamptz
      GROUP BY l.expires_at ORDER BY l.expires_at LIMIT 10`),
    db.execute(sql`
      SELECT l.releases_at AS at, sum(l.remaining)::int AS points, round(sum(l.remaining * l.value_minor_per_point))::int AS value
      FROM (${lotsWithRemainder}) l
      WHERE l.remaining > 0 ${mine} AND l.account = 'pending'
      GROUP BY l.releases_at ORDER BY l.releases_at LIMIT 10`),
  ]);
  const dated = (rows: unknown) =>
    rowsOf<Dated>(rows).map((r) => ({ at: new Date(r.at), points: Number(r.points), valueMinor: Number(r.value) }));
  return {
    ...toLiability(rowsOf<Totals>(totals)),
    expiring: dated(expiring).map(({ at, ...m }) => ({ ...m, expiresAt: at })),
    releasing: dated(releasing).map(({ at, ...m }) => ({ ...m, releasesAt: at })),
  };
}

/** Records (or rewrites) the store day's liability: the daily report's row for that day. */
export async function recordLiabilityDay(
  db: EngageDb,
  opts: { now: Date; timeZone: string; soonDays: number },
): Promise<PointsLiabilityDay> {
  const l = await pointsLiability(db, opts.now, opts.soonDays);
  const row = {
    storeDay: storeDay(opts.now, opts.timeZone),
    availablePoints: l.available.points,
    availableMinor: l.available.valueMinor,
    pendingPoints: l.pending.points,
    pendingMinor: l.pending.valueMinor,
    heldPoints: l.held.points,
    heldMinor: l.held.valueMinor,
    expiringPoints: l.expiringSoon.points,
    expiringMinor: l.expiringSoon.valueMinor,
    recordedAt: opts.now,
  };
  const { storeDay: _day, ...figures } = row;
  const [saved] = await db
    .insert(pointsLiabilityDays)
    .values(row)
    .onConflictDoUpdate({ target: pointsLiabilityDays.storeDay, set: figures })
    .returning();
  return saved;
}

/** The daily report, newest day first. */
export async function liabilityDays(db: EngageDb, limit = 90): Promise<PointsLiabilityDay[]> {
  return db.select().from(pointsLiabilityDays).orderBy(desc(pointsLiabilityDays.storeDay)).limit(limit);
}

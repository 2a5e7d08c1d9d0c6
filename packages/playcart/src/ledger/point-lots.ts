// Points in lots. Each credit opens a lot with its own expiry and money value per point; each
// debit takes from lots, oldest expiry first (an order's own lots first on the pending and
// held accounts), and records what it took as allocations. Nothing is edited: a lot's
// remainder is its points less its allocations, and per account the remainders add up to
// the ledger balance. Callers hold the account's balance row lock (postEntry takes it).
import { sql } from "drizzle-orm";
import { type EngageDb, rowsOf } from "../core/db.ts";
import { type LedgerEntry, lotAllocations, pointLots } from "../core/schema.ts";
import type { EngageSettings } from "../core/settings.ts";

const DAY_MS = 86_400_000;

export type LotTerms = {
  earnedAt: Date;
  valueMinorPerPoint: number;
  expiresAt: Date | null;
  releasesAt: Date | null;
};

/** What a point taken from a lot carries along when it moves account. */
export type Taken = {
  lotId: number;
  points: number;
  valueMinorPerPoint: number;
  expiresAt: Date | null;
  earnedAt: Date;
};

/** The terms of points earned at `at` under the store's settings (pending: an order's points). */
export function lotTermsFor(
  settings: Pick<EngageSettings, "pointsExpiryDays" | "pointValueMinor" | "returnWindowDays">,
  at: Date,
  opts: { pending?: boolean } = {},
): LotTerms {
  return {
    earnedAt: at,
    valueMinorPerPoint: settings.pointValueMinor,
    expiresAt: settings.pointsExpiryDays > 0 ? new Date(at.getTime() + settings.pointsExpiryDays * DAY_MS) : null,
    releasesAt: opts.pending ? new Date(at.getTime() + settings.returnWindowDays * DAY_MS) : null,
  };
}

/** Opens the lot of a credit entry. */
export async function openLot(db: EngageDb, entry: LedgerEntry, terms: LotTerms): Promise<void> {
  await db.insert(pointLots).values({
    customerId: entry.customerId,
    account: entry.account,
    entryId: entry.id,
    orderRef: entry.orderRef,
    points: entry.delta,
    valueMinorPerPoint: terms.valueMinorPerPoint,
    earnedAt: terms.earnedAt,
    expiresAt: terms.expiresAt,
    releasesAt: entry.account === "pending" ? terms.releasesAt : null,
  });
}

/** Opens lots for a credit that moves points from other lots, keeping their expiry and value. */
export async function carryLots(db: EngageDb, entry: LedgerEntry, taken: Taken[], releasesAt: Date | null = null) {
  const rows = taken.filter((t) => t.points > 0);
  if (rows.reduce((s, t) => s + t.points, 0) !== entry.delta)
    throw new Error(`entry ${entry.sourceKey}: carried lots do not add up to ${entry.delta}`);
  await db.insert(pointLots).values(
    rows.map((t) => ({
      customerId: entry.customerId,
      account: entry.account,
      entryId: entry.id,
      fromLotId: t.lotId,
      orderRef: entry.orderRef,
      points: t.points,
      valueMinorPerPoint: t.valueMinorPerPoint,
      earnedAt: t.earnedAt,
      expiresAt: t.expiresAt,
      releasesAt: entry.account === "pending" ? releasesAt : null,
    })),
  );
}

type LotRow = {
  id: number;
  remaining: number;
  value: string | number;
  expires_at: string | Date | null;
  earned_at: string | Date;
};

/**
 * Records which lots a debit entry took its points from: `fromLot` only when given (a release
 * or an expiry), else the entry's order's lots first on pending and held, then oldest expiry
 * first (no expiry last), then oldest lot.
 */
export async function allocateDebit(db: EngageDb, entry: LedgerEntry, fromLot?: number): Promise<Taken[]> {
  let want = -entry.delta;
  if (want <= 0) return [];
  const ownOrderFirst =
    entry.account !== "available" && entry.orderRef
      ? sql`(l.order_ref IS NOT DISTINCT FROM ${entry.orderRef}) DESC,`
      : sql``;
  const rows = rowsOf<LotRow>(
    await db.execute(sql`
      SELECT l.id, l.value_minor_per_point AS value, l.expires_at, l.earned_at,
             l.points - coalesce((SELECT sum(a.points) FROM ${lotAllocations} a WHERE a.lot_id = l.id), 0)::int AS remaining
      FROM ${pointLots} l
      WHERE l.customer_id = ${entry.customerId} AND l.account = ${entry.account}
        ${fromLot === undefined ? sql`` : sql`AND l.id = ${fromLot}`}
      ORDER BY ${ownOrderFirst} l.expires_at ASC NULLS LAST, l.id ASC`),
  );
  const taken: Taken[] = [];
  for (const r of rows) {
    const remaining = Number(r.remaining);
    if (want === 0) break;
    if (remaining <= 0) continue;
    const points = Math.min(want, remaining);
    want -= points;
    taken.push({
      lotId: Number(r.id),
      points,
      valueMinorPerPoint: Number(r.value),
      expiresAt: r.expires_at === null ? null : new Date(r.expires_at),
      earnedAt: new Date(r.earned_at),
    });
  }
  // The lots add up to the balance the debit was checked against: a shortfall is a bug.
  if (want > 0) throw new Error(`entry ${entry.sourceKey}: lots lack ${want} of ${-entry.delta} points`);
  await db.insert(lotAllocations).values(taken.map((t) => ({ lotId: t.lotId, entryId: entry.id, points: t.points })));
  return taken;
}

/** The points left in one lot. */
export async function lotRemainder(db: EngageDb, lotId: number): Promise<number> {
  const [row] = rowsOf<{ remaining: number }>(
    await db.execute(sql`
      SELECT l.points - coalesce((SELECT sum(a.points) FROM ${lotAllocations} a WHERE a.lot_id = l.id), 0)::int AS remaining
      FROM ${pointLots} l WHERE l.id = ${lotId}`),
  );
  return Number(row?.remaining ?? 0);
}

/** SQL for every lot with its remainder (a subquery: `FROM (${lotsWithRemainder}) l`). */
export const lotsWithRemainder = sql`
  SELECT l.*, l.points - coalesce((SELECT sum(a.points) FROM ${lotAllocations} a WHERE a.lot_id = l.id), 0)::int AS remaining
  FROM ${pointLots} l`;

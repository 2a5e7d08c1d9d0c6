// The engine's scheduled work on lots: release pending points whose return window closed, and
// expire what is left of lots past their expiry. Each lot is settled by entries keyed by the
// lot (`release:<lot>`, `expire:<lot>`), so a lot moves exactly once however many instances
// run the job at once: workers skip lots another holds (SKIP LOCKED), and the source keys
// and the balance row lock catch whatever slips past.
import { sql } from "drizzle-orm";
import { type EngageDb, rowsOf } from "../core/db.ts";
import { pointLots } from "../core/schema.ts";
import { lockBalance, postEntry } from "./ledger.ts";
import { lotsWithRemainder } from "./point-lots.ts";

type DueLot = { id: number; customer_id: string; order_ref: string | null };

async function dueLots(db: EngageDb, account: "pending" | "available", now: Date, limit: number): Promise<DueLot[]> {
  const due = account === "pending" ? sql`l.releases_at` : sql`l.expires_at`;
  return rowsOf<DueLot>(
    await db.execute(sql`
      SELECT l.id, l.customer_id, l.order_ref FROM (${lotsWithRemainder}) l
      WHERE l.account = ${account} AND ${due} <= ${now.toISOString()}::timestamptz AND l.remaining > 0
      ORDER BY ${due}, l.id LIMIT ${limit}`),
  );
}

/** Locks one lot for this worker (0: another holds it) and returns its remainder after the balance lock. */
async function claimLot(tx: EngageDb, lot: DueLot, account: "pending" | "available"): Promise<number> {
  // NO KEY UPDATE: workers exclude each other, but a refund or a redemption allocating from
  // this lot (whose foreign key takes KEY SHARE on it) is not blocked, so it cannot deadlock
  // with us on the balance row it already holds.
  const claimed = rowsOf<{ id: number }>(
    await tx.execute(sql`SELECT id FROM ${pointLots} WHERE id = ${lot.id} FOR NO KEY UPDATE SKIP LOCKED`),
  );
  if (claimed.length === 0) return 0;
  await lockBalance(tx, lot.customer_id, account);
  const [row] = rowsOf<{ remaining: number }>(
    await tx.execute(sql`SELECT remaining FROM (${lotsWithRemainder}) l WHERE l.id = ${lot.id}`),
  );
  return Number(row?.remaining ?? 0);
}

const short = (ref: string | null) => (ref ? ref.slice(0, 8).toUpperCase() : "");

/** Moves every pending lot whose return window has closed to available. Returns points released. */
export async function releasePendingPoints(db: EngageDb, now: Date, limit = 1_000): Promise<number> {
  let released = 0;
  for (const lot of await dueLots(db, "pending", now, limit)) {
    released += await db.transaction(async (tx) => {
      const points = await claimLot(tx, lot, "pending");
      if (points <= 0) return 0;
      const reason = lot.order_ref ? `Order ${short(lot.order_ref)}: return window closed` : "Pending points released";
      const base = { customerId: lot.customer_id, orderRef: lot.order_ref, kind: "release" as const, reason };
      const out = await postEntry(tx, {
        ...base,
        account: "pending",
        delta: -points,
        sourceKey: `release:${lot.id}`,
        fromLot: lot.id,
      });
      if (!out) return 0;
      await postEntry(tx, { ...base, delta: points, sourceKey: `release:${lot.id}:in`, carry: { taken: out.taken } });
      return points;
    });
  }
  return released;
}

/** Removes what is left of every available lot past its expiry. Returns points expired. */
export async function expireLots(db: EngageDb, now: Date, limit = 1_000): Promise<number> {
  let expired = 0;
  for (const lot of await dueLots(db, "available", now, limit)) {
    expired += await db.transaction(async (tx) => {
      const points = await claimLot(tx, lot, "available");
      if (points <= 0) return 0;
      const entry = await postEntry(tx, {
        customerId: lot.customer_id,
        delta: -points,
        kind: "expire",
        reason: `${points} points expired`,
        sourceKey: `expire:${lot.id}`,
        fromLot: lot.id,
      });
      return entry ? points : 0;
    });
  }
  return expired;
}

// The points ledger. Entries are only ever inserted; the database keeps each account's
// balance (trigger + CHECK >= 0) so no code path can overdraw or edit history.
import { and, desc, eq, sql } from "drizzle-orm";
import { type EngageDb, isUniqueViolation, rowsOf } from "../core/db.ts";
import { InsufficientPointsError } from "../core/errors.ts";
import { type LedgerAccount, type LedgerEntry, type LedgerKind, ledgerEntries, pointBalances } from "../core/schema.ts";
import { getSettings } from "../core/settings.ts";
import { allocateDebit, carryLots, type LotTerms, lotTermsFor, openLot, type Taken } from "./point-lots.ts";

export type NewEntry = {
  customerId: string;
  account?: LedgerAccount;
  delta: number;
  kind: LedgerKind;
  reason: string;
  sourceKey: string;
  orderRef?: string | null;
  uncollected?: number;
  actor?: string | null;
  /** When the cause happened (the host's clock): a credit's lot is dated from it. */
  at?: Date;
  /** A credit's lot terms; by default the store's settings at `at`. */
  lot?: LotTerms;
  /** A credit that moves points between accounts: the lots they came from (kept terms). */
  carry?: { taken: Taken[]; releasesAt?: Date | null };
  /** A debit that must come from this one lot (a release or an expiry). */
  fromLot?: number;
};

export type PostedEntry = LedgerEntry & { taken: Taken[] };

/** Locks the account's balance row for the rest of the transaction and returns it. */
export async function lockBalance(
  db: EngageDb,
  customerId: string,
  account: LedgerAccount = "available",
): Promise<number> {
  const rows = await db
    .select({ balance: pointBalances.balance })
    .from(pointBalances)
    .where(and(eq(pointBalances.customerId, customerId), eq(pointBalances.account, account)))
    .for("update");
  return rows[0]?.balance ?? 0;
}

/**
 * Appends one entry. Returns null when an entry with the same source key exists: the cause
 * was already applied. Throws InsufficientPointsError instead of overdrawing.
 */
export async function postEntry(db: EngageDb, entry: NewEntry): Promise<PostedEntry | null> {
  if (!Number.isSafeInteger(entry.delta)) throw new RangeError(`ledger delta must be an integer, got ${entry.delta}`);
  const account = entry.account ?? "available";
  const existing = await db
    .select({ id: ledgerEntries.id })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.sourceKey, entry.sourceKey));
  if (existing.length > 0) return null;

  if (entry.delta < 0) {
    const balance = await lockBalance(db, entry.customerId, account);
    if (balance + entry.delta < 0) throw new InsufficientPointsError(balance, -entry.delta);
  }
  try {
    // A savepoint, so that losing a race on the source key leaves the caller's transaction
    // usable. (Not ON CONFLICT DO NOTHING: the balance trigger fires before conflict checks.)
    return await db.transaction(async (sp) => {
      const { at, lot, carry, fromLot, ...values } = entry;
      const [row] = await sp
        .insert(ledgerEntries)
        .values({ ...values, account, orderRef: entry.orderRef ?? null, uncollected: entry.uncollected ?? 0 })
        .returning();
      // The entry and its lot or allocations land together, or not at all.
      let taken: Taken[] = [];
      if (row.delta < 0) taken = await allocateDebit(sp, row, fromLot);
      else if (row.delta > 0 && carry) await carryLots(sp, row, carry.taken, carry.releasesAt ?? null);
      else if (row.delta > 0)
        await openLot(
          sp,
          row,
          lot ?? lotTermsFor(await getSettings(sp), at ?? new Date(), { pending: account === "pending" }),
        );
      return { ...row, taken };
    });
  } catch (err) {
    if (isUniqueViolation(err, "source_key")) return null;
    throw err;
  }
}

export async function balances(db: EngageDb, customerId: string): Promise<Record<LedgerAccount, number>> {
  const rows = await db
    .select({ account: pointBalances.account, balance: pointBalances.balance })
    .from(pointBalances)
    .where(eq(pointBalances.customerId, customerId));
  const out: Record<LedgerAccount, number> = { available: 0, held: 0, pending: 0 };
  for (const r of rows) out[r.account] = r.balance;
  return out;
}

export async function history(db: EngageDb, customerId: string, limit = 50) {
  return db
    .select({
      id: ledgerEntries.id,
      account: ledgerEntries.account,
      delta: ledgerEntries.delta,
      balanceAfter: ledgerEntries.balanceAfter,
      kind: ledgerEntries.kind,
      reason: ledgerEntries.reason,
      orderRef: ledgerEntries.orderRef,
      createdAt: ledgerEntries.createdAt,
    })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.customerId, customerId))
    .orderBy(desc(ledgerEntries.id))
    .limit(limit);
}

export type Mismatch = { customerId: string; account: LedgerAccount; stored: number; fromEntries: number };

/** Recomputes every balance from the entries; returns the accounts that disagree. */
export async function reconcile(db: EngageDb): Promise<{ accounts: number; mismatches: Mismatch[] }> {
  type Row = { customer_id: string; account: LedgerAccount; stored: number | null; from_entries: number | null };
  const rows = rowsOf<Row>(
    await db.execute(sql`
      SELECT coalesce(b.customer_id, e.customer_id) AS customer_id,
             coalesce(b.account, e.account) AS account,
             b.balance AS stored,
             e.total AS from_entries
      FROM ${pointBalances} b
      FULL OUTER JOIN (
        SELECT customer_id, account, sum(delta)::int AS total
        FROM ${ledgerEntries} GROUP BY customer_id, account
      ) e ON e.customer_id = b.customer_id AND e.account = b.account
    `),
  );
  const mismatches = rows
    .filter((r) => (r.stored ?? 0) !== (r.from_entries ?? 0))
    .map((r) => ({
      customerId: r.customer_id,
      account: r.account,
      stored: r.stored ?? 0,
      fromEntries: r.from_entries ?? 0,
    }));
  return { accounts: rows.length, mismatches };
}

// Points lots on a real Postgres under concurrency: several engines releasing or expiring the
// same lots at once apply each lot once, and a redemption racing a release or an expiry never
// overdraws or double-counts.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import {
  balances,
  ensureCustomer,
  expireLots,
  InsufficientPointsError,
  postEntry,
  reconcile,
  recordOrderPaid,
  recordOrderRefund,
  releasePendingPoints,
  saveSettings,
} from "playcart";
import { ledgerEntries } from "playcart/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, openPostgres } from "@/db/client";
import { createTestDatabase } from "../support/pg";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let close: () => Promise<void>;
const DAY = 86_400_000;
const PAID = new Date("2026-06-01T10:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  const wide = await openPostgres(t.url, { max: 12, migrate: false });
  db = wide.db;
  close = wide.close;
  await saveSettings(t.db, { returnWindowDays: 14, pointsExpiryDays: 30 });
});
afterAll(async () => {
  await close?.().catch(() => {});
  await t?.drop();
});

async function shopperWithOrders(orders: number) {
  const email = `lots-${randomUUID().slice(0, 8)}@example.test`;
  for (let i = 0; i < orders; i++)
    await recordOrderPaid(t.db, {
      orderRef: `${email}-${i}`,
      email,
      amountPaidMinor: 5_000,
      currency: "usd",
      paidAt: PAID,
    });
  return ensureCustomer(t.db, { email });
}

const kindCount = async (customerId: string, kind: "release" | "expire") =>
  (
    await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(ledgerEntries)
      .where(sql`${ledgerEntries.customerId} = ${customerId} AND ${ledgerEntries.kind} = ${kind}`)
  )[0].n;

describe("points lots under concurrency", () => {
  it("eight releases at once move each pending lot once", async () => {
    const c = await shopperWithOrders(5);
    expect(await balances(t.db, c.id)).toEqual({ available: 0, pending: 250, held: 0 });
    const at = new Date(PAID.getTime() + 14 * DAY);
    const released = await Promise.all(Array.from({ length: 8 }, () => releasePendingPoints(db, at)));
    expect(
      released.reduce((s, n) => s + n, 0),
      "points released across all runs",
    ).toBe(250);
    expect(await balances(t.db, c.id)).toEqual({ available: 250, pending: 0, held: 0 });
    // Each lot: one entry out of pending, one into available.
    expect(await kindCount(c.id, "release")).toBe(10);
    expect((await reconcile(t.db)).mismatches).toEqual([]);
  });

  it("eight expiries at once expire each lot once, while a redemption races them", async () => {
    const c = await shopperWithOrders(4);
    await releasePendingPoints(db, new Date(PAID.getTime() + 14 * DAY));
    const at = new Date(PAID.getTime() + 30 * DAY);
    // A redemption of 120 of the 200 points races the expiry: it goes first (the expiry
    // takes the remaining 80) or is refused (the expiry took all 200). Never both, never less.
    const [redeem, ...expired] = await Promise.allSettled([
      db.transaction((tx) =>
        postEntry(tx, { customerId: c.id, delta: -120, kind: "redeem", reason: "Reward", sourceKey: randomUUID() }),
      ),
      ...Array.from({ length: 8 }, () => expireLots(db, at)),
    ]);
    expect(expired.every((r) => r.status === "fulfilled")).toBe(true);
    // Only this shopper's expiries: the runs also expire other tests' lots.
    const [row] = await t.db
      .select({ n: sql<number>`coalesce(-sum(${ledgerEntries.delta}), 0)::int` })
      .from(ledgerEntries)
      .where(sql`${ledgerEntries.customerId} = ${c.id} AND ${ledgerEntries.kind} = 'expire'`);
    const total = row.n;
    if (redeem.status === "fulfilled") expect(total).toBe(80);
    else {
      expect(redeem.reason).toBeInstanceOf(InsufficientPointsError);
      expect(total).toBe(200);
    }
    expect(await balances(t.db, c.id)).toEqual({ available: 0, pending: 0, held: 0 });
    expect(await kindCount(c.id, "expire")).toBeLessThanOrEqual(4);
    expect((await reconcile(t.db)).mismatches).toEqual([]);
  });

  it("a release racing a refund of the same order never gives the refunded points (nor deadlocks)", async () => {
    // Several rounds: the race has more than one interleaving.
    for (let round = 0; round < 6; round++) await releaseRacesRefund();
  });
});

async function releaseRacesRefund() {
  {
    const c = await shopperWithOrders(1);
    const orderRef = (await t.db.select().from(ledgerEntries).where(eq(ledgerEntries.customerId, c.id)))[0].orderRef!;
    const at = new Date(PAID.getTime() + 14 * DAY);
    await Promise.all([
      releasePendingPoints(db, at),
      db.transaction((tx) => recordOrderRefund(tx, orderRef, 5_000, at)),
      releasePendingPoints(db, at),
    ]);
    const b = await balances(t.db, c.id);
    // Refunded in full: whichever came first, the 50 points are gone and nothing is negative.
    expect(b).toEqual({ available: 0, pending: 0, held: 0 });
    expect((await reconcile(t.db)).mismatches).toEqual([]);
  }
}

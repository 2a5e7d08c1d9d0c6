// Points on paid orders and their reversal by refunds and disputes, case by case.
import { randomUUID } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import { ensureCustomer } from "playcart/internal/core/customers";
import { pgError } from "playcart/internal/core/db";
import { InsufficientPointsError } from "playcart/internal/core/errors";
import { DEFAULT_SETTINGS, saveSettings } from "playcart/internal/core/settings";
import { balances, postEntry, reconcile } from "playcart/internal/ledger/ledger";
import { releasePendingPoints } from "playcart/internal/ledger/lot-jobs";
import {
  recordOrderDispute,
  recordOrderPaid,
  recordOrderRefund,
  syncOrderPoints,
} from "playcart/internal/ledger/order-points";
import { ledgerEntries } from "playcart/schema";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createMemoryDb } from "../support/pglite";

let db: Db;
let close: () => Promise<void>;

// These cases are about points already released: no return window (pending points have
// their own cases below, and test/unit/points-lots.property.test.ts).
const RELEASED = { ...DEFAULT_SETTINGS, returnWindowDays: 0 };

beforeAll(async () => {
  ({ db, close } = await createMemoryDb());
  await saveSettings(db, RELEASED);
}, 240_000);
afterAll(async () => {
  await close?.();
});
afterEach(async () => {
  await saveSettings(db, RELEASED);
  // Every case must leave the stored balances equal to their entries.
  expect((await reconcile(db)).mismatches).toEqual([]);
});

/** A fresh customer and order reference for one case. */
function fresh() {
  const id = randomUUID();
  return { email: `shopper-${id}@example.test`, ref: `order-${id}` };
}

const paid = (
  ref: string,
  email: string,
  amountPaidMinor: number,
  extra: { currency?: string; amountRefundedMinor?: number; disputeStatus?: "open" | "won" | "lost" } = {},
) =>
  db.transaction((tx) =>
    recordOrderPaid(tx, {
      orderRef: ref,
      email,
      amountPaidMinor,
      currency: extra.currency ?? "usd",
      paidAt: new Date(),
      ...extra,
    }),
  );
const refund = (ref: string, cumulative: number) =>
  db.transaction((tx) => recordOrderRefund(tx, ref, cumulative, new Date()));
const dispute = (ref: string, status: "open" | "won" | "lost") =>
  db.transaction((tx) => recordOrderDispute(tx, ref, status));

/** Available and held; outside the pending cases nothing may be pending. */
async function balanceOf(email: string) {
  const customer = await ensureCustomer(db, { email });
  const { pending, ...rest } = await balances(db, customer.id);
  expect(pending, "no return window: nothing pending").toBe(0);
  return rest;
}

/** The Postgres error a query fails with (Drizzle wraps it); fails the test if it succeeds. */
async function dbError(query: PromiseLike<unknown>) {
  try {
    await query;
  } catch (err) {
    const pg = pgError(err);
    expect(pg, String(err)).toBeDefined();
    return pg;
  }
  throw new Error("expected the database to reject the query");
}

/** The order's entries, oldest first. */
async function entriesOf(ref: string) {
  return db
    .select({
      account: ledgerEntries.account,
      delta: ledgerEntries.delta,
      kind: ledgerEntries.kind,
      uncollected: ledgerEntries.uncollected,
      reason: ledgerEntries.reason,
    })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.orderRef, ref))
    .orderBy(asc(ledgerEntries.id));
}

describe("earning", () => {
  it("earns floor(dollars) at the default rate of 1", async () => {
    const { email, ref } = fresh();
    expect(await paid(ref, email, 4_999)).toBe(49);
    expect(await balanceOf(email)).toEqual({ available: 49, held: 0 });
    expect(await entriesOf(ref)).toEqual([expect.objectContaining({ kind: "earn", delta: 49, account: "available" })]);
  });

  it("earns nothing below one unit of currency, and writes no entry", async () => {
    const { email, ref } = fresh();
    expect(await paid(ref, email, 99)).toBe(0);
    expect(await entriesOf(ref)).toEqual([]);
    expect(await balanceOf(email)).toEqual({ available: 0, held: 0 });
  });

  it("uses the saved earn rate, still rounding down", async () => {
    await saveSettings(db, { earnRate: 1.5 });
    const { email, ref } = fresh();
    // $10.99 x 1.5 = 16.485 points
    expect(await paid(ref, email, 1_099)).toBe(16);
    await saveSettings(db, { earnRate: 0.25 });
    const second = fresh();
    // $39.99 x 0.25 = 9.9975 points
    expect(await paid(second.ref, email, 3_999)).toBe(9);
    expect(await balanceOf(email)).toEqual({ available: 25, held: 0 });
  });

  it("counts whole units of the order's currency (yen have no minor unit)", async () => {
    const { email, ref } = fresh();
    expect(await paid(ref, email, 1_234, { currency: "jpy" })).toBe(1_234);
  });

  it("a replayed payment earns once, and the customer is the lower-cased email", async () => {
    const { email, ref } = fresh();
    await paid(ref, email.toUpperCase(), 2_000);
    await paid(ref, email, 2_000);
    await db.transaction((tx) => syncOrderPoints(tx, ref));
    expect(await entriesOf(ref)).toHaveLength(1);
    expect(await balanceOf(`  ${email.toUpperCase()} `)).toEqual({ available: 20, held: 0 });
  });
});

describe("refunds", () => {
  it("two partial refunds claw back proportionally, from the cumulative amount", async () => {
    const { email, ref } = fresh();
    await paid(ref, email, 10_000);
    await refund(ref, 2_500);
    await refund(ref, 6_000);
    expect((await entriesOf(ref)).map((e) => [e.kind, e.delta])).toEqual([
      ["earn", 100],
      ["clawback", -25],
      ["clawback", -35],
    ]);
    expect(await balanceOf(email)).toEqual({ available: 40, held: 0 });
  });

  it("a stale or replayed refund changes nothing", async () => {
    const { email, ref } = fresh();
    await paid(ref, email, 10_000);
    await refund(ref, 6_000);
    const before = await entriesOf(ref);
    await refund(ref, 6_000); // replayed
    await refund(ref, 2_500); // an older event arriving late
    await refund(ref, 0);
    expect(await entriesOf(ref)).toEqual(before);
    expect(await balanceOf(email)).toEqual({ available: 40, held: 0 });
  });

  it("a full refund claws back every point, and more than the amount paid changes nothing more", async () => {
    const { email, ref } = fresh();
    await paid(ref, email, 3_333);
    await refund(ref, 1_000); // floor(33 * 1000 / 3333) = 9
    await refund(ref, 3_333);
    await refund(ref, 9_999);
    expect((await entriesOf(ref)).map((e) => e.delta)).toEqual([33, -9, -24]);
    expect(await balanceOf(email)).toEqual({ available: 0, held: 0 });
  });

  it("after the points were spent, claws back what is left and records the rest as uncollected", async () => {
    const { email, ref } = fresh();
    await paid(ref, email, 10_000);
    const customer = await ensureCustomer(db, { email });
    await postEntry(db, {
      customerId: customer.id,
      delta: -80,
      kind: "redeem",
      reason: "Free pastry",
      sourceKey: `redeem:${ref}`,
    });
    await refund(ref, 10_000);
    const claw = (await entriesOf(ref)).filter((e) => e.kind === "clawback");
    expect(claw).toEqual([expect.objectContaining({ delta: -20, uncollected: 80 })]);
    expect(claw[0].reason).toMatch(/80 points already spent/);
    expect(await balanceOf(email)).toEqual({ available: 0, held: 0 });
    // Nothing more is owed: a replay does not try again.
    await refund(ref, 10_000);
    expect(await entriesOf(ref)).toHaveLength(2);
  });

  it("with nothing left to take, still records the clawback as uncollected", async () => {
    const { email, ref } = fresh();
    await paid(ref, email, 5_000);
    const customer = await ensureCustomer(db, { email });
    await postEntry(db, {
      customerId: customer.id,
      delta: -50,
      kind: "redeem",
      reason: "Mug",
      sourceKey: `redeem:${ref}`,
    });
    await refund(ref, 2_000);
    expect((await entriesOf(ref)).at(-1)).toMatchObject({ kind: "clawback", delta: 0, uncollected: 20 });
  });

  it("a refund seen before the payment is netted out when the payment is recorded", async () => {
    const { email, ref } = fresh();
    await refund(ref, 4_000); // no order yet: nothing to do
    expect(await entriesOf(ref)).toEqual([]);
    expect(await paid(ref, email, 10_000, { amountRefundedMinor: 4_000 })).toBe(100);
    expect((await entriesOf(ref)).map((e) => [e.kind, e.delta])).toEqual([
      ["earn", 100],
      ["clawback", -40],
    ]);
    expect(await balanceOf(email)).toEqual({ available: 60, held: 0 });
  });
});

describe("disputes", () => {
  it("open moves the order's points to held; won releases them", async () => {
    const { email, ref } = fresh();
    await paid(ref, email, 7_000);
    await dispute(ref, "open");
    expect(await balanceOf(email)).toEqual({ available: 0, held: 70 });
    await dispute(ref, "open"); // replayed
    expect(await balanceOf(email)).toEqual({ available: 0, held: 70 });
    await dispute(ref, "won");
    expect(await balanceOf(email)).toEqual({ available: 70, held: 0 });
    await dispute(ref, "won");
    await dispute(ref, "open"); // a late "open" cannot reopen a closed dispute
    expect(await balanceOf(email)).toEqual({ available: 70, held: 0 });
    expect((await entriesOf(ref)).map((e) => [e.kind, e.account, e.delta])).toEqual([
      ["earn", "available", 70],
      ["dispute_hold", "available", -70],
      ["dispute_hold", "held", 70],
      ["dispute_release", "held", -70],
      ["dispute_release", "available", 70],
    ]);
  });

  it("holds only this order's points, not the customer's others", async () => {
    const { email, ref } = fresh();
    const other = fresh();
    await paid(other.ref, email, 5_000);
    await paid(ref, email, 2_000);
    await dispute(ref, "open");
    expect(await balanceOf(email)).toEqual({ available: 50, held: 20 });
  });

  it("lost removes the held points", async () => {
    const { email, ref } = fresh();
    await paid(ref, email, 7_000);
    await dispute(ref, "open");
    await dispute(ref, "lost");
    await dispute(ref, "won"); // closed stays closed
    expect(await balanceOf(email)).toEqual({ available: 0, held: 0 });
    expect((await entriesOf(ref)).at(-1)).toMatchObject({ kind: "dispute_lost", account: "held", delta: -70 });
  });

  it("closed before open: lost takes the points from the balance, and the late open does nothing", async () => {
    const { email, ref } = fresh();
    await paid(ref, email, 7_000);
    await dispute(ref, "lost");
    expect(await balanceOf(email)).toEqual({ available: 0, held: 0 });
    await dispute(ref, "open");
    expect(await balanceOf(email)).toEqual({ available: 0, held: 0 });
    expect((await entriesOf(ref)).map((e) => [e.kind, e.delta])).toEqual([
      ["earn", 70],
      ["dispute_lost", -70],
    ]);
  });

  it("closed before open: won holds nothing", async () => {
    const { email, ref } = fresh();
    await paid(ref, email, 7_000);
    await dispute(ref, "won");
    await dispute(ref, "open");
    expect(await balanceOf(email)).toEqual({ available: 70, held: 0 });
    expect(await entriesOf(ref)).toHaveLength(1);
  });

  it("a dispute seen before the payment applies when the payment is recorded", async () => {
    const { email, ref } = fresh();
    await paid(ref, email, 3_000, { disputeStatus: "open" });
    expect(await balanceOf(email)).toEqual({ available: 0, held: 30 });
  });

  it("a refund during an open dispute takes the held points, so winning returns only the rest", async () => {
    const { email, ref } = fresh();
    const other = fresh();
    await paid(other.ref, email, 5_000);
    await paid(ref, email, 10_000);
    await dispute(ref, "open");
    await refund(ref, 4_000);
    expect(await balanceOf(email)).toEqual({ available: 50, held: 60 });
    await dispute(ref, "won");
    expect(await balanceOf(email)).toEqual({ available: 110, held: 0 });
  });

  it("a refund arriving after a lost dispute takes nothing more", async () => {
    const { email, ref } = fresh();
    const other = fresh();
    await paid(other.ref, email, 5_000);
    await paid(ref, email, 10_000);
    await dispute(ref, "lost");
    await refund(ref, 4_000);
    // The other order's 50 points are untouched.
    expect(await balanceOf(email)).toEqual({ available: 50, held: 0 });
  });
});

describe("the ledger itself", () => {
  it("rejects UPDATE, DELETE and TRUNCATE of entries", async () => {
    const { email, ref } = fresh();
    await paid(ref, email, 1_000);
    const [{ id }] = await db
      .select({ id: ledgerEntries.id })
      .from(ledgerEntries)
      .where(eq(ledgerEntries.orderRef, ref));
    const appendOnly = {
      code: "23001",
      message: expect.stringMatching(/append-only \((UPDATE|DELETE|TRUNCATE) rejected\)/),
    };
    expect(
      await dbError(db.execute(sql`UPDATE playcart_ledger_entries SET delta = 1000 WHERE id = ${id}`)),
    ).toMatchObject(appendOnly);
    expect(await dbError(db.execute(sql`DELETE FROM playcart_ledger_entries WHERE id = ${id}`))).toMatchObject(
      appendOnly,
    );
    // Points lots reference the entries: a plain TRUNCATE is refused by their foreign keys,
    // and one that would cascade to them by the append-only triggers.
    expect(await dbError(db.execute(sql`TRUNCATE playcart_ledger_entries`))).toMatchObject({ code: "0A000" });
    expect(await dbError(db.execute(sql`TRUNCATE playcart_ledger_entries CASCADE`))).toMatchObject(appendOnly);
    expect(
      await dbError(db.update(ledgerEntries).set({ reason: "edited" }).where(eq(ledgerEntries.id, id))),
    ).toMatchObject(appendOnly);
    expect(await entriesOf(ref)).toEqual([expect.objectContaining({ delta: 10 })]);
  });

  it("refuses an overdraft with InsufficientPointsError and writes nothing", async () => {
    const { email, ref } = fresh();
    await paid(ref, email, 1_000);
    const customer = await ensureCustomer(db, { email });
    const attempt = postEntry(db, {
      customerId: customer.id,
      delta: -11,
      kind: "redeem",
      reason: "Too much",
      sourceKey: `redeem:${ref}`,
    });
    await expect(attempt).rejects.toBeInstanceOf(InsufficientPointsError);
    await expect(attempt).rejects.toMatchObject({ available: 10, requested: 11 });
    const [{ n }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(ledgerEntries)
      .where(eq(ledgerEntries.customerId, customer.id));
    expect(n).toBe(1);
  });

  it("the balance CHECK stops an overdraft even by a raw insert that skips postEntry", async () => {
    const { email, ref } = fresh();
    await paid(ref, email, 1_000);
    const customer = await ensureCustomer(db, { email });
    const err = await dbError(
      db
        .insert(ledgerEntries)
        .values({ customerId: customer.id, delta: -11, kind: "adjust", reason: "raw", sourceKey: `raw:${ref}` }),
    );
    expect(err).toMatchObject({ code: "23514", constraint: "playcart_point_balances_nonneg" });
    expect(await balanceOf(email)).toEqual({ available: 10, held: 0 });
  });

  it("a source key applies once: the replay returns null", async () => {
    const { email } = fresh();
    const customer = await ensureCustomer(db, { email });
    const entry = {
      customerId: customer.id,
      delta: 5,
      kind: "adjust" as const,
      reason: "Goodwill",
      sourceKey: `adjust:${email}`,
    };
    expect(await postEntry(db, entry)).toMatchObject({ delta: 5, balanceAfter: 5 });
    expect(await postEntry(db, entry)).toBeNull();
    expect(await balanceOf(email)).toEqual({ available: 5, held: 0 });
  });

  it("rejects a fractional delta", async () => {
    const { email } = fresh();
    const customer = await ensureCustomer(db, { email });
    await expect(
      postEntry(db, { customerId: customer.id, delta: 1.5, kind: "adjust", reason: "x", sourceKey: `frac:${email}` }),
    ).rejects.toThrow(RangeError);
  });
});

describe("pending points (a 14-day return window)", () => {
  const DAY = 86_400_000;
  const paidAt = new Date("2026-05-04T09:00:00Z");
  const pendingPaid = async (ref: string, email: string, cents: number) => {
    await saveSettings(db, { returnWindowDays: 14 });
    await db.transaction((tx) =>
      recordOrderPaid(tx, { orderRef: ref, email, amountPaidMinor: cents, currency: "usd", paidAt }),
    );
  };
  const all = async (email: string) => balances(db, (await ensureCustomer(db, { email })).id);

  it("stay pending, cannot be spent, and are released once when the window closes", async () => {
    const { email, ref } = fresh();
    await pendingPaid(ref, email, 10_000);
    expect(await all(email)).toEqual({ available: 0, pending: 100, held: 0 });
    const customer = await ensureCustomer(db, { email });
    await expect(
      postEntry(db, { customerId: customer.id, delta: -1, kind: "redeem", reason: "Reward", sourceKey: `r-${ref}` }),
    ).rejects.toBeInstanceOf(InsufficientPointsError);
    // A minute before the window closes nothing moves; at its close, all of it, once.
    await releasePendingPoints(db, new Date(paidAt.getTime() + 14 * DAY - 60_000));
    expect(await all(email)).toEqual({ available: 0, pending: 100, held: 0 });
    await releasePendingPoints(db, new Date(paidAt.getTime() + 14 * DAY));
    await releasePendingPoints(db, new Date(paidAt.getTime() + 15 * DAY));
    expect(await all(email)).toEqual({ available: 100, pending: 0, held: 0 });
    expect((await entriesOf(ref)).map((e) => [e.kind, e.account, e.delta])).toEqual([
      ["earn", "pending", 100],
      ["release", "pending", -100],
      ["release", "available", 100],
    ]);
  });

  it("a refund inside the window takes from the order's pending points, never the balance", async () => {
    const { email, ref } = fresh();
    const customer = await ensureCustomer(db, { email });
    await postEntry(db, {
      customerId: customer.id,
      delta: 40,
      kind: "adjust",
      reason: "Goodwill",
      sourceKey: `a-${ref}`,
    });
    await pendingPaid(ref, email, 10_000);
    await refund(ref, 2_500);
    expect(await all(email)).toEqual({ available: 40, pending: 75, held: 0 });
    await refund(ref, 10_000);
    expect(await all(email)).toEqual({ available: 40, pending: 0, held: 0 });
    // Nothing left to release.
    await releasePendingPoints(db, new Date(paidAt.getTime() + 20 * DAY));
    expect(await all(email)).toEqual({ available: 40, pending: 0, held: 0 });
  });

  it("a dispute holds the pending points; won returns them to available, lost removes them", async () => {
    const won = fresh();
    await pendingPaid(won.ref, won.email, 7_000);
    await dispute(won.ref, "open");
    expect(await all(won.email)).toEqual({ available: 0, pending: 0, held: 70 });
    await dispute(won.ref, "won");
    expect(await all(won.email)).toEqual({ available: 70, pending: 0, held: 0 });

    const lost = fresh();
    await pendingPaid(lost.ref, lost.email, 7_000);
    await dispute(lost.ref, "lost"); // closed before we saw it open
    expect(await all(lost.email)).toEqual({ available: 0, pending: 0, held: 0 });
  });
});

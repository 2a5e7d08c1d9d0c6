// A customer's orders on their admin profile: each order's own amounts, status in words and
// points (what it earned, what refunds or a lost dispute took back), never another's.
import { customerOrders } from "playcart/internal/admin/customer-admin";
import { paymentStatus } from "playcart/internal/core/payment-status";
import { recordOrderDispute } from "playcart/internal/ledger/order-points";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { customerId, newEmail, paidOrder, refund } from "../support/engage-fixtures";
import { createMemoryDb } from "../support/pglite";

let db: Db;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await createMemoryDb());
});
afterAll(async () => {
  await close?.();
});

describe("a customer's orders", () => {
  it("lists each order with its own status and points, newest first", async () => {
    const ann = newEmail("ann");
    const bob = newEmail("bob");
    const day = (d: number) => new Date(Date.UTC(2026, 10, d, 12));
    const first = await paidOrder(db, { email: ann, amountMinor: 4_000, paidAt: day(2) });
    const second = await paidOrder(db, { email: ann, amountMinor: 2_500, paidAt: day(3) });
    const third = await paidOrder(db, { email: ann, amountMinor: 1_000, paidAt: day(4) });
    await paidOrder(db, { email: bob, amountMinor: 9_900, paidAt: day(5) });
    await refund(db, first, 1_000, day(6));
    await refund(db, second, 2_500, day(6));
    await db.transaction((tx) => recordOrderDispute(tx, third, "lost", day(7)));

    const rows = await customerOrders(db, await customerId(db, ann));
    expect(
      rows.map((o) => ({
        ref: o.orderRef,
        paid: o.amountPaidMinor,
        refunded: o.amountRefundedMinor,
        status: paymentStatus(o),
        earned: o.pointsEarned,
        kept: o.pointsKept,
      })),
    ).toEqual([
      { ref: third, paid: 1_000, refunded: 0, status: "dispute lost", earned: 10, kept: 0 },
      { ref: second, paid: 2_500, refunded: 2_500, status: "refunded", earned: 25, kept: 0 },
      // $10 of $40 refunded: 10 of 40 points back.
      { ref: first, paid: 4_000, refunded: 1_000, status: "partly refunded", earned: 40, kept: 30 },
    ]);
    const bobs = await customerOrders(db, await customerId(db, bob));
    expect(bobs.map((o) => [paymentStatus(o), o.pointsEarned, o.pointsKept])).toEqual([["paid", 99, 99]]);
  });
});

// The event log: one event per cause, written by the same statements as the effects it logs.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { recordEvent } from "playcart/internal/engine/events";
import { recordOrderPaid, recordOrderRefund } from "playcart/internal/ledger/order-points";
import { events, orderRewards } from "playcart/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createMemoryDb } from "../support/pglite";

let db: Db;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await createMemoryDb());
});
afterAll(async () => {
  await close?.();
});

const eventsOf = (orderRef: string) => db.select().from(events).where(eq(events.orderRef, orderRef)).orderBy(events.id);

describe("event log", () => {
  it("records one event per cause and returns null for a repeat", async () => {
    const key = randomUUID();
    const occurredAt = new Date("2026-03-25T09:00:00Z");
    const first = await recordEvent(db, {
      type: "checkout.viewed",
      key,
      sessionRef: "s1",
      valueMinor: 1200,
      occurredAt,
    });
    const again = await recordEvent(db, {
      type: "checkout.viewed",
      key,
      sessionRef: "s1",
      valueMinor: 1200,
      occurredAt,
    });
    expect(first).toBeTypeOf("number");
    expect(again).toBeNull();
    const rows = await db
      .select()
      .from(events)
      .where(eq(events.eventKey, `checkout.viewed:${key}`));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ type: "checkout.viewed", sessionRef: "s1", valueMinor: 1200, processedAt: null });
    // Stamped by the caller's clock, not the database's.
    expect(rows[0].occurredAt.toISOString()).toBe(occurredAt.toISOString());
  });

  it("logs order.paid with the first payment's statement, once however often it is replayed", async () => {
    const ref = `order-${randomUUID()}`;
    // A payment the host saw at another moment than the database's now: its time is kept.
    const paidAt = new Date("2031-02-28T23:30:00Z");
    const paid = {
      orderRef: ref,
      email: `e-${randomUUID()}@example.test`,
      amountPaidMinor: 4250,
      currency: "usd",
      paidAt,
    };
    await db.transaction((tx) => recordOrderPaid(tx, paid));
    await db.transaction((tx) => recordOrderPaid(tx, { ...paid, paidAt: new Date() }));
    const rows = await eventsOf(ref);
    expect(rows.map((e) => [e.type, e.valueMinor])).toEqual([["order.paid", 4250]]);
    expect(rows[0].customerId).toBeTruthy();
    expect(rows[0].occurredAt.toISOString()).toBe(paidAt.toISOString());
    const [order] = await db.select().from(orderRewards).where(eq(orderRewards.orderRef, ref));
    expect(order.paidAt.toISOString()).toBe(paidAt.toISOString());
  });

  it("logs order.paid on the general path (a refund seen before the payment) and one order.refunded per new cumulative amount", async () => {
    const ref = `order-${randomUUID()}`;
    await db.transaction((tx) =>
      recordOrderPaid(tx, {
        orderRef: ref,
        email: `e-${randomUUID()}@example.test`,
        amountPaidMinor: 10000,
        currency: "usd",
        amountRefundedMinor: 2000,
        paidAt: new Date("2030-05-01T10:00:00Z"),
      }),
    );
    const refundedAt = new Date("2030-05-03T10:00:00Z");
    await db.transaction((tx) => recordOrderRefund(tx, ref, 2000, refundedAt));
    await db.transaction((tx) => recordOrderRefund(tx, ref, 1000, refundedAt)); // stale
    await db.transaction((tx) => recordOrderRefund(tx, ref, 10000, refundedAt));
    const rows = await eventsOf(ref);
    expect(rows.map((e) => [e.type, e.valueMinor])).toEqual([
      ["order.paid", 10000],
      ["order.refunded", 2000],
      ["order.refunded", 10000],
    ]);
    expect(rows[2].payload).toMatchObject({ fullyRefunded: true });
  });
});

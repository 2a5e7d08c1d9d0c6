// Payments arriving together share one statement (lib/store/fulfilment-batch.ts). Each
// delivery's answer must still be its own: a repeated delivery of an event in the same batch
// is not fulfilled a second time, and is not told that it was.
import { eq } from "drizzle-orm";
import { ledgerEntries } from "playcart/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { stripeEvents } from "@/db/schema";
import { seed } from "@/db/seed";
import { type FirstPayment, fulfilFirstPayment } from "@/lib/store/fulfilment-batch";
import { createMemoryDb } from "../support/pglite";
import { createOrders, type TestOrder } from "../support/store-db";

let handle: Awaited<ReturnType<typeof createMemoryDb>>;
let db: Db;
beforeAll(async () => {
  handle = await createMemoryDb();
  db = handle.db;
  await seed(db);
});
afterAll(async () => handle?.close());

const payment = (o: TestOrder, eventId: string): FirstPayment => ({
  orderId: o.id,
  amountTotal: o.totalMinor,
  currency: o.currency,
  paymentIntentId: null,
  stripeSessionId: `cs_${eventId}`,
  eventId,
  eventType: "checkout.session.completed",
});

describe("first payments fulfilled together", () => {
  it("a delivery repeated within one batch is answered not-fulfilled; the event applies once", async () => {
    const [a, b] = await createOrders(db, 2);
    // The first call flushes at once, alone; the next two wait and share the next statement.
    const answers = await Promise.all([
      fulfilFirstPayment(db, payment(a, "evt_batch_a")),
      fulfilFirstPayment(db, payment(b, "evt_batch_b")),
      fulfilFirstPayment(db, payment(b, "evt_batch_b")),
    ]);
    expect(answers).toEqual([true, true, false]);
    expect(await db.select().from(stripeEvents).where(eq(stripeEvents.id, "evt_batch_b"))).toHaveLength(1);
    const earns = await db.select().from(ledgerEntries).where(eq(ledgerEntries.orderRef, b.id));
    expect(earns.map((e) => e.kind)).toEqual(["earn"]);
  });

  it("several orders in one batch are each fulfilled, each with its own answer", async () => {
    const orders = await createOrders(db, 4);
    const answers = await Promise.all(orders.map((o, i) => fulfilFirstPayment(db, payment(o, `evt_many_${i}`))));
    expect(answers).toEqual([true, true, true, true]);
    // An order already paid is not fulfilled again by a new event.
    expect(await fulfilFirstPayment(db, payment(orders[0], "evt_many_again"))).toBe(false);
  });
});

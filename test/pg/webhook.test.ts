// POST /api/stripe/webhook on a real `next start` and a real Postgres: what each event type
// does to the database, and that rejected deliveries write nothing.
import { sql } from "drizzle-orm";
import { rowsOf } from "playcart/internal/core/db";
import { saveSettings } from "playcart/internal/core/settings";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAYMENTS_SESSION } from "@/db/client";
import { startSeededServer, type TestDatabase } from "../support/seeded-server";
import type { TestServer } from "../support/server";
import {
  balancesByEmail,
  cartStatus,
  createOrders,
  ledgerForOrder,
  orderRow,
  rewardRow,
  snapshot,
  stripeEventRows,
  type TestOrder,
} from "../support/store-db";
import {
  charge,
  checkoutSession,
  deliver,
  dispute,
  fixture,
  post,
  sign,
  stripeEvent,
  uniqueId,
} from "../support/stripe-events";

let t: TestDatabase;
let server: TestServer;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ t, server, close } = await startSeededServer());
  // Refunds and disputes of released points: no return window here (pending points: test/pg/points-lots-concurrency.test.ts).
  await saveSettings(t.db, { returnWindowDays: 0 });
});

afterAll(() => close?.());

// Default earn rate: one point per whole currency unit, rounded down.
const pointsFor = (o: TestOrder) => Math.floor(o.totalMinor / 100);
const clawback = (points: number, total: number, refunded: number) =>
  refunded >= total ? points : Math.floor((points * refunded) / total);

async function order(opts: Parameters<typeof createOrders>[2] = {}) {
  const [o] = await createOrders(t.db, 1, opts);
  return o;
}

/** Delivers an event and expects it applied with the given outcome. */
async function apply(type: string, object: Record<string, unknown>, outcome: string) {
  const event = stripeEvent(type, object);
  const res = await deliver(server.url, event);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body).toMatchObject({ received: true, status: "applied", outcome });
  const rows = await stripeEventRows(t.db, event.id);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ type, outcome });
  return { event, res };
}

async function paidOrder(opts: Parameters<typeof createOrders>[2] = {}) {
  const o = await order(opts);
  await apply("checkout.session.completed", checkoutSession(o), "fulfilled");
  return o;
}

describe("each handled event type", () => {
  it("checkout.session.completed (paid) marks the order paid, converts the cart and earns points", async () => {
    const o = await order({ withPaymentIntent: false, quantity: () => 3 });
    const session = checkoutSession(o, { payment_intent: "pi_test_completed_1" });
    const { event } = await apply("checkout.session.completed", session, "fulfilled");

    const row = await orderRow(t.db, o.id);
    expect(row).toMatchObject({
      status: "paid",
      stripeSessionId: session.id,
      paymentIntentId: "pi_test_completed_1",
      reviewReason: null,
    });
    expect(row.paidAt).toBeInstanceOf(Date);
    expect(await cartStatus(t.db, o.cartId)).toBe("converted");
    const points = pointsFor(o);
    expect(points).toBeGreaterThan(0);
    expect(await ledgerForOrder(t.db, o.id)).toEqual([
      { account: "available", delta: points, kind: "earn", uncollected: 0, sourceKey: `order:${o.id}:earn` },
    ]);
    expect(await balancesByEmail(t.db, o.email)).toEqual({ available: points, held: 0 });
    expect(await rewardRow(t.db, o.id)).toMatchObject({
      amountPaidMinor: o.totalMinor,
      pointsBase: points,
      amountRefundedMinor: 0,
    });
    expect((await stripeEventRows(t.db, event.id))[0].orderId).toBe(o.id);
    // Written through the payments pool (db/client.ts), whose sessions cannot keep a stale plan.
    const sessions = rowsOf<{ n: number }>(
      await t.db.execute(
        sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = ${PAYMENTS_SESSION.application_name}`,
      ),
    );
    expect(sessions[0].n).toBeGreaterThanOrEqual(1);
  });

  it("checkout.session.completed (unpaid, delayed method) leaves the order processing with no points", async () => {
    const o = await order();
    await apply("checkout.session.completed", checkoutSession(o, { payment_status: "unpaid" }), "awaiting_payment");
    expect(await orderRow(t.db, o.id)).toMatchObject({ status: "processing", paidAt: null });
    expect(await cartStatus(t.db, o.cartId)).toBe("open");
    expect(await ledgerForOrder(t.db, o.id)).toEqual([]);
    expect(await rewardRow(t.db, o.id)).toBeUndefined();
    expect(await balancesByEmail(t.db, o.email)).toEqual({ available: 0, held: 0 });
  });

  it("checkout.session.completed with a different amount or currency is not fulfilled", async () => {
    const o = await order();
    await apply(
      "checkout.session.completed",
      checkoutSession(o, { amount_total: o.totalMinor - 1 }),
      "amount_mismatch",
    );
    const row = await orderRow(t.db, o.id);
    expect(row).toMatchObject({ status: "pending", paidAt: null });
    expect(row.reviewReason).toContain(String(o.totalMinor - 1));
    expect(await cartStatus(t.db, o.cartId)).toBe("open");
    expect(await ledgerForOrder(t.db, o.id)).toEqual([]);
    expect(await rewardRow(t.db, o.id)).toBeUndefined();

    await apply("checkout.session.completed", checkoutSession(o, { currency: "eur" }), "amount_mismatch");
    expect(await orderRow(t.db, o.id)).toMatchObject({ status: "pending" });
    expect(await ledgerForOrder(t.db, o.id)).toEqual([]);
    expect(await balancesByEmail(t.db, o.email)).toEqual({ available: 0, held: 0 });
  });

  it("checkout.session.completed whose client_reference_id and metadata.order_id disagree touches no order", async () => {
    const [a, b] = await createOrders(t.db, 2);
    await apply("checkout.session.completed", checkoutSession(a, { metadata: { order_id: b.id } }), "unknown_order");
    for (const o of [a, b]) {
      expect(await orderRow(t.db, o.id)).toMatchObject({ status: "pending" });
      expect(await ledgerForOrder(t.db, o.id)).toEqual([]);
    }
  });

  it("checkout.session.async_payment_succeeded pays an order that was processing", async () => {
    const o = await order();
    await apply("checkout.session.completed", checkoutSession(o, { payment_status: "unpaid" }), "awaiting_payment");
    await apply("checkout.session.async_payment_succeeded", checkoutSession(o), "fulfilled");
    expect(await orderRow(t.db, o.id)).toMatchObject({ status: "paid" });
    expect(await cartStatus(t.db, o.cartId)).toBe("converted");
    expect((await ledgerForOrder(t.db, o.id)).map((e) => [e.kind, e.delta])).toEqual([["earn", pointsFor(o)]]);
    expect(await balancesByEmail(t.db, o.email)).toEqual({ available: pointsFor(o), held: 0 });
  });

  it("checkout.session.async_payment_failed fails a processing order and keeps its cart open", async () => {
    const o = await order();
    await apply("checkout.session.completed", checkoutSession(o, { payment_status: "unpaid" }), "awaiting_payment");
    await apply(
      "checkout.session.async_payment_failed",
      checkoutSession(o, { payment_status: "unpaid" }),
      "payment_failed",
    );
    expect(await orderRow(t.db, o.id)).toMatchObject({ status: "failed", paidAt: null });
    expect(await cartStatus(t.db, o.cartId)).toBe("open");
    expect(await ledgerForOrder(t.db, o.id)).toEqual([]);
    expect(await balancesByEmail(t.db, o.email)).toEqual({ available: 0, held: 0 });
  });

  it("checkout.session.expired expires a pending order and keeps its cart open", async () => {
    const o = await order();
    await apply(
      "checkout.session.expired",
      checkoutSession(o, { status: "expired", payment_status: "unpaid" }),
      "expired",
    );
    expect(await orderRow(t.db, o.id)).toMatchObject({ status: "expired" });
    expect(await cartStatus(t.db, o.cartId)).toBe("open");
    expect(await ledgerForOrder(t.db, o.id)).toEqual([]);
  });

  it("checkout.session.expired does not touch a paid order", async () => {
    const o = await paidOrder();
    await apply(
      "checkout.session.expired",
      checkoutSession(o, { status: "expired", payment_status: "unpaid" }),
      "not_applicable",
    );
    expect(await orderRow(t.db, o.id)).toMatchObject({ status: "paid" });
    expect(await balancesByEmail(t.db, o.email)).toEqual({ available: pointsFor(o), held: 0 });
  });

  it("charge.refunded (partial, then full) claws back points in proportion, then all of them", async () => {
    const o = await paidOrder({ quantity: () => 4 });
    const points = pointsFor(o);
    const partial = Math.floor(o.totalMinor / 3);
    await apply("charge.refunded", charge(o, partial), "refund_recorded");
    expect(await orderRow(t.db, o.id)).toMatchObject({ status: "paid", amountRefundedMinor: partial });
    const first = clawback(points, o.totalMinor, partial);
    expect(first).toBeGreaterThan(0);
    expect(await balancesByEmail(t.db, o.email)).toEqual({ available: points - first, held: 0 });

    await apply("charge.refunded", charge(o, o.totalMinor), "refund_recorded");
    expect(await orderRow(t.db, o.id)).toMatchObject({ amountRefundedMinor: o.totalMinor });
    expect((await ledgerForOrder(t.db, o.id)).map((e) => [e.kind, e.delta])).toEqual([
      ["earn", points],
      ["clawback", -first],
      ["clawback", -(points - first)],
    ]);
    expect(await balancesByEmail(t.db, o.email)).toEqual({ available: 0, held: 0 });
  });

  it("two partial refunds give two proportional clawbacks; a stale amount_refunded changes nothing", async () => {
    const o = await paidOrder({ quantity: () => 5 });
    const points = pointsFor(o);
    const r1 = Math.round(o.totalMinor * 0.25);
    const r2 = Math.round(o.totalMinor * 0.6);
    await apply("charge.refunded", charge(o, r1), "refund_recorded");
    await apply("charge.refunded", charge(o, r2), "refund_recorded");
    // Redelivered late with a new event id (a Dashboard resend): the cumulative amount is older.
    await apply("charge.refunded", charge(o, r1), "refund_recorded");

    const c1 = clawback(points, o.totalMinor, r1);
    const c2 = clawback(points, o.totalMinor, r2) - c1;
    expect(c1).toBeGreaterThan(0);
    expect(c2).toBeGreaterThan(0);
    const entries = await ledgerForOrder(t.db, o.id);
    expect(entries.filter((e) => e.kind === "clawback")).toEqual([
      { account: "available", delta: -c1, kind: "clawback", uncollected: 0, sourceKey: `order:${o.id}:refund:${r1}` },
      { account: "available", delta: -c2, kind: "clawback", uncollected: 0, sourceKey: `order:${o.id}:refund:${r2}` },
    ]);
    expect(await orderRow(t.db, o.id)).toMatchObject({ amountRefundedMinor: r2 });
    expect(await balancesByEmail(t.db, o.email)).toEqual({ available: points - c1 - c2, held: 0 });
  });

  it("charge.refunded finds the order by metadata.order_id when the payment intent is unknown", async () => {
    const o = await paidOrder({ withPaymentIntent: false });
    const refund = Math.floor(o.totalMinor / 2);
    await apply(
      "charge.refunded",
      charge(o, refund, { payment_intent: "pi_unknown_to_the_store", metadata: { order_id: o.id } }),
      "refund_recorded",
    );
    expect(await orderRow(t.db, o.id)).toMatchObject({ amountRefundedMinor: refund });
    const points = pointsFor(o);
    expect(await balancesByEmail(t.db, o.email)).toEqual({
      available: points - clawback(points, o.totalMinor, refund),
      held: 0,
    });
  });

  it("charge.dispute.created holds the order's points; closed as won releases them", async () => {
    const o = await paidOrder();
    const points = pointsFor(o);
    await apply("charge.dispute.created", dispute(o, "needs_response"), "dispute_recorded");
    expect(await orderRow(t.db, o.id)).toMatchObject({ disputeStatus: "open" });
    expect(await balancesByEmail(t.db, o.email)).toEqual({ available: 0, held: points });

    await apply("charge.dispute.closed", dispute(o, "won"), "dispute_recorded");
    expect(await orderRow(t.db, o.id)).toMatchObject({ disputeStatus: "won", status: "paid" });
    expect(await balancesByEmail(t.db, o.email)).toEqual({ available: points, held: 0 });
    expect((await ledgerForOrder(t.db, o.id)).map((e) => [e.kind, e.account, e.delta])).toEqual([
      ["earn", "available", points],
      ["dispute_hold", "available", -points],
      ["dispute_hold", "held", points],
      ["dispute_release", "held", -points],
      ["dispute_release", "available", points],
    ]);
  });

  it("charge.dispute.closed as lost removes the held points", async () => {
    const o = await paidOrder();
    const points = pointsFor(o);
    await apply("charge.dispute.created", dispute(o, "warning_needs_response"), "dispute_recorded");
    expect(await balancesByEmail(t.db, o.email)).toEqual({ available: 0, held: points });
    await apply("charge.dispute.closed", dispute(o, "lost"), "dispute_recorded");
    expect(await orderRow(t.db, o.id)).toMatchObject({ disputeStatus: "lost" });
    expect(await balancesByEmail(t.db, o.email)).toEqual({ available: 0, held: 0 });
    expect((await ledgerForOrder(t.db, o.id)).map((e) => [e.kind, e.account, e.delta])).toEqual([
      ["earn", "available", points],
      ["dispute_hold", "available", -points],
      ["dispute_hold", "held", points],
      ["dispute_lost", "held", -points],
    ]);
  });

  it("an unknown event type gets 200 and writes nothing", async () => {
    await order();
    const before = await snapshot(t.db);
    const event = stripeEvent("customer.created", { ...fixture("customer"), id: uniqueId("cus") });
    const res = await deliver(server.url, event);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ received: true, status: "ignored" });
    expect(await stripeEventRows(t.db, event.id)).toEqual([]);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("an event for an order the store does not know is recorded and changes nothing else", async () => {
    await order();
    const before = await snapshot(t.db);
    const ghost = {
      id: "00000000-0000-4000-8000-000000000000",
      totalMinor: 1000,
      currency: "usd",
      email: "ghost@playcart.test",
    };
    const { event } = await apply("checkout.session.completed", checkoutSession(ghost), "unknown_order");
    const after = await snapshot(t.db);
    expect(after.stripeEvents).toBe(before.stripeEvents + 1);
    expect({ ...after, stripeEvents: before.stripeEvents }).toEqual(before);
    expect((await stripeEventRows(t.db, event.id))[0].orderId).toBeNull();
  });
});

describe("events Stripe never sends change nothing", () => {
  it.each(["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"])(
    "a signed event of type %s: 200, ignored, nothing written",
    async (type) => {
      const o = await order();
      const before = await snapshot(t.db);
      const event = stripeEvent(type, checkoutSession(o));
      const res = await deliver(server.url, event);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ received: true, status: "ignored" });
      expect(await snapshot(t.db)).toEqual(before);
    },
  );

  const refused: Array<[string, (o: TestOrder) => ReturnType<typeof stripeEvent>]> = [
    [
      "a negative amount_total",
      (o) => stripeEvent("checkout.session.completed", checkoutSession(o, { amount_total: -8_900 })),
    ],
    [
      "an amount_total of 2^31",
      (o) => stripeEvent("checkout.session.completed", checkoutSession(o, { amount_total: 2 ** 31 })),
    ],
    [
      "no_payment_required with a non-zero total",
      (o) => stripeEvent("checkout.session.completed", checkoutSession(o, { payment_status: "no_payment_required" })),
    ],
    [
      "async_payment_succeeded while unpaid",
      (o) => stripeEvent("checkout.session.async_payment_succeeded", checkoutSession(o, { payment_status: "unpaid" })),
    ],
    ["a negative charge.amount", (o) => stripeEvent("charge.refunded", charge(o, 100, { amount: -8_900 }))],
    ["a refund larger than the charge", (o) => stripeEvent("charge.refunded", charge(o, o.totalMinor + 1))],
  ];

  it.each(refused)("%s: 400 naming the field, and nothing written", async (_name, make) => {
    // A processing order (completed unpaid) and a paid one: neither may move.
    const processing = await order();
    await apply(
      "checkout.session.completed",
      checkoutSession(processing, { payment_status: "unpaid" }),
      "awaiting_payment",
    );
    const paid = await paidOrder();
    for (const o of [processing, paid]) {
      const before = await snapshot(t.db);
      const event = make(o);
      const res = await deliver(server.url, event);
      expect(res.status).toBe(400);
      expect(String(res.body.error)).toContain(event.type);
      expect(await snapshot(t.db)).toEqual(before);
    }
  });
});

describe("deliveries that fail verification write nothing", () => {
  let o: TestOrder;
  let event: ReturnType<typeof stripeEvent>;
  let before: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    o = await order();
    event = stripeEvent("checkout.session.completed", checkoutSession(o));
    before = await snapshot(t.db);
  });

  const nowSeconds = () => Math.floor(Date.now() / 1000);
  const cases: Array<[string, () => { payload: string; header: string | null }]> = [
    ["a signature made with another secret", () => sign(event, { secret: "whsec_someoneelse0123456789abcdef" })],
    ["a timestamp older than 5 minutes", () => sign(event, { timestamp: nowSeconds() - 301 - 5 })],
    ["a timestamp 10 minutes in the past", () => sign(event, { timestamp: nowSeconds() - 600 })],
    [
      "a body changed after signing",
      () => {
        const { header } = sign(event);
        const tampered = structuredClone(event) as unknown as { data: { object: Record<string, unknown> } };
        tampered.data.object.amount_total = 1;
        return { payload: JSON.stringify(tampered), header };
      },
    ],
    [
      "a body with a byte appended after signing",
      () => {
        const { payload, header } = sign(event);
        return { payload: `${payload} `, header };
      },
    ],
    ["malformed JSON, correctly signed", () => sign(JSON.stringify(event).slice(0, -7))],
    ["JSON that is not an event, correctly signed", () => sign(JSON.stringify({ hello: "world" }))],
    [
      "an event whose session lacks a valid amount_total, correctly signed",
      () => sign(stripeEvent("checkout.session.completed", checkoutSession(o, { amount_total: String(o.totalMinor) }))),
    ],
    ["no Stripe-Signature header", () => ({ payload: JSON.stringify(event), header: null })],
    ["a malformed Stripe-Signature header", () => ({ payload: JSON.stringify(event), header: "t=abc,v1=nothex" })],
    [
      "a v0 (unsupported scheme) signature only",
      () => ({ payload: JSON.stringify(event), header: sign(event).header.replace("v1=", "v0=") }),
    ],
  ];

  it.each(cases)("%s: 4xx", async (_name, make) => {
    const { payload, header } = make();
    const res = await post(server.url, payload, header);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("a correctly signed body over 512 KB: 413, and nothing past the limit is kept", async () => {
    const padded = structuredClone(event) as unknown as { data: { object: { metadata: Record<string, string> } } };
    padded.data.object.metadata.padding = "x".repeat(600 * 1024);
    const { payload, header } = sign(JSON.stringify(padded));
    const res = await post(server.url, payload, header);
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ error: "payload too large" });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("the same body streamed without a Content-Length: 413 once the limit is read, and nothing written", async () => {
    const padded = structuredClone(event) as unknown as { data: { object: { metadata: Record<string, string> } } };
    padded.data.object.metadata.padding = "x".repeat(600 * 1024);
    const { payload, header } = sign(JSON.stringify(padded));
    const bytes = new TextEncoder().encode(payload);
    const body = new ReadableStream({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 64 * 1024) controller.enqueue(bytes.slice(i, i + 64 * 1024));
        controller.close();
      },
    });
    const res = await fetch(`${server.url}/api/stripe/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": header },
      body,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: "payload too large" });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("a GET (or any other method) gets 405 with Allow: POST", async () => {
    const res = await fetch(`${server.url}/api/stripe/webhook`);
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("the same event, correctly signed, then applies (the payloads above were otherwise valid)", async () => {
    const res = await deliver(server.url, event);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "applied", outcome: "fulfilled" });
    expect(await orderRow(t.db, o.id)).toMatchObject({ status: "paid" });
    expect((await ledgerForOrder(t.db, o.id)).map((e) => e.kind)).toEqual(["earn"]);
  });
});

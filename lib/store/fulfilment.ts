// What payment events do to the store's orders. Each function runs inside the webhook's
// transaction, locks the order row first, and hands loyalty effects to Playcart's core.
// No "server-only" marker: the Pages API webhook route imports this, and the marker resolves
// only under the App Router's react-server condition. Nothing on the client imports it.
import { eq } from "drizzle-orm";
import {
  recordOrderDispute,
  recordOrderPaid,
  recordOrderRefund,
  redeemOrderRewards,
  releaseOrderRewards,
} from "playcart";
import type { DisputeStatus } from "playcart/schema";
import type { Db } from "@/db/client";
import { carts, type Order, orders } from "@/db/schema";
import { fulfilFirstPayment } from "./fulfilment-batch";

export type Outcome =
  | "fulfilled"
  | "already_paid"
  | "awaiting_payment"
  | "amount_mismatch"
  | "unknown_order"
  | "payment_failed"
  | "expired"
  | "refund_recorded"
  | "dispute_recorded"
  | "not_applicable";

export type Result = { outcome: Outcome; orderId?: string };

async function lockOrder(tx: Db, orderId: string): Promise<Order | undefined> {
  const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for("update");
  return order;
}

export async function findOrderIdByPayment(tx: Db, ref: { paymentIntentId: string | null; orderId?: string | null }) {
  if (ref.paymentIntentId) {
    const [row] = await tx
      .select({ id: orders.id })
      .from(orders)
      .where(eq(orders.paymentIntentId, ref.paymentIntentId));
    if (row) return row.id;
  }
  if (ref.orderId && /^[0-9a-f-]{36}$/i.test(ref.orderId)) {
    const [row] = await tx.select({ id: orders.id }).from(orders).where(eq(orders.id, ref.orderId));
    if (row) return row.id;
  }
  return null;
}

type Payment = {
  amountTotal: number | null;
  currency: string | null;
  paymentIntentId: string | null;
  stripeSessionId: string;
};

/**
 * The usual first payment as one autocommitted statement: the order (if unpaid, with the
 * amount and currency it was priced at) is marked paid, its cart closed, Playcart records
 * it and awards its points, and the event id is recorded, or none of it happens. Payments
 * arriving together share the statement (fulfilment-batch.ts). Returns null when the order
 * was not in that state (or a duplicate delivery); the caller then runs the general
 * transaction, where a duplicate event fails on stripe_events' primary key.
 */
export async function fulfilInOneStatement(
  db: Db,
  orderId: string,
  payment: Payment,
  event: { id: string; type: string },
): Promise<Result | null> {
  const currency = payment.currency?.toLowerCase();
  if (!currency || payment.amountTotal === null) return null;
  const fulfilled = await fulfilFirstPayment(db, {
    orderId,
    amountTotal: payment.amountTotal,
    currency,
    paymentIntentId: payment.paymentIntentId,
    stripeSessionId: payment.stripeSessionId,
    eventId: event.id,
    eventType: event.type,
  });
  return fulfilled ? { outcome: "fulfilled", orderId } : null;
}

/**
 * Fulfils from the webhook only, inside its transaction: checks the amount and currency
 * against the order first. The usual first payment has already been tried as one statement
 * (fulfilInOneStatement); this handles the rest: already paid, a mismatch, or a refund or
 * dispute seen before the payment.
 */
export async function markOrderPaid(tx: Db, orderId: string, payment: Payment): Promise<Result> {
  const order = await lockOrder(tx, orderId);
  if (!order) return { outcome: "unknown_order" };
  if (order.status === "paid") return { outcome: "already_paid", orderId };
  if (payment.amountTotal !== order.totalMinor || payment.currency?.toLowerCase() !== order.currency) {
    const reviewReason = `paid ${payment.amountTotal} ${payment.currency} but the order totals ${order.totalMinor} ${order.currency}`;
    await tx.update(orders).set({ reviewReason, updatedAt: new Date() }).where(eq(orders.id, orderId));
    console.warn(`[playcart] order ${orderId} not fulfilled: ${reviewReason}`);
    return { outcome: "amount_mismatch", orderId };
  }
  const now = new Date();
  await tx
    .update(orders)
    .set({
      status: "paid",
      paidAt: now,
      updatedAt: now,
      stripeSessionId: payment.stripeSessionId,
      paymentIntentId: payment.paymentIntentId ?? order.paymentIntentId,
      reviewReason: null,
    })
    .where(eq(orders.id, orderId));
  await tx.update(carts).set({ status: "converted", updatedAt: now }).where(eq(carts.id, order.cartId));
  await redeemOrderRewards(tx, order.id, now);
  await recordOrderPaid(tx, {
    orderRef: order.id,
    email: order.email,
    userRef: order.userId,
    sessionRef: order.sessionId,
    amountPaidMinor: order.totalMinor,
    currency: order.currency,
    amountRefundedMinor: order.amountRefundedMinor,
    disputeStatus: toDisputeStatus(order.disputeStatus),
    paidAt: now,
  });
  return { outcome: "fulfilled", orderId };
}

/** Checkout completed with a delayed payment method: the money has not arrived yet. */
export async function markOrderAwaitingPayment(tx: Db, orderId: string, payment: Payment): Promise<Result> {
  const order = await lockOrder(tx, orderId);
  if (!order) return { outcome: "unknown_order" };
  if (order.status !== "pending") return { outcome: "not_applicable", orderId };
  await tx
    .update(orders)
    .set({
      status: "processing",
      stripeSessionId: payment.stripeSessionId,
      paymentIntentId: payment.paymentIntentId,
      updatedAt: new Date(),
    })
    .where(eq(orders.id, orderId));
  return { outcome: "awaiting_payment", orderId };
}

/** A delayed payment failed or a session expired: the order closes and its cart stays open. */
export async function closeUnpaidOrder(tx: Db, orderId: string, status: "failed" | "expired"): Promise<Result> {
  const order = await lockOrder(tx, orderId);
  if (!order) return { outcome: "unknown_order" };
  if (order.status !== "pending" && order.status !== "processing") return { outcome: "not_applicable", orderId };
  await tx.update(orders).set({ status, updatedAt: new Date() }).where(eq(orders.id, orderId));
  await releaseOrderRewards(tx, orderId);
  return { outcome: status === "failed" ? "payment_failed" : "expired", orderId };
}

/** Refunds arrive as the charge's cumulative amount_refunded; an older value changes nothing. */
export async function recordRefund(tx: Db, orderId: string, amountRefundedMinor: number): Promise<Result> {
  const order = await lockOrder(tx, orderId);
  if (!order) return { outcome: "unknown_order" };
  const cumulative = Math.min(order.totalMinor, Math.max(order.amountRefundedMinor, amountRefundedMinor));
  const now = new Date();
  await tx.update(orders).set({ amountRefundedMinor: cumulative, updatedAt: now }).where(eq(orders.id, orderId));
  // Before payment is recorded, markOrderPaid carries the refund over to the points.
  if (order.status === "paid") await recordOrderRefund(tx, orderId, cumulative, now);
  return { outcome: "refund_recorded", orderId };
}

export async function recordDispute(tx: Db, orderId: string, status: DisputeStatus): Promise<Result> {
  const order = await lockOrder(tx, orderId);
  if (!order) return { outcome: "unknown_order" };
  const current = toDisputeStatus(order.disputeStatus);
  const closed = current === "won" || current === "lost";
  const next = closed ? current : status === "open" && current ? current : status;
  await tx.update(orders).set({ disputeStatus: next, updatedAt: new Date() }).where(eq(orders.id, orderId));
  if (order.status === "paid") await recordOrderDispute(tx, orderId, status, new Date());
  return { outcome: "dispute_recorded", orderId };
}

function toDisputeStatus(s: string | null): DisputeStatus | null {
  return s === "open" || s === "won" || s === "lost" ? s : null;
}

// What a payment, a refund and a dispute do to Playcart: the reward the order reserved is
// spent, its points are earned, clawed back in proportion or held. Shared by Playcart's own
// Stripe endpoint and by hosts that call Playcart from their single webhook.
import { eq, sql } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import type { DisputeStatus } from "../core/schema.ts";
import { events, orderRewards } from "../core/schema.ts";
import { recordOrderDispute, recordOrderPaid, recordOrderRefund } from "../ledger/index.ts";
import { redeemOrderRewards } from "../rewards/index.ts";
import type { Order } from "./config.ts";
import { lockPayment, type PaymentNames, parkDispute, parkedFor, parkRefund } from "./parked-payments.ts";

export type PaidInput = {
  order: Order;
  /** What the payment collected; defaults to the order's total. */
  amountPaidMinor?: number;
  paidAt: Date;
  /** The payment (for Stripe, the PaymentIntent id): later refunds and disputes name it. */
  paymentRef?: string | null;
  /** When Playcart learns of it (refunds parked before the payment are recorded at this time). */
  now?: Date;
};

/** Returns the points the order earns (the same on a replay, which posts nothing more). */
export async function applyOrderPaid(db: EngageDb, input: PaidInput): Promise<number> {
  const { order } = input;
  const names = { orderRef: order.ref, paymentRef: input.paymentRef };
  await lockPayment(db, names);
  await redeemOrderRewards(db, order.ref, input.paidAt);
  const points = await recordOrderPaid(db, {
    orderRef: order.ref,
    email: order.email,
    userRef: order.userRef ?? null,
    sessionRef: order.sessionRef ?? null,
    amountPaidMinor: input.amountPaidMinor ?? order.totalMinor,
    currency: order.currency.toLowerCase(),
    paidAt: input.paidAt,
  });
  if (input.paymentRef) await rememberPayment(db, input.paymentRef, order.ref, input.paidAt);
  // Refunds and disputes that arrived first (see parked-payments.ts) apply now, as if in order.
  const parked = await parkedFor(db, names);
  if (parked.amountRefundedMinor > 0)
    await recordOrderRefund(db, order.ref, parked.amountRefundedMinor, input.now ?? input.paidAt);
  if (parked.disputeStatus) await recordOrderDispute(db, order.ref, parked.disputeStatus, input.now ?? input.paidAt);
  return points;
}

/** Playcart's record of a paid order (its currency and amount), or null before the payment. */
export async function paidOrderOf(db: EngageDb, orderRef: string) {
  const [row] = await db
    .select({ currency: orderRewards.currency, amountPaidMinor: orderRewards.amountPaidMinor })
    .from(orderRewards)
    .where(eq(orderRewards.orderRef, orderRef));
  return row ?? null;
}

export type Reversal = {
  outcome: "recorded" | "parked" | "unknown_order" | "currency_mismatch";
  orderRef: string | null;
};

/**
 * The order a refund or dispute reverses, under the payment's lock: the order its payment
 * paid (as Playcart recorded it), else the order it names, and whether Playcart has it paid.
 */
async function reversedOrder(db: EngageDb, names: PaymentNames) {
  await lockPayment(db, names);
  const orderRef = (names.paymentRef ? await orderRefOfPayment(db, names.paymentRef) : null) ?? names.orderRef ?? null;
  return { orderRef, paid: orderRef ? await paidOrderOf(db, orderRef) : null };
}

/**
 * A refund, as the payment's cumulative amount refunded. Before Playcart has seen the order
 * paid it is parked and applied with the payment; `currency`, when given, must be the order's.
 */
export async function applyOrderRefunded(
  db: EngageDb,
  input: PaymentNames & { amountRefundedMinor: number; currency?: string; now: Date },
): Promise<Reversal> {
  const { orderRef, paid } = await reversedOrder(db, input);
  if (!orderRef || !paid) {
    const parked = await parkRefund(db, input, input.amountRefundedMinor, input.now);
    return { outcome: parked ? "parked" : "unknown_order", orderRef };
  }
  if (input.currency && input.currency.toLowerCase() !== paid.currency)
    return { outcome: "currency_mismatch", orderRef };
  await recordOrderRefund(db, orderRef, input.amountRefundedMinor, input.now);
  return { outcome: "recorded", orderRef };
}

/** A dispute opened ("open") or closed ("won" | "lost"); parked like a refund before the payment. */
export async function applyOrderDisputed(
  db: EngageDb,
  input: PaymentNames & { status: DisputeStatus; now: Date },
): Promise<Reversal> {
  const { orderRef, paid } = await reversedOrder(db, input);
  if (!orderRef || !paid) {
    const parked = await parkDispute(db, input, input.status, input.now);
    return { outcome: parked ? "parked" : "unknown_order", orderRef };
  }
  await recordOrderDispute(db, orderRef, input.status, input.now);
  return { outcome: "recorded", orderRef };
}

// Which order a payment paid for, kept in the event log (already processed: no rule sees it)
// under a unique key, so a refund or dispute that names only the payment finds its order.
async function rememberPayment(db: EngageDb, paymentRef: string, orderRef: string, at: Date) {
  await db
    .insert(events)
    .values({ eventKey: `payment:${paymentRef}`, type: "payment.linked", orderRef, occurredAt: at, processedAt: at })
    .onConflictDoNothing({ target: events.eventKey });
}

export async function orderRefOfPayment(db: EngageDb, paymentRef: string): Promise<string | null> {
  const [row] = await db
    .select({ orderRef: events.orderRef })
    .from(events)
    .where(sql`${events.eventKey} = ${`payment:${paymentRef}`}`);
  return row?.orderRef ?? null;
}

// What a payment, a refund and a dispute do to Playcart: the reward the order reserved is
// spent, its points are earned, clawed back in proportion or held. Shared by Playcart's own
// Stripe endpoint and by hosts that call Playcart from their single webhook.
import { sql } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import type { DisputeStatus } from "../core/schema.ts";
import { events } from "../core/schema.ts";
import { recordOrderDispute, recordOrderPaid, recordOrderRefund } from "../ledger/index.ts";
import { redeemOrderRewards } from "../rewards/index.ts";
import type { Order } from "./config.ts";

export type PaidInput = {
  order: Order;
  /** What the payment collected; defaults to the order's total. */
  amountPaidMinor?: number;
  paidAt: Date;
  /** The payment (for Stripe, the PaymentIntent id): later refunds and disputes name it. */
  paymentRef?: string | null;
};

/** Returns the points the order earns (the same on a replay, which posts nothing more). */
export async function applyOrderPaid(db: EngageDb, input: PaidInput): Promise<number> {
  const { order } = input;
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
  return points;
}

export async function applyOrderRefunded(
  db: EngageDb,
  input: { orderRef: string; amountRefundedMinor: number; now: Date },
): Promise<void> {
  await recordOrderRefund(db, input.orderRef, input.amountRefundedMinor, input.now);
}

export async function applyOrderDisputed(
  db: EngageDb,
  input: { orderRef: string; status: DisputeStatus },
): Promise<void> {
  await recordOrderDispute(db, input.orderRef, input.status);
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

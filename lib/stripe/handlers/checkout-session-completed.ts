import type { Db } from "@/db/client";
import { fulfilInOneStatement, markOrderAwaitingPayment, markOrderPaid, type Result } from "@/lib/store/fulfilment";
import { completedSessionSchema, sessionOrderId } from "../objects";

export const schema = completedSessionSchema;

export async function apply(tx: Db, session: (typeof schema)["_output"]): Promise<Result> {
  const orderId = sessionOrderId(session);
  if (!orderId) return { outcome: "unknown_order" };
  const payment = {
    amountTotal: session.amount_total,
    currency: session.currency,
    paymentIntentId: session.payment_intent,
    stripeSessionId: session.id,
  };
  // Delayed methods (bank debits) complete the session unpaid; async_payment_succeeded follows.
  if (session.payment_status === "unpaid") return markOrderAwaitingPayment(tx, orderId, payment);
  return markOrderPaid(tx, orderId, payment);
}

/** The common case without a transaction round trip: see fulfilInOneStatement. */
export async function fast(
  db: Db,
  session: (typeof schema)["_output"],
  event: { id: string; type: string },
): Promise<Result | null> {
  const orderId = sessionOrderId(session);
  if (!orderId || session.payment_status !== "paid") return null;
  return fulfilInOneStatement(
    db,
    orderId,
    {
      amountTotal: session.amount_total,
      currency: session.currency,
      paymentIntentId: session.payment_intent,
      stripeSessionId: session.id,
    },
    event,
  );
}

import type { Db } from "@/db/client";
import { fulfilInOneStatement, markOrderPaid, type Result } from "@/lib/store/fulfilment";
import { asyncSucceededSessionSchema, sessionOrderId } from "../objects";

export const schema = asyncSucceededSessionSchema;

export async function apply(tx: Db, session: (typeof schema)["_output"]): Promise<Result> {
  const orderId = sessionOrderId(session);
  if (!orderId) return { outcome: "unknown_order" };
  return markOrderPaid(tx, orderId, {
    amountTotal: session.amount_total,
    currency: session.currency,
    paymentIntentId: session.payment_intent,
    stripeSessionId: session.id,
  });
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

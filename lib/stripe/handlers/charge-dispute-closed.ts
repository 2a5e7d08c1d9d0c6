import type { Db } from "@/db/client";
import { findOrderIdByPayment, type Result, recordDispute } from "@/lib/store/fulfilment";
import { disputeSchema } from "../objects";

export const schema = disputeSchema;

// Only "lost" removes the points; "won" and a closed inquiry ("warning_closed") release them.
export async function apply(tx: Db, dispute: (typeof schema)["_output"]): Promise<Result> {
  const orderId = await findOrderIdByPayment(tx, {
    paymentIntentId: dispute.payment_intent,
    orderId: dispute.metadata.order_id,
  });
  if (!orderId) return { outcome: "unknown_order" };
  return recordDispute(tx, orderId, dispute.status === "lost" ? "lost" : "won");
}

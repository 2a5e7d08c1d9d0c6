import type { Db } from "@/db/client";
import { findOrderIdByPayment, type Result, recordDispute } from "@/lib/store/fulfilment";
import { disputeSchema } from "../objects";

export const schema = disputeSchema;

export async function apply(tx: Db, dispute: (typeof schema)["_output"]): Promise<Result> {
  const orderId = await findOrderIdByPayment(tx, {
    paymentIntentId: dispute.payment_intent,
    orderId: dispute.metadata.order_id,
  });
  return orderId ? recordDispute(tx, orderId, "open") : { outcome: "unknown_order" };
}

import type { Db } from "@/db/client";
import { findOrderIdByPayment, type Result, recordRefund } from "@/lib/store/fulfilment";
import { chargeSchema } from "../objects";

export const schema = chargeSchema;

// amount_refunded is cumulative: two partial refunds arrive as, say, 1000 then 2500.
export async function apply(tx: Db, charge: (typeof schema)["_output"]): Promise<Result> {
  const orderId = await findOrderIdByPayment(tx, {
    paymentIntentId: charge.payment_intent,
    orderId: charge.metadata.order_id,
  });
  return orderId ? recordRefund(tx, orderId, charge.amount_refunded) : { outcome: "unknown_order" };
}

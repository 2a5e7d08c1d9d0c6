import type { Db } from "@/db/client";
import { closeUnpaidOrder, type Result } from "@/lib/store/fulfilment";
import { checkoutSessionSchema, sessionOrderId } from "../objects";

export const schema = checkoutSessionSchema;

// The cart stays open: the shopper can come back to it (and abandonment follows it up).
export async function apply(tx: Db, session: (typeof schema)["_output"]): Promise<Result> {
  const orderId = sessionOrderId(session);
  return orderId ? closeUnpaidOrder(tx, orderId, "expired") : { outcome: "unknown_order" };
}

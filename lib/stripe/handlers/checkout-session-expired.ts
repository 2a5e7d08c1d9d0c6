import { eq } from "drizzle-orm";
import { markCartAbandoned } from "playcart";
import type { Db } from "@/db/client";
import { orders } from "@/db/schema";
import { env } from "@/lib/env";
import { closeUnpaidOrder, type Result } from "@/lib/store/fulfilment";
import { checkoutSessionSchema, sessionOrderId } from "../objects";

export const schema = checkoutSessionSchema;

// The cart stays open: the shopper can come back to it. Playcart marks it abandoned now
// (if it follows the cart: a contact is known), which schedules its reminders.
export async function apply(tx: Db, session: (typeof schema)["_output"]): Promise<Result> {
  const orderId = sessionOrderId(session);
  if (!orderId) return { outcome: "unknown_order" };
  const result = await closeUnpaidOrder(tx, orderId, "expired");
  if (result.outcome === "expired") {
    const [order] = await tx.select({ cartId: orders.cartId }).from(orders).where(eq(orders.id, orderId));
    if (order) await markCartAbandoned(tx, order.cartId, { now: new Date(), timeZone: env().STORE_TIMEZONE });
  }
  return result;
}

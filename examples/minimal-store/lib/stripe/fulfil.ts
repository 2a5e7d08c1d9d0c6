import "server-only";
import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { cartLines, orders } from "@/db/schema";

export type Fulfilment = "paid" | "already-paid" | "ignored";

/**
 * checkout.session.completed: the order named by client_reference_id is paid when Stripe
 * charged exactly its total, and its cart is emptied. A replayed event changes nothing.
 */
export async function fulfilCheckoutSession(db: Db, session: Stripe.Checkout.Session): Promise<Fulfilment> {
  const orderId = session.client_reference_id;
  if (!orderId || session.payment_status !== "paid") return "ignored";
  return db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for("update");
    if (!order) return "ignored";
    if (order.status === "paid") return "already-paid";
    if (session.amount_total !== order.totalMinor || session.currency !== order.currency) {
      throw new Error(
        `session ${session.id} charged ${session.amount_total} ${session.currency}, order ${order.id} totals ${order.totalMinor} ${order.currency}`,
      );
    }
    await tx
      .update(orders)
      .set({ status: "paid", paidAt: new Date(), stripeSessionId: session.id })
      .where(and(eq(orders.id, order.id), eq(orders.status, "pending")));
    await tx.delete(cartLines).where(eq(cartLines.cartId, order.cartId));
    return "paid";
  });
}

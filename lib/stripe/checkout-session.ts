import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type Order, orderItems, orders } from "@/db/schema";
import { stripe } from "./client";

/**
 * Starts a Stripe Checkout Session for an order: line items priced from the database, the
 * order id in client_reference_id and metadata, one idempotency key per payment attempt.
 */
export async function createCheckoutSession(db: Db, order: Order, origin: string): Promise<string> {
  const [{ attempt }] = await db
    .update(orders)
    .set({ paymentAttempt: sql`${orders.paymentAttempt} + 1`, updatedAt: new Date() })
    .where(eq(orders.id, order.id))
    .returning({ attempt: orders.paymentAttempt });
  const items = await db.select().from(orderItems).where(eq(orderItems.orderId, order.id));
  // The reward the server chose becomes a single-use coupon, so Stripe charges exactly the
  // order's total (fulfilment refuses any other amount).
  const coupon =
    order.discountMinor > 0
      ? await stripe().coupons.create(
          {
            amount_off: order.discountMinor,
            currency: order.currency,
            duration: "once",
            max_redemptions: 1,
            name: (order.discountLabel ?? "Reward").slice(0, 40),
          },
          { idempotencyKey: `playcart:order:${order.id}:attempt:${attempt}:coupon` },
        )
      : null;
  const session = await stripe().checkout.sessions.create(
    {
      mode: "payment",
      client_reference_id: order.id,
      metadata: { order_id: order.id },
      payment_intent_data: { metadata: { order_id: order.id } },
      customer_email: order.email,
      ...(coupon ? { discounts: [{ coupon: coupon.id }] } : {}),
      // Delivery as priced by the server (0 when free or waived by a reward), so the session's
      // amount_total is exactly the order's total.
      ...(order.shippingMinor > 0
        ? {
            shipping_options: [
              {
                shipping_rate_data: {
                  type: "fixed_amount" as const,
                  display_name: "Standard delivery",
                  fixed_amount: { amount: order.shippingMinor, currency: order.currency },
                },
              },
            ],
          }
        : {}),
      line_items: items.map((i) => ({
        quantity: i.quantity,
        price_data: { currency: order.currency, unit_amount: i.unitPriceMinor, product_data: { name: i.productName } },
      })),
      success_url: `${origin}/orders/${order.id}?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${origin}/checkout`,
    },
    { idempotencyKey: `playcart:order:${order.id}:attempt:${attempt}` },
  );
  if (!session.url) throw new Error("Stripe returned a Checkout Session without a URL");
  await db.update(orders).set({ stripeSessionId: session.id }).where(eq(orders.id, order.id));
  return session.url;
}

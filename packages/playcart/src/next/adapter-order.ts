// The host's order as Playcart reads it from adapter.order, checked at the boundary: points
// are earned from these amounts, so a malformed one (a numeric column read as a string, a
// float, a missing currency) stops the payment with a clear error and nothing written,
// rather than earning on a value nobody meant.
import { z } from "zod";
import type { Order, PlaycartAdapter } from "./config.ts";

const minor = z.number().int().min(0);
const line = z.object({
  productRef: z.string(),
  name: z.string(),
  category: z.string(),
  unitPriceMinor: minor,
  quantity: z.number().int().min(1),
});
const orderSchema = z.object({
  ref: z.string().min(1),
  email: z.string().min(3),
  paidAt: z.date().nullable(),
  // The host's own records (optional in Order): checked when given, never required.
  lines: z.array(line).optional(),
  subtotalMinor: minor.optional(),
  discountMinor: minor.optional(),
  shippingMinor: minor.optional(),
  totalMinor: minor,
  currency: z.string().regex(/^[a-z]{3}$/i),
});

/** `order` checked as the order `orderRef` names; throws an Error saying what is wrong. */
export function checkedOrder(orderRef: string, order: Order): Order {
  const parsed = orderSchema.safeParse(order);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ");
    throw new Error(`playcart: adapter.order("${orderRef}") returned an order Playcart cannot use: ${issues}`);
  }
  if (order.ref !== orderRef)
    throw new Error(`playcart: adapter.order("${orderRef}") returned the order "${order.ref}"`);
  return order;
}

/** The host's order, checked; null when the host has none by that ref. */
export async function orderFromAdapter(adapter: PlaycartAdapter, orderRef: string): Promise<Order | null> {
  const order = await adapter.order(orderRef);
  return order ? checkedOrder(orderRef, order) : null;
}

import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { carts, orderLines, orders } from "@/db/schema";
import type { Cart } from "./cart";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** A discount decided inside the order's own transaction, once its id is known: it commits (or not) with the order. */
export type OrderDiscount = (tx: Tx, orderId: string) => Promise<number>;

/** Turns the cart into a pending order at the catalogue's prices, less any discount; the cart stays until payment. */
export async function placeOrder(db: Db, cart: Cart, email: string, discount?: OrderDiscount): Promise<string> {
  const id = crypto.randomUUID();
  await db.transaction(async (tx) => {
    await tx.update(carts).set({ email, updatedAt: new Date() }).where(eq(carts.id, cart.id));
    const discountMinor = discount ? await discount(tx, id) : 0;
    await tx.insert(orders).values({
      id,
      cartId: cart.id,
      email,
      subtotalMinor: cart.subtotalMinor,
      discountMinor,
      shippingMinor: cart.shippingMinor,
      totalMinor: cart.subtotalMinor + cart.shippingMinor - discountMinor,
    });
    await tx.insert(orderLines).values(
      cart.lines.map((l) => ({
        orderId: id,
        productId: l.productId,
        name: l.name,
        category: l.category,
        unitPriceMinor: l.unitPriceMinor,
        quantity: l.quantity,
      })),
    );
  });
  return id;
}

/** The order, only for the browser whose cart placed it. */
export async function orderOfCart(db: Db, orderId: string, cartId: string | null) {
  if (!cartId) return null;
  const [order] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.id, orderId), eq(orders.cartId, cartId)));
  if (!order) return null;
  const lines = await db
    .select({ name: orderLines.name, quantity: orderLines.quantity, unitPriceMinor: orderLines.unitPriceMinor })
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId));
  return { ...order, lines };
}

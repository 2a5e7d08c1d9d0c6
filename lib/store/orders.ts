import "server-only";
import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, or } from "drizzle-orm";
import { EngageError } from "playcart";
import { RewardChangedError } from "playcart/next";
import type { Db } from "@/db/client";
import { carts, type Order, orderItems, orders } from "@/db/schema";
import { env } from "@/lib/env";
import { playcart } from "@/lib/playcart";
import { CartError, type CartOwner, cartLines, findOpenCart } from "./cart";
import { shippingFor, withDiscount } from "./pricing";

/**
 * Turns the owner's cart into an order priced from the database. With `shownRewardId` (the
 * reward the checkout showed), a reward that no longer applies throws RewardChangedError and
 * places nothing: the checkout explains it before any payment. A cart has at most one
 * unpaid order: placing again (double submit, back button) updates that order, never adds one.
 */
export async function placeOrder(
  db: Db,
  owner: CartOwner & { sessionId: string; signedIn?: boolean },
  email: string,
  opts: { rewardId?: string | null; referralCode?: string | null; shownRewardId?: string | null } = {},
): Promise<Order> {
  return db.transaction(async (tx) => {
    const cart = await findOpenCart(tx, owner);
    if (!cart) throw new CartError("cart", "Your cart is empty.");
    await tx.select({ id: carts.id }).from(carts).where(eq(carts.id, cart.id)).for("update");
    const { lines, totals } = await cartLines(tx, cart.id);
    if (lines.length === 0) throw new CartError("cart", "Your cart is empty.");

    const [inFlight] = await tx
      .select()
      .from(orders)
      .where(and(eq(orders.cartId, cart.id), inArray(orders.status, ["pending", "processing"])))
      .for("update");
    if (inFlight?.status === "processing")
      throw new CartError("cart", "A payment for this cart is already being processed.");
    // The order's id is chosen first, so Playcart reserves the reward for it in this same
    // transaction (placing again re-decides the reward from scratch).
    const orderRef = inFlight?.id ?? randomUUID();
    const used = await playcart
      .priceOrder({
        orderRef,
        shopper: { id: owner.sessionId, email, userRef: owner.userId, signedIn: Boolean(owner.signedIn) },
        cart: {
          ref: cart.id,
          email,
          lines: lines.map((l) => ({
            productRef: l.slug,
            name: l.name,
            category: l.categorySlug,
            unitPriceMinor: l.unitPriceMinor,
            quantity: l.quantity,
          })),
          shippingMinor: shippingFor(totals.subtotalMinor),
        },
        email,
        rewardId: opts.rewardId,
        // The reward the checkout showed: if it no longer applies, Playcart says why and nothing is placed.
        shownRewardId: opts.shownRewardId,
        referralCode: opts.referralCode ?? null,
        db: tx,
      })
      .catch((err) => {
        if (err instanceof EngageError && !(err instanceof RewardChangedError))
          throw new CartError("rewardId", err.message);
        throw err;
      });
    const priced = withDiscount(totals, used.discountMinor, { waiveShipping: used.shippingWaivedMinor > 0 });

    const values = {
      email,
      userId: owner.userId,
      sessionId: owner.sessionId,
      currency: env().STORE_CURRENCY,
      subtotalMinor: priced.subtotalMinor,
      discountMinor: priced.discountMinor,
      shippingMinor: priced.shippingMinor,
      totalMinor: priced.totalMinor,
      rewardId: used.rewardId,
      discountLabel: used.label,
      updatedAt: new Date(),
    };
    const [order] = inFlight
      ? await tx.update(orders).set(values).where(eq(orders.id, inFlight.id)).returning()
      : await tx
          .insert(orders)
          .values({ ...values, id: orderRef, cartId: cart.id })
          .returning();
    await tx.delete(orderItems).where(eq(orderItems.orderId, order.id));
    await tx.insert(orderItems).values(
      lines.map((l) => ({
        orderId: order.id,
        productId: l.productId,
        productName: l.name,
        unitPriceMinor: l.unitPriceMinor,
        quantity: l.quantity,
      })),
    );
    await tx.update(carts).set({ email, updatedAt: new Date() }).where(eq(carts.id, cart.id));
    return order;
  });
}

export type OrderViewer = { sessionId: string | null; userId: string | null; email: string | null };

/** An order is visible to the browser that placed it and to the account with its email. */
export function canView(order: Pick<Order, "sessionId" | "userId" | "email">, viewer: OrderViewer): boolean {
  return (
    (viewer.sessionId !== null && order.sessionId === viewer.sessionId) ||
    (viewer.userId !== null && order.userId === viewer.userId) ||
    (viewer.email !== null && order.email.toLowerCase() === viewer.email.toLowerCase())
  );
}

export async function getOrderForViewer(db: Db, orderId: string, viewer: OrderViewer) {
  if (!/^[0-9a-f-]{36}$/i.test(orderId)) return null;
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  if (!order || !canView(order, viewer)) return null;
  const items = await db
    .select({
      productId: orderItems.productId,
      name: orderItems.productName,
      unitPriceMinor: orderItems.unitPriceMinor,
      quantity: orderItems.quantity,
    })
    .from(orderItems)
    .where(eq(orderItems.orderId, orderId));
  return { order, items };
}

export async function listOrdersForUser(db: Db, user: { id: string; email: string }) {
  return db
    .select({
      id: orders.id,
      status: orders.status,
      totalMinor: orders.totalMinor,
      amountRefundedMinor: orders.amountRefundedMinor,
      disputeStatus: orders.disputeStatus,
      currency: orders.currency,
      createdAt: orders.createdAt,
      paidAt: orders.paidAt,
    })
    .from(orders)
    .where(
      and(
        or(eq(orders.userId, user.id), eq(orders.email, user.email.toLowerCase())),
        inArray(orders.status, ["paid", "processing"]),
      ),
    )
    .orderBy(desc(orders.createdAt))
    .limit(50);
}

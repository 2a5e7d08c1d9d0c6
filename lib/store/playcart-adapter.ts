// The demo store's facts as Playcart's adapter reads them: who is shopping (this browser's
// session cookie and the signed-in account), the open cart, and an order.
import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Cart, Order, PlaycartAdapter, Shopper, ShopperAnswer } from "playcart/next";
import { getDb } from "@/db/client";
import { preparedStatement } from "@/db/prepared";
import { orderItems, orders, products } from "@/db/schema";
import { restoreCart } from "./abandonment";
import { loadCart } from "./cart";
import { emailImage } from "./email-image";
import { ensureShopperSession, readShopperSession } from "./shopper-session";

type LoadedCart = Awaited<ReturnType<typeof loadCart>>;

/**
 * The email Playcart may assume before the shopper types one: the account's, or the one
 * this browser last paid with (a returning guest is recognised for audiences and limits;
 * it never unlocks rewards).
 */
// Asked on every play and store page of a guest.
const lastPaidStatement = preparedStatement((db) =>
  db
    .select({ email: orders.email })
    .from(orders)
    .where(and(eq(orders.sessionId, sql.placeholder("sessionId")), eq(orders.status, "paid")))
    .orderBy(desc(orders.paidAt))
    .limit(1)
    .prepare("demo_last_paid_email"),
);

async function lastPaidEmail(sessionId: string): Promise<string | null> {
  const [last] = await lastPaidStatement(await getDb()).execute({ sessionId });
  return last?.email ?? null;
}

// Auth.js is loaded when a shopper is first asked for, not when Playcart's config is.
const viewerNow = async () => (await import("@/lib/auth/guards")).currentViewer();

async function shopper({ create }: { create: boolean }): Promise<ShopperAnswer | null> {
  const [sessionId, viewer] = await Promise.all([create ? ensureShopperSession() : readShopperSession(), viewerNow()]);
  if (!sessionId && !viewer) return null;
  return {
    id: sessionId,
    // A guest's last paid email costs a query: Playcart runs it only where it needs it (a play
    // whose cart has an email does not).
    email: viewer?.email ?? (sessionId ? () => lastPaidEmail(sessionId) : null),
    userRef: viewer?.id ?? null,
    signedIn: Boolean(viewer),
  };
}

/** The demo's loaded cart as Playcart reads it (the checkout page passes the one it loaded). */
export function playcartCart(loaded: LoadedCart): Cart | null {
  if (!loaded.id) return null;
  return {
    ref: loaded.id,
    email: loaded.email,
    lines: loaded.lines.map((l) => ({
      productRef: l.slug,
      name: l.name,
      category: l.categorySlug,
      unitPriceMinor: l.unitPriceMinor,
      quantity: l.quantity,
      imageUrl: emailImage(l.image),
    })),
    shippingMinor: loaded.totals.shippingMinor,
  };
}

async function cart(s: Shopper): Promise<Cart | null> {
  return playcartCart(await loadCart(await getDb(), { sessionId: s.id, userId: s.userRef }));
}

async function order(ref: string): Promise<Order | null> {
  if (!/^[0-9a-f-]{36}$/i.test(ref)) return null;
  const db = await getDb();
  const [o] = await db.select().from(orders).where(eq(orders.id, ref));
  if (!o) return null;
  const lines = await db
    .select({
      productRef: products.slug,
      name: orderItems.productName,
      category: products.categorySlug,
      unitPriceMinor: orderItems.unitPriceMinor,
      quantity: orderItems.quantity,
    })
    .from(orderItems)
    .innerJoin(products, eq(products.id, orderItems.productId))
    .where(eq(orderItems.orderId, ref));
  return {
    ref: o.id,
    email: o.email,
    userRef: o.userId,
    sessionRef: o.sessionId,
    paidAt: o.paidAt,
    lines,
    subtotalMinor: o.subtotalMinor,
    discountMinor: o.discountMinor,
    shippingMinor: o.shippingMinor,
    totalMinor: o.totalMinor,
    currency: o.currency,
  };
}

export const demoAdapter: PlaycartAdapter = {
  shopper,
  cart,
  order,
  restoreCart: async (s, snapshot) => {
    if (!s.id) return;
    await restoreCart(
      await getDb(),
      { sessionId: s.id, userId: s.userRef },
      {
        email: snapshot.email,
        items: snapshot.lines.map((l) => ({ ...l, imageUrl: null })),
      },
    );
  },
};

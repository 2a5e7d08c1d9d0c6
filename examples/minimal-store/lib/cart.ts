import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { cookies } from "next/headers";
import { type Db, getDb } from "@/db/client";
import { cartLines, carts, products } from "@/db/schema";
import { env } from "./env";
import { shippingFor } from "./money";

/** The browser's cart: a random id in an httpOnly cookie, set on the first add. */
export const CART_COOKIE = "store_cart";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function cartIdFromCookie(): Promise<string | null> {
  const value = (await cookies()).get(CART_COOKIE)?.value;
  return value && UUID.test(value) ? value : null;
}

export type CartLine = {
  productId: number;
  slug: string;
  name: string;
  category: string;
  art: string;
  unitPriceMinor: number;
  quantity: number;
};

export type Cart = {
  id: string;
  email: string | null;
  lines: CartLine[];
  itemCount: number;
  subtotalMinor: number;
  shippingMinor: number;
};

/** The cart with today's prices from the catalogue, or null when the browser has none. */
export async function readCart(db: Db, cartId: string | null): Promise<Cart | null> {
  if (!cartId) return null;
  const [cart] = await db.select({ id: carts.id, email: carts.email }).from(carts).where(eq(carts.id, cartId));
  if (!cart) return null;
  const lines = await db
    .select({
      productId: products.id,
      slug: products.slug,
      name: products.name,
      category: products.category,
      art: products.art,
      unitPriceMinor: products.priceMinor,
      quantity: cartLines.quantity,
    })
    .from(cartLines)
    .innerJoin(products, eq(products.id, cartLines.productId))
    .where(eq(cartLines.cartId, cartId))
    .orderBy(asc(products.id));
  const subtotalMinor = lines.reduce((sum, l) => sum + l.unitPriceMinor * l.quantity, 0);
  return {
    ...cart,
    lines,
    itemCount: lines.reduce((n, l) => n + l.quantity, 0),
    subtotalMinor,
    shippingMinor: shippingFor(subtotalMinor),
  };
}

/** This browser's cart id, creating the cart (and its cookie) when it has none. Actions and route handlers only. */
export async function openCart(db: Db): Promise<string> {
  const existing = await cartIdFromCookie();
  if (existing && (await readCart(db, existing))) return existing;
  const cartId = crypto.randomUUID();
  await db.insert(carts).values({ id: cartId });
  (await cookies()).set(CART_COOKIE, cartId, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: env().SITE_URL.startsWith("https:"),
    maxAge: 60 * 60 * 24 * 30,
  });
  return cartId;
}

/** Adds `quantity` of a product (by id or slug) to a cart, at most 99 of a line. */
export async function addToCartLine(cartId: string, product: { id: number } | { slug: string }, quantity = 1) {
  const db = getDb();
  const where = "id" in product ? eq(products.id, product.id) : eq(products.slug, product.slug);
  const [found] = await db.select({ id: products.id }).from(products).where(where);
  if (!found) return;
  await db.transaction(async (tx) => {
    await tx
      .insert(cartLines)
      .values({ cartId, productId: found.id, quantity: Math.min(quantity, 99) })
      .onConflictDoUpdate({
        target: [cartLines.cartId, cartLines.productId],
        set: { quantity: sql`least(${cartLines.quantity} + ${quantity}, 99)` },
      });
    await tx.update(carts).set({ updatedAt: new Date() }).where(eq(carts.id, cartId));
  });
}

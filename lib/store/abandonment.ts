// The demo store's side of cart abandonment: it reports carts with a known contact to
// Playcart, records consent from the checkout, and restores a cart from a reminder link.
import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { recordConsent, recordNudgeConverted, trackCart } from "playcart";
import type { CartItemSnapshot } from "playcart/schema";
import type { Db } from "@/db/client";
import { cartItems, carts, MAX_LINE_QUANTITY, products } from "@/db/schema";
import { env } from "@/lib/env";
import { type CartOwner, cartLines, findOpenCart } from "./cart";
import { storeNow } from "./clock";
import { emailImage } from "./email-image";
import { CONSENT_SOURCE_CHECKOUT, MARKETING_CONSENT_WORDING } from "./marketing-consent";

/** Reports this cart (its content and contact) to Playcart, which follows it up if abandoned. */
export async function reportCart(db: Db, cart: { id: string; email: string; sessionId: string | null }) {
  const { lines } = await cartLines(db, cart.id);
  const items: CartItemSnapshot[] = lines.map((l) => ({
    name: l.name,
    quantity: l.quantity,
    unitPriceMinor: l.unitPriceMinor,
    imageUrl: emailImage(l.image),
    productRef: l.slug,
  }));
  await trackCart(db, {
    cartRef: cart.id,
    email: cart.email,
    sessionRef: cart.sessionId,
    currency: env().STORE_CURRENCY,
    items,
    now: await storeNow(),
  });
}

/**
 * After a cart change: a cart with a known contact (signed in, or an email already given at
 * checkout) is reported again, so its last activity moves on.
 */
export async function reportCartOf(db: Db, shopper: CartOwner & { viewer: { email: string } | null }) {
  const cart = await findOpenCart(db, shopper);
  const email = shopper.viewer?.email ?? cart?.email;
  if (cart && email) await reportCart(db, { id: cart.id, email, sessionId: shopper.sessionId });
}

/** After an order is placed at checkout: consent (if ticked), the cart report, the nudge's conversion. */
export async function afterCheckout(
  db: Db,
  input: { email: string; consent: boolean; cartId: string; sessionId: string; orderId: string; totalMinor: number },
) {
  const now = await storeNow();
  if (input.consent)
    await recordConsent(db, {
      email: input.email,
      wording: MARKETING_CONSENT_WORDING,
      source: CONSENT_SOURCE_CHECKOUT,
      now,
    });
  await reportCart(db, { id: input.cartId, email: input.email, sessionId: input.sessionId });
  await recordNudgeConverted(db, {
    sessionRef: input.sessionId,
    cartRef: input.cartId,
    orderRef: input.orderId,
    valueMinor: input.totalMinor,
    now,
  });
}

/**
 * Puts a reminded cart's items into this browser's open cart (creating it), keeping the larger
 * quantity of a line already there, so clicking the link twice changes nothing. Products no
 * longer sold are skipped. Returns the cart id.
 */
export async function restoreCart(
  db: Db,
  owner: CartOwner & { sessionId: string },
  snapshot: { email: string; items: CartItemSnapshot[] },
) {
  return db.transaction(async (tx) => {
    let cart = await findOpenCart(tx, owner);
    if (!cart) {
      await tx.insert(carts).values({ sessionId: owner.sessionId, userId: owner.userId }).onConflictDoNothing();
      cart = await findOpenCart(tx, owner);
    }
    if (!cart) throw new Error("could not open a cart to restore into");
    const slugs = snapshot.items.map((i) => i.productRef).filter((s): s is string => Boolean(s));
    const found = slugs.length
      ? await tx
          .select({ id: products.id, slug: products.slug })
          .from(products)
          .where(and(inArray(products.slug, slugs), eq(products.active, true)))
      : [];
    const bySlug = new Map(found.map((p) => [p.slug, p.id]));
    const lines = snapshot.items.flatMap((i) => {
      const productId = i.productRef ? bySlug.get(i.productRef) : undefined;
      return productId ? [{ cartId: cart!.id, productId, quantity: Math.min(MAX_LINE_QUANTITY, i.quantity) }] : [];
    });
    if (lines.length) {
      await tx
        .insert(cartItems)
        .values(lines)
        .onConflictDoUpdate({
          target: [cartItems.cartId, cartItems.productId],
          set: { quantity: sql`greatest(${cartItems.quantity}, excluded.quantity)` },
        });
    }
    await tx
      .update(carts)
      .set({ email: sql`coalesce(${carts.email}, ${snapshot.email})`, updatedAt: new Date() })
      .where(and(eq(carts.id, cart.id), isNull(carts.userId)));
    return cart.id;
  });
}

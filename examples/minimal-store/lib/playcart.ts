import "server-only";
import { eq } from "drizzle-orm";
import { cookies } from "next/headers";
import { createPlaycart } from "playcart/next";
import { getDb } from "@/db/client";
import { orders } from "@/db/schema";
import { addToCartLine, cartIdFromCookie, openCart, readCart } from "@/lib/cart";

export const playcart = createPlaycart(() => ({
  db: getDb,
  secret: process.env.PLAYCART_SECRET ?? "",
  siteUrl: process.env.SITE_URL,
  timeZone: "Europe/Berlin",
  currency: "eur",
  cronSecret: process.env.CRON_SECRET,
  stripe: { webhookSecret: process.env.PLAYCART_STRIPE_WEBHOOK_SECRET },
  email: { smtpUrl: process.env.SMTP_URL, from: "Leaf & Kettle <shop@leaf.test>", postalAddress: "1 Tea Lane, Berlin" },
  // Tests pin the store's clock with a cookie (STORE_TEST_CLOCK=cookie).
  now: async () => {
    const pinned = process.env.STORE_TEST_CLOCK === "cookie" && (await cookies()).get("store_test_clock")?.value;
    return pinned ? new Date(pinned) : new Date();
  },
  adapter: {
    shopper: async ({ create }) => {
      const id = create ? await openCart(getDb()) : await cartIdFromCookie();
      return id ? { id, email: null, userRef: null, signedIn: false } : null;
    },
    cart: async ({ id }) => {
      const cart = id ? await readCart(getDb(), id) : null;
      return cart && { ...cart, ref: cart.id, lines: cart.lines.map((l) => ({ ...l, productRef: l.slug })) };
    },
    order: async (ref) => {
      const [o] = /^[0-9a-f-]{36}$/.test(ref) ? await getDb().select().from(orders).where(eq(orders.id, ref)) : [];
      return o ? { ...o, ref: o.id, sessionRef: o.cartId } : null;
    },
    restoreCart: async ({ id }, { lines }) => {
      for (const l of lines) if (id && l.productRef) await addToCartLine(id, { slug: l.productRef }, l.quantity);
    },
  },
}));

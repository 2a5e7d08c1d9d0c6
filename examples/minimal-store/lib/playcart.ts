import { eq } from "drizzle-orm";
import { cookies } from "next/headers";
import { createPlaycart } from "playcart/next";
import { getDb } from "@/db/client";
import { orders } from "@/db/schema";
import { addToCartLine, cartIdFromCookie, openCart, readCart } from "@/lib/cart";

const cookie = async (name: string) => (await cookies()).get(name)?.value;
const isOwner = async () => (await cookie("store_admin")) === (process.env.STORE_ADMIN_TOKEN || null);

export const playcart = createPlaycart(() => ({
  db: getDb,
  secret: process.env.PLAYCART_SECRET ?? "",
  publicOrigin: process.env.SITE_URL,
  timeZone: "Europe/Berlin",
  currency: "eur",
  cronSecret: process.env.CRON_SECRET,
  stripe: { webhookSecret: process.env.PLAYCART_STRIPE_WEBHOOK_SECRET },
  email: { smtpUrl: process.env.SMTP_URL, from: "Leaf & Kettle <shop@leaf.test>", postalAddress: "1 Tea Lane, Berlin" },
  admin: { basePath: "/admin/playcart", authorize: async () => ((await isOwner()) ? { actor: "owner" } : "notFound") },
  // Tests pin the store's clock with a cookie (STORE_TEST_CLOCK=cookie).
  now: async () =>
    new Date((process.env.STORE_TEST_CLOCK === "cookie" && (await cookie("store_test_clock"))) || Date.now()),
  adapter: {
    // A guest store: the shopper is the browser's cart.
    shopper: async ({ create }) => (create ? openCart(getDb()) : cartIdFromCookie()),
    cart: async ({ id }) => {
      const cart = await readCart(getDb(), id);
      return cart && { ...cart, ref: cart.id, lines: cart.lines.map((l) => ({ ...l, productRef: l.slug })) };
    },
    order: async (ref) => {
      const [o] = /^[0-9a-f-]{36}$/.test(ref) ? await getDb().select().from(orders).where(eq(orders.id, ref)) : [];
      return o && { ...o, ref: o.id, sessionRef: o.cartId };
    },
    restoreCart: async ({ id }, { lines }) => {
      for (const l of lines) if (id && l.productRef) await addToCartLine(id, { slug: l.productRef }, l.quantity);
    },
  },
}));

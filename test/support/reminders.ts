// Shared set-up for the reminder suites: a consenting contact with an abandoned cart, and
// senders that count what went out.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { detectAbandonedCarts, recordConsent, trackCart } from "playcart";
import { events, reminders, trackedCarts } from "playcart/schema";
import type { Db } from "@/db/client";

export const TZ = "Europe/Berlin";
export const WORDING = "Email me about my cart and offers. I can unsubscribe at any time.";

export const espresso = {
  name: "House Espresso",
  quantity: 2,
  unitPriceMinor: 1450,
  imageUrl: "/products/house-espresso.svg",
  productRef: "house-espresso",
};
export const mug = {
  name: "Stoneware Mug",
  quantity: 1,
  unitPriceMinor: 1800,
  imageUrl: "/products/stoneware-mug.svg",
  productRef: "stoneware-mug",
};

/** A contact (with consent unless told otherwise) whose cart was last touched at `at`. */
export async function cartAt(
  db: Db,
  at: Date,
  opts: { email?: string; consent?: boolean; items?: (typeof espresso)[] } = {},
) {
  const email = opts.email ?? `shopper-${randomUUID().slice(0, 8)}@example.test`;
  const cartRef = randomUUID();
  if (opts.consent !== false)
    await recordConsent(db, { email, wording: WORDING, source: "checkout_form", now: new Date(at.getTime() - 1000) });
  await trackCart(db, {
    cartRef,
    email,
    sessionRef: `sid-${cartRef.slice(0, 8)}`,
    currency: "usd",
    items: opts.items ?? [espresso, mug],
    now: at,
  });
  return { email, cartRef };
}

export async function abandonAt(db: Db, now: Date) {
  let n = 0;
  for (let got = -1; got !== 0; ) n += got = await detectAbandonedCarts(db, { now, timeZone: TZ });
  return n;
}

export const remindersOf = (db: Db, cartRef: string) =>
  db.select().from(reminders).where(eq(reminders.cartRef, cartRef)).orderBy(reminders.step);
export const cartRow = async (db: Db, cartRef: string) =>
  (await db.select().from(trackedCarts).where(eq(trackedCarts.cartRef, cartRef)))[0];
export const eventsOfType = (db: Db, type: string) => db.select().from(events).where(eq(events.type, type));

export const minutes = (at: Date, n: number) => new Date(at.getTime() + n * 60_000);

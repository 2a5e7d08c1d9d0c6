// Test data shared by the specs: demo catalog facts and unique identities.
import { randomBytes } from "node:crypto";

/** A fresh email address, so every test is its own customer with its own ledger. */
export function uniqueEmail(tag: string): string {
  return `${tag}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}@shoppers.test`;
}

export const ADMIN_EMAIL = "admin@playcart.test";

/** Demo products (db/seed-data.ts) the specs buy; prices in cents. */
export const products = {
  espresso: { slug: "house-espresso", name: "House Espresso", category: "Coffee", priceCents: 1450 },
  croissant: { slug: "butter-croissant", name: "Butter Croissant", category: "Pastries", priceCents: 350 },
  mug: { slug: "stoneware-mug", name: "Stoneware Mug", category: "Mugs & cups", priceCents: 1800 },
} as const;

/** "$32.50", as the store formats US dollars. */
export const usd = (cents: number) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(cents / 100);

/** What an order costs: the demo store's $4.95 delivery applies below a $25.00 subtotal (lib/store/pricing.ts). */
export const orderTotal = (subtotalCents: number, discountCents = 0) =>
  subtotalCents - discountCents + (subtotalCents < 2500 ? 495 : 0);

/** 1 point per whole dollar paid, rounded down (the default earn rate). */
export const pointsFor = (cents: number) => Math.floor(cents / 100);

/** The order reference shown to people: the first 8 characters of its id, upper case. */
export const orderLabel = (orderId: string) => orderId.slice(0, 8).toUpperCase();

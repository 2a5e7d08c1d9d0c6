// The demo store's side of Playcart: how it describes its shopper and cart to the engine.
// A host store writes the same few functions over its own session and cart.
import "server-only";
import { and, desc, eq } from "drizzle-orm";
import {
  findCustomerByEmail,
  findPlacement,
  hasEffect,
  type Offer,
  type PlayShopper,
  recordEvent,
  rewardForOrder,
} from "playcart";
import type { Db } from "@/db/client";
import { orders } from "@/db/schema";
import type { Viewer } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import { storeNow } from "./clock";
import { type PricedLine, shippingFor } from "./pricing";

export type StoreShopper = { sessionId: string | null; userId: string | null; viewer: Viewer | null };

/** The shopper as Playcart sees them; the browser's session cookie doubles as its device key. */
export function playShopper(shopper: StoreShopper, email?: string | null): PlayShopper {
  return {
    email: email ?? shopper.viewer?.email ?? null,
    userRef: shopper.userId,
    deviceId: shopper.sessionId,
    sessionRef: shopper.sessionId,
    signedIn: Boolean(shopper.viewer),
  };
}

export function cartSummary(lines: PricedLine[]) {
  return {
    valueMinor: lines.reduce((s, l) => s + l.lineTotalMinor, 0),
    itemCount: lines.reduce((s, l) => s + l.quantity, 0),
    categories: [...new Set(lines.map((l) => l.categorySlug))],
  };
}

/**
 * The email Playcart may assume for this shopper before they type one: the cart's, the
 * account's, or the one this browser last checked out with. It decides audiences and limits
 * (a returning guest is recognised); it never unlocks rewards (see rewardOwnerOf in packages/playcart/src/rewards/rewards.ts).
 */
export async function knownEmail(db: Db, shopper: StoreShopper, cartEmail: string | null): Promise<string | null> {
  if (cartEmail) return cartEmail;
  if (shopper.viewer?.email) return shopper.viewer.email;
  if (!shopper.sessionId) return null;
  const [last] = await db
    .select({ email: orders.email })
    .from(orders)
    .where(and(eq(orders.sessionId, shopper.sessionId), eq(orders.status, "paid")))
    .orderBy(desc(orders.paidAt))
    .limit(1);
  return last?.email ?? null;
}

export const rewardLines = (lines: PricedLine[]) =>
  lines.map((l) => ({
    productRef: l.slug,
    unitPriceMinor: l.unitPriceMinor,
    quantity: l.quantity,
    category: l.categorySlug,
  }));

export type CheckoutOffer = { offer: Offer | null; heldOut: string[] };

/**
 * The game offered at checkout: the first-order wheel or the returning shopper's game, and
 * the campaigns whose holdout kept this shopper from theirs.
 */
export async function checkoutOffer(db: Db, shopper: PlayShopper, lines: PricedLine[]): Promise<CheckoutOffer> {
  const now = await storeNow();
  const timeZone = env().STORE_TIMEZONE;
  const cart = cartSummary(lines);
  const heldOut: string[] = [];
  for (const placement of ["checkout_first_order", "checkout_returning"] as const) {
    const found = await findPlacement(db, { placement, shopper, cart, now, timeZone });
    if (found.heldOut) heldOut.push(found.heldOut.campaignId);
    if (found.offer) return { offer: found.offer, heldOut };
  }
  return { offer: null, heldOut };
}

/**
 * Logs a checkout view, the game it offered and any holdout, once per shopper session and cart (a reload
 * is the same view). Run after the response: the checkout never waits on it.
 */
export async function recordCheckoutView(
  db: Db,
  shopper: PlayShopper,
  cartRef: string,
  valueMinor: number,
  { offer, heldOut }: CheckoutOffer,
  now: Date,
) {
  const session = shopper.sessionRef ?? "none";
  const customer = shopper.email ? await findCustomerByEmail(db, shopper.email) : undefined;
  const base = { customerId: customer?.id ?? null, sessionRef: shopper.sessionRef ?? null, occurredAt: now };
  await recordEvent(db, { type: "checkout.viewed", key: `${session}:${cartRef}`, ...base, valueMinor });
  if (offer) {
    await recordEvent(db, {
      type: "game.offered",
      key: `${offer.campaignId}:${session}:${cartRef}`,
      ...base,
      campaignId: offer.campaignId,
    });
  }
  for (const campaignId of heldOut) {
    await recordEvent(db, { type: "game.held_out", key: `${campaignId}:${session}:${cartRef}`, ...base, campaignId });
  }
}

/**
 * The reward this cart would use now, decided exactly as placing the order will decide it
 * (same ownership and eligibility checks), for showing totals before paying.
 */
export async function previewReward(db: Db, shopper: PlayShopper, cartRef: string | null, lines: PricedLine[]) {
  const chosen = await rewardForOrder(db, {
    shopper,
    cartRef,
    lines: rewardLines(lines),
    cart: cartSummary(lines),
    shippingMinor: shippingFor(lines.reduce((s, l) => s + l.lineTotalMinor, 0)),
    now: await storeNow(),
    timeZone: env().STORE_TIMEZONE,
  });
  if (!chosen || !hasEffect(chosen)) return null;
  return {
    id: chosen.reward.id,
    label: chosen.reward.label,
    discountMinor: chosen.discountMinor,
    waiveShipping: chosen.shippingWaivedMinor > 0,
    bonusPoints: chosen.bonusPoints,
    scope: chosen.reward.scope,
  };
}

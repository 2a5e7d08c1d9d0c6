// The demo store's side of Playcart: how it describes its shopper and cart to the engine.
// A host store writes the same few functions over its own session and cart.
import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { hasEffect, type PlayShopper, rewardForOrder } from "playcart";
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

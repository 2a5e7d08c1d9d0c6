"use server";

import { recordNudgeDismissed } from "playcart";
import { getDb } from "@/db/client";
import { playcart } from "@/lib/playcart";
import { loadCart } from "@/lib/store/cart";
import { storeNow } from "@/lib/store/clock";
import { currentShopper } from "@/lib/store/owner";

/**
 * The shopper is about to leave checkout: Playcart logs the exit intent and decides whether
 * the nudge shows (once per session, only with a cart still to buy, never after the purchase)
 * and which game it carries (with the offer token its play needs).
 */
export async function claimNudgeAction(raw: string) {
  return playcart.exitNudge(raw);
}

export async function dismissNudgeAction(): Promise<void> {
  const shopper = await currentShopper();
  if (!shopper.sessionId) return;
  const db = await getDb();
  const cart = await loadCart(db, shopper);
  await recordNudgeDismissed(db, { sessionRef: shopper.sessionId, cartRef: cart.id ?? "none", now: await storeNow() });
}

"use server";

import { z } from "zod";
import { getDb } from "@/db/client";
import { play, PlayError } from "@/lib/engage/play";
import type { PlayOutcome, PlayRequest } from "@/lib/engage/play-outcome";
import { env } from "@/lib/env";
import { loadCart } from "@/lib/store/cart";
import { storeNow } from "@/lib/store/clock";
import { cartSummary, knownEmail, playShopper } from "@/lib/store/engagement";
import { sweepEventsAfterResponse } from "@/lib/store/event-sweep";
import { currentShopperForWrite } from "@/lib/store/owner";
import { allowPlayAttempt } from "@/lib/store/play-limiter";

const playInput = z.object({
  campaignId: z.uuid(),
  // A fresh random id per press of the button: a replayed request is refused.
  requestId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
});

/**
 * Plays a game. The server decides everything: who is playing (session cookie, account,
 * the cart's email), whether they may, and what they win. The browser sends only which
 * game and a nonce, and animates the outcome it is given.
 */
export async function playGameAction(raw: PlayRequest): Promise<PlayOutcome> {
  const input = playInput.safeParse(raw);
  if (!input.success) return { status: "error", code: "invalid", message: "That game request was not valid." };
  const shopper = await currentShopperForWrite();
  if (!(await allowPlayAttempt(shopper.sessionId))) {
    return { status: "error", code: "rate_limited", message: "Too many plays in a minute. Take a breath and try again." };
  }
  const db = await getDb();
  const cart = await loadCart(db, shopper);
  try {
    const result = await play(db, {
      campaignId: input.data.campaignId,
      requestId: input.data.requestId,
      shopper: playShopper(shopper, await knownEmail(db, shopper, cart.email)),
      cart: { ...cartSummary(cart.lines), cartRef: cart.id },
      now: await storeNow(),
      timeZone: env().STORE_TIMEZONE,
    });
    // Rules on game.played run after the response, so the animation never waits on them.
    sweepEventsAfterResponse();
    return {
      status: "ok",
      won: result.won,
      segment: result.segment,
      label: result.label,
      reward: result.reward && { label: result.reward.label, scope: result.reward.scope as "this_order" | "next_order", expiresAt: result.reward.expiresAt.toISOString() },
      playsLeft: result.playsLeft,
    };
  } catch (err) {
    if (err instanceof PlayError) return { status: "error", code: err.code, message: err.message };
    console.error("[playcart] play failed", err);
    return { status: "error", code: "error", message: "The game could not be played. Please try again." };
  }
}

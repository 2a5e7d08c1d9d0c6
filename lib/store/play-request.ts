import "server-only";
import type { PlayOutcome } from "playcart";
import { PlayError, play } from "playcart";
import { z } from "zod";
import type { Db } from "@/db/client";
import { env } from "@/lib/env";
import { storeNow } from "./clock";
import { playShopper, type StoreShopper } from "./engagement";
import { sweepEventsAfterResponse } from "./event-sweep";
import { playCart } from "./play-cart";
import { allowPlayAttempt } from "./play-limiter";

// Which game and a nonce, nothing else: any other field (a prize, an amount, a price) is
// dropped here and could not reach the draw anyway.
export const playRequestInput = z.object({
  campaignId: z.uuid(),
  // A fresh random id per press of the button: a replayed request is refused.
  requestId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
});

/**
 * Plays a game for this shopper. The server decides everything: who is playing (session
 * cookie, account, the cart's email), whether they may, and what they win. Shared by the
 * checkout's server action and the play route.
 */
export async function playFromRequest(
  db: Db,
  shopper: StoreShopper & { sessionId: string },
  raw: unknown,
): Promise<PlayOutcome> {
  const input = playRequestInput.safeParse(raw);
  if (!input.success) return { status: "error", code: "invalid", message: "That game request was not valid." };
  if (!(await allowPlayAttempt(shopper.sessionId))) {
    return {
      status: "error",
      code: "rate_limited",
      message: "Too many plays in a minute. Take a breath and try again.",
    };
  }
  const { cartRef, email, ...cart } = await playCart(db, shopper);
  try {
    const result = await play(db, {
      campaignId: input.data.campaignId,
      requestId: input.data.requestId,
      shopper: playShopper(shopper, email),
      cart: { ...cart, cartRef },
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
      reward: result.reward && {
        label: result.reward.label,
        scope: result.reward.scope as "this_order" | "next_order",
        expiresAt: result.reward.expiresAt.toISOString(),
      },
      playsLeft: result.playsLeft,
    };
  } catch (err) {
    if (err instanceof PlayError) return { status: "error", code: err.code, message: err.message };
    console.error("[playcart] play failed", err);
    return { status: "error", code: "error", message: "The game could not be played. Please try again." };
  }
}

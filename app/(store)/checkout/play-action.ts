"use server";

import type { PlayOutcome, PlayRequest } from "playcart";
import { getDb } from "@/db/client";
import { currentShopperForWrite } from "@/lib/store/owner";
import { playFromRequest } from "@/lib/store/play-request";

/**
 * Plays a game. The browser sends only which game and a nonce, and animates the outcome it
 * is given; playFromRequest validates, identifies the shopper and lets the server decide.
 */
export async function playGameAction(raw: PlayRequest): Promise<PlayOutcome> {
  const shopper = await currentShopperForWrite();
  return playFromRequest(await getDb(), shopper, raw);
}

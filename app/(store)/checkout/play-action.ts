"use server";

import type { PlayOutcome, PlayRequest } from "playcart";
import { playcart } from "@/lib/playcart";

/**
 * Plays a game. The browser sends only which game and a nonce, and animates the outcome it
 * is given; Playcart validates, identifies the shopper through the store's adapter and decides.
 */
export async function playGameAction(raw: PlayRequest): Promise<PlayOutcome> {
  return playcart.play(raw);
}

// The contract between the launcher (which talks to the server) and a game (which only
// animates what the server decided).
import type { GameOffer, PlayOutcome } from "playcart/client";

export type PlayResult = Extract<PlayOutcome, { status: "ok" }>;

export type GameProps = {
  offer: GameOffer;
  /** Plays this shopper has left, as the server last said. */
  playsLeft: number;
  oddsHref: string;
  /** Asks the server for a play; null when it refused (the launcher shows why). */
  onPlay: () => Promise<PlayResult | null>;
  /** The animation has shown the outcome: the launcher refreshes the totals. */
  onRevealed: (result: PlayResult) => void;
};

/** "1 spin", "3 spins": how each game counts its plays. */
export function playsLabel(gameType: GameOffer["gameType"], n: number): string {
  const noun = { spin_wheel: "spin", shake_tree: "shake", scratch_card: "card", advent_calendar: "door" }[gameType];
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

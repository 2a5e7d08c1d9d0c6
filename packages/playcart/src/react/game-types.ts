// The contract between the launcher (which talks to the server) and a game (which only
// animates what the server decided).
import type { GameOffer, PlayOutcome, PlayRequest } from "../client.ts";

export type PlayResult = Extract<PlayOutcome, { status: "ok" }>;

/** Asks the server for a play: a server action, or a POST to the play endpoint (see play-route.ts). */
export type PlayFn = (req: PlayRequest) => Promise<PlayOutcome>;

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

/** The odds page of an offer when the host names none. */
export const defaultOddsHref = (slug: string) => `/odds/${slug}`;

/** A campaign's public page of draw commitments and revealed seeds (the host mounts it). */
export const defaultDrawsHref = (slug: string) => `/fair/${slug}`;

/** The verification page for a play's receipt (the host mounts it at /fair/verify). */
export const defaultVerifyHref = (receiptText: string) => `/fair/verify?r=${encodeURIComponent(receiptText)}`;

/** A hash cut to its first and last characters: enough to compare by eye. */
export const shortHash = (hex: string) => `${hex.slice(0, 10)}…${hex.slice(-6)}`;

// A fresh nonce per press: the server refuses a replayed request. getRandomValues also
// works on plain-http origins, where randomUUID does not exist.
export const nonce = () =>
  crypto.randomUUID?.() ??
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");

// What the browser is told about a play: enough to animate and announce it, nothing to trust.
export type PlayOutcome =
  | {
      status: "ok";
      won: boolean;
      segment: number;
      label: string;
      reward: {
        label: string;
        scope: "this_order" | "next_order";
        expiresAt: string;
        /** The store's IANA time zone, in which the expiry's date is told (default: the browser's). */
        timeZone?: string;
        /** A this-order prize: what it takes off the cart now (minor units of `currency`), as the order will be priced; null when it does not apply. */
        savingMinor?: number | null;
        currency?: string;
      } | null;
      playsLeft: number;
    }
  | { status: "error"; code: string; message: string };

/** `token`: the offer's token, as the server gave it with the game (a play without one is refused). */
export type PlayRequest = { campaignId: string; requestId: string; token?: string };

/** The offer as the game components receive it. */
export type GameOffer = {
  campaignId: string;
  slug: string;
  name: string;
  gameType: "spin_wheel" | "shake_tree" | "scratch_card" | "advent_calendar";
  rewardScope: "this_order" | "next_order";
  segments: string[];
  playsLeft: number;
  /** The server's proof that it offered this game to this shopper; sent back with each play. */
  token?: string;
  /** Its official rules, linked before play, with the significant conditions in one line and the market's prize wording. */
  rules?: OfferRules;
};

export type OfferRules = {
  href: string;
  /** e.g. "18+, the United Kingdom · ends 24 December 2026 · valid 7 days · free entry available, no purchase needed". */
  conditions: string;
  wording: "win" | "gift";
};

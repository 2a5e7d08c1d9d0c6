// What the browser is told about a play: enough to animate and announce it, nothing to trust.
export type PlayOutcome =
  | {
      status: "ok";
      won: boolean;
      segment: number;
      label: string;
      reward: {
        /** The reward issued (absent from the admin's preview, which issues none): a checkout's form sends it as shown once the result has named its saving (REWARD_SHOWN_EVENT). */
        id?: string;
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
      /** The draw's receipt: `text` is what the verification page reads (?r=<text>). */
      receipt?: PlayReceipt | null;
    }
  | { status: "error"; code: string; message: string };

/** What the shopper keeps of a play to verify its draw once the period's seed is revealed. */
export type PlayReceipt = {
  /** The whole receipt, encoded (base64url JSON). */
  text: string;
  /** The host's verification page for this receipt (config pages.verify, default /fair/verify). */
  verifyHref?: string;
  playId: string;
  period: string;
  commitment: string;
  /** When the seed is revealed (ISO): the play can be verified from then. */
  revealsAt: string;
  attempt: number;
};

/** The seed commitment a game shows before play. */
export type GameCommitment = { period: string; commitment: string; revealsAt: string };

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
  /** The hash of the seed today's plays are drawn from, published before any play. */
  commitment?: GameCommitment;
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

// The rewards panel's data, as the server sends it to the browser: words and numbers only,
// already formatted in the store's currency and time zone, so the panel's script stays small.

export type PanelReward = {
  id: string;
  label: string;
  /** "10% off (up to $20.00)". */
  value: string;
  /** "This order", "Your next order, coffee only". */
  where: string;
  /** "Expires Jun 3, 2026" in the store's time zone. */
  expires: string;
  expiresAt: string;
  /** "reserved": on an order being paid. */
  status: "issued" | "reserved";
  /** The game it was won in, "Bought with points", or null. */
  source: string | null;
  /** A game prize: the official rules it was played under (<rules page>/<slug>?v=N). */
  rulesHref?: string | null;
};

export type RewardsPanelData = {
  /** Signed in (a member) or a guest (this browser only). */
  member: boolean;
  /** Points Playcart knows for this shopper; null for a guest it does not know yet. */
  points: {
    /** Available: what the shopper can spend now. */
    balance: number;
    /** Pending until the order's return window closes; not spendable yet. */
    pending: number;
    /** On hold while a payment dispute is open. */
    held: number;
    /** What the available points are worth, each lot at its own rate: "$1.20". */
    worth: string;
    /** "50 points ($0.50) pending until 3 Jan", soonest first. */
    pendingLines: string[];
    /** "120 points ($1.20) expire on 3 Jan", soonest first. */
    expiryLines: string[];
  } | null;
  rewards: PanelReward[];
  /** "1 point for every $1.00 you spend", "Big basket bonus: 25 points". */
  waysToEarn: string[];
  /** "60 points to $5 off", or "You have enough for $5 off"; null without a catalog. */
  nextReward: { text: string; pointsNeeded: number; name: string } | null;
  enoughFor: string | null;
  /** A member's referral link; null for guests. */
  referral: {
    url: string;
    shareText: string /** Where sharing it is reported (POST <basePath>/shared). */;
    reportTo?: string;
  } | null;
  tier: { label: string; next: string | null; percent: number; text: string } | null;
  /** The notice of financial incentive shown beside "join" to a guest; null for a member. */
  notice?: { text: string; href: string; linkText: string } | null;
};

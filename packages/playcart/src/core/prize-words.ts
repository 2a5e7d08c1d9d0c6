// A market's words for what a game gives, free of zod so that the games' result panel (a
// client component) carries nothing more.

// "win": "You won 10% off". "gift": "Your gift: 10% off" (UK CAP 8.19: a gift that every
// player gets must not be called a win).
export const MARKET_WORDINGS = ["win", "gift"] as const;
export type MarketWording = (typeof MARKET_WORDINGS)[number];

/** The words a result, an email and the rules page use for a prize, by market. */
export function prizeWords(wording: MarketWording) {
  return wording === "gift"
    ? {
        prize: "gift",
        prizes: "gifts",
        Prizes: "Gifts",
        won: (label: string) => `Your gift: ${label}`,
        noPrize: "No gift this time",
        chanceHeading: "Gifts and chances",
      }
    : {
        prize: "prize",
        prizes: "prizes",
        Prizes: "Prizes",
        won: (label: string) => `You won ${label}`,
        noPrize: "No prize this time",
        chanceHeading: "Prizes and chances",
      };
}
export type PrizeWords = ReturnType<typeof prizeWords>;

// The store's terms for its games, set once by the owner: who the sponsor is (legal name and
// address), who may play (minimum age, territories), and how prizes are worded in its market.
// Pure (zod only): the rules generator and the browser's words read it.
import { z } from "zod";

// "win": "You won 10% off". "gift": "Your gift: 10% off" (UK CAP 8.19: a gift that every
// player gets must not be called a win).
export const MARKET_WORDINGS = ["win", "gift"] as const;
export type MarketWording = (typeof MARKET_WORDINGS)[number];

export const storeTermsSchema = z.object({
  sponsorName: z.string().trim().max(120, "Keep the legal name under 120 characters").default(""),
  sponsorAddress: z.string().trim().max(300, "Keep the address under 300 characters").default(""),
  // Null: no age limit stated.
  minAge: z.number().int().min(13, "At least 13").max(25, "At most 25").nullable().default(18),
  territories: z.string().trim().max(200, "Keep the territories under 200 characters").default(""),
  wording: z.enum(MARKET_WORDINGS).default("win"),
});
export type StoreTerms = z.infer<typeof storeTermsSchema>;

export const DEFAULT_STORE_TERMS: StoreTerms = {
  sponsorName: "",
  sponsorAddress: "",
  minAge: 18,
  territories: "",
  wording: "win",
};

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

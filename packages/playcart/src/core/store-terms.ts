// The store's terms for its games, set once by the owner: who the sponsor is (legal name and
// address), who may play (minimum age, territories), and how prizes are worded in its market.
// Pure (zod only): the rules generator and the browser's words read it.
import { z } from "zod";
import { MARKET_WORDINGS } from "./prize-words.ts";

export * from "./prize-words.ts";

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

// A reward in a shopper's words: what it gives and where it applies. Pure, so the panel, the
// account and the checkout say the same thing.
import type { Reward } from "../core/schema.ts";

export type RewardTerms = Pick<
  Reward,
  "rewardType" | "rewardValue" | "productRef" | "maxDiscountMinor" | "categoryRef" | "scope"
>;

/** "10% off (up to $20.00)", "$5.00 off", "A free croissant", "Free delivery", "25 bonus points". */
export function rewardValueWords(r: RewardTerms, money: (minor: number) => string): string {
  switch (r.rewardType) {
    case "percent_off":
      return `${r.rewardValue}% off${r.maxDiscountMinor !== null ? ` (up to ${money(r.maxDiscountMinor)})` : ""}`;
    case "amount_off":
      return `${money(r.rewardValue)} off`;
    case "free_product":
      return `A free ${(r.productRef ?? "product").replace(/-/g, " ")}`;
    case "free_shipping":
      return "Free delivery";
    case "bonus_points":
      return `${r.rewardValue} bonus points`;
    default:
      return "";
  }
}

/** "This order" or "Your next order", and "coffee only" when it is limited to a category. */
export function rewardWhereWords(r: Pick<RewardTerms, "scope" | "categoryRef">): string {
  const order = r.scope === "this_order" ? "This order" : "Your next order";
  return r.categoryRef ? `${order}, ${r.categoryRef.replace(/-/g, " ")} only` : order;
}

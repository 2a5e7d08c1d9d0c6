// What a this-order prize just won takes off the shopper's cart, worked out as priceOrder
// (and the checkout's totals) price that reward: the game's result can then name the saving in
// money. No query: the play has just checked that the prize is this shopper's and that its
// campaign offers it to them, which is all rewardForOrder would look up again.
import type { PlayResult } from "../games/index.ts";
import { rewardEffect } from "../rewards/index.ts";
import type { Cart } from "./config.ts";
import { rewardLines } from "./shopper.ts";

export function thisOrderSaving(reward: NonNullable<PlayResult["reward"]>, cart: Cart): number | null {
  const effect = rewardEffect(reward.terms, rewardLines(cart.lines), cart.shippingMinor);
  const saving = effect.discountMinor + effect.shippingWaivedMinor;
  // A prize that does nothing for this cart as it stands (the checkout then says so): no amount to name.
  return saving > 0 ? saving : null;
}

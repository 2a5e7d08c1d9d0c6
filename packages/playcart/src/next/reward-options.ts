// The rewards the checkout offers to choose from, decided exactly as priceOrder decides: the
// shopper's own rewards that do something for this cart, with what each one saves, the best first.
import type { PlayShopper } from "../games/index.ts";
import { applicableRewards, rewardWhereWords } from "../rewards/index.ts";
import type { Cart } from "./config.ts";
import type { Runtime } from "./runtime.ts";
import { cartSummary, rewardLines } from "./shopper.ts";

export type RewardPreview = {
  id: string;
  label: string;
  discountMinor: number;
  shippingWaivedMinor: number;
  bonusPoints: number;
  scope: string;
  /** "This order", "Your next order, coffee only": where it applies, in the shopper's words. */
  where: string;
  expiresAt: string;
};

export async function rewardPreviews(
  rt: Runtime,
  shopper: PlayShopper,
  cart: Cart,
  now: Date,
): Promise<RewardPreview[]> {
  const options = await applicableRewards(await rt.cfg.db(), {
    shopper,
    cartRef: cart.ref,
    lines: rewardLines(cart.lines),
    cart: cartSummary(cart.lines),
    shippingMinor: cart.shippingMinor,
    now,
    timeZone: rt.cfg.timeZone,
  });
  return options.map((o) => ({
    id: o.reward.id,
    label: o.reward.label,
    discountMinor: o.discountMinor,
    shippingWaivedMinor: o.shippingWaivedMinor,
    bonusPoints: o.bonusPoints,
    scope: o.reward.scope,
    where: rewardWhereWords(o.reward),
    expiresAt: o.reward.expiresAt.toISOString(),
  }));
}

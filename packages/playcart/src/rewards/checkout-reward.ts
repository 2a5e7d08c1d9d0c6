// Which reward an order uses: the one the shopper picked (if it is really theirs and does
// something for this order) or the one worth most. A this-order prize is checked again against who is really ordering,
// so a first-order prize won before the email was known cannot go to a returning customer.
import { inArray } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import { EngageError } from "../core/errors.ts";
import { campaigns, type Reward } from "../core/schema.ts";
import { evaluateCondition } from "../engine/index.ts";
import type { PlayShopper } from "../games/index.ts";
import { type CartSummary, playContext } from "../games/index.ts";
import { customerProfile } from "../loyalty/index.ts";
import {
  type ChosenReward,
  hasEffect,
  type RewardLine,
  rewardEffect,
  rewardOwnerOf,
  usableRewards,
} from "./rewards.ts";

export type OrderReward = ChosenReward;

export type OrderRewardInput = {
  shopper: PlayShopper;
  cartRef: string | null;
  lines: RewardLine[];
  cart: CartSummary;
  /** The delivery fee the store charges this order before rewards (a free-shipping reward waives it). */
  shippingMinor?: number;
  requestedRewardId?: string | null;
  now: Date;
  timeZone: string;
};

/**
 * Every reward of this shopper that does something for this order, worth most first (money
 * off, then the one expiring first; bonus points last): the checkout's list to choose from.
 */
export async function applicableRewards(db: EngageDb, input: OrderRewardInput): Promise<OrderReward[]> {
  const owner = rewardOwnerOf(input.shopper);
  const usable = await usableRewards(db, { ...owner, cartRef: input.cartRef, now: input.now });
  const eligible = await stillEligible(db, usable, input);
  const worth = (c: OrderReward) => c.discountMinor + c.shippingWaivedMinor;
  return eligible
    .map((reward) => ({ reward, ...rewardEffect(reward, input.lines, input.shippingMinor ?? 0) }))
    .filter(hasEffect)
    .sort((a, b) => worth(b) - worth(a)); // stable: equal worth keeps the soonest expiry first
}

/**
 * The reward an order uses: the one the shopper chose, only if it is among their applicable
 * ones (anything else is refused, so a forged or stale id changes nothing), else the best.
 */
export async function rewardForOrder(db: EngageDb, input: OrderRewardInput): Promise<OrderReward | null> {
  const options = await applicableRewards(db, input);
  if (input.requestedRewardId) {
    const chosen = options.find((o) => o.reward.id === input.requestedRewardId);
    if (!chosen) throw new EngageError("invalid:input", "That reward is not available to you for this order.");
    return chosen;
  }
  return options[0] ?? null;
}

async function stillEligible(db: EngageDb, usable: Reward[], input: OrderRewardInput): Promise<Reward[]> {
  const thisOrder = usable.filter((r) => r.scope === "this_order" && r.campaignId);
  if (thisOrder.length === 0) return usable;
  const rows = await db
    .select({ id: campaigns.id, audience: campaigns.audience })
    .from(campaigns)
    .where(
      inArray(
        campaigns.id,
        thisOrder.map((r) => r.campaignId!),
      ),
    );
  const audience = new Map(rows.map((c) => [c.id, c.audience]));
  const profile = await customerProfile(db, {
    email: input.shopper.email,
    userRef: input.shopper.userRef,
    now: input.now,
  });
  const context = playContext(profile, Boolean(input.shopper.signedIn), input.cart, input.now, input.timeZone);
  return usable.filter(
    (r) => r.scope !== "this_order" || !r.campaignId || evaluateCondition(audience.get(r.campaignId) ?? true, context),
  );
}

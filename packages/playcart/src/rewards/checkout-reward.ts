// Which reward an order uses: the one the shopper picked (if it is really theirs and usable)
// or the one worth most. A this-order prize is checked again against who is really ordering,
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
  bestReward,
  type ChosenReward,
  type RewardLine,
  rewardEffect,
  rewardOwnerOf,
  usableRewards,
} from "./rewards.ts";

export type OrderReward = ChosenReward;

export async function rewardForOrder(
  db: EngageDb,
  input: {
    shopper: PlayShopper;
    cartRef: string | null;
    lines: RewardLine[];
    cart: CartSummary;
    /** The delivery fee the store charges this order before rewards (a free-shipping reward waives it). */
    shippingMinor?: number;
    requestedRewardId?: string | null;
    now: Date;
    timeZone: string;
  },
): Promise<OrderReward | null> {
  const owner = rewardOwnerOf(input.shopper);
  const usable = await usableRewards(db, { ...owner, cartRef: input.cartRef, now: input.now });
  const eligible = await stillEligible(db, usable, input);
  if (input.requestedRewardId) {
    const reward = eligible.find((r) => r.id === input.requestedRewardId);
    if (!reward) throw new EngageError("invalid:input", "That reward is not available to you.");
    return { reward, ...rewardEffect(reward, input.lines, input.shippingMinor ?? 0) };
  }
  return bestReward(eligible, input.lines, input.shippingMinor ?? 0);
}

async function stillEligible(
  db: EngageDb,
  usable: Reward[],
  input: Parameters<typeof rewardForOrder>[1],
): Promise<Reward[]> {
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

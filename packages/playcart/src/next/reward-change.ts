// A reward shown at checkout is a promise. When the order is placed, priceOrder compares the
// reward the shopper was shown (the checkout form's SHOWN_REWARD_FIELD) with the one the server
// decides now; if they differ (the email is a returning customer's, the cart changed, the
// reward expired or was used elsewhere), nothing is placed and the shopper is told why, in
// words, with the total they would pay: never a silent price change.
import { eq } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import { EngageError } from "../core/errors.ts";
import { campaigns, type Reward, rewards } from "../core/schema.ts";
import { evaluateCondition } from "../engine/index.ts";
import { type CartSummary, type PlayShopper, playContext } from "../games/index.ts";
import { customerProfile } from "../loyalty/index.ts";
import { SHOWN_REWARD_FIELD } from "../react/index.ts";
import { hasEffect, type RewardLine, rewardEffect } from "../rewards/index.ts";
import { FIRST_ORDER } from "./email-first.ts";

export { SHOWN_REWARD_FIELD };

export type RewardChange = {
  /** The reward the shopper was shown (null: none) and the one this order would get now (null: none). */
  shown: { id: string; label: string } | null;
  applied: { id: string; label: string } | null;
  /** Why the shown reward does not apply, in words (null when none was shown). */
  reason: string | null;
  /** The order's total without further changes: its lines and delivery, less the reward that applies now. */
  totalMinor: number;
  /** All of it in one sentence or two, for the shopper. */
  message: string;
};

/** Thrown by priceOrder (inside the order's transaction, so nothing is placed) when the reward differs from the one shown. */
export class RewardChangedError extends EngageError {
  constructor(readonly change: RewardChange) {
    super("reward:changed", change.message);
    this.name = "RewardChangedError";
  }
}

/**
 * The reward the checkout showed: the host's own value, else the form's field. Undefined when
 * the host says nothing (no check: the order gets whatever applies).
 */
export function shownRewardOf(input: { shownRewardId?: string | null; form?: FormData }): string | null | undefined {
  if (input.shownRewardId !== undefined) return input.shownRewardId || null;
  const field = input.form?.get(SHOWN_REWARD_FIELD);
  if (typeof field !== "string") return undefined;
  return field.trim() || null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ChangeInput = {
  shownId: string | null;
  applied: { reward: Reward; discountMinor: number; shippingWaivedMinor: number } | null;
  shopper: PlayShopper & { email: string };
  lines: RewardLine[];
  cart: CartSummary;
  shippingMinor: number;
  currency: string;
  now: Date;
  timeZone: string;
};

export async function rewardChange(db: EngageDb, input: ChangeInput): Promise<RewardChange> {
  const subtotal = input.lines.reduce((s, l) => s + l.unitPriceMinor * l.quantity, 0);
  const off = (input.applied?.discountMinor ?? 0) + (input.applied?.shippingWaivedMinor ?? 0);
  const totalMinor = Math.max(0, subtotal + input.shippingMinor - off);
  const total = `Your total is ${money(totalMinor, input.currency)}.`;
  const applied = input.applied && { id: input.applied.reward.id, label: input.applied.reward.label };
  // Only a well-formed id is looked up: a failed query would abort the order's transaction.
  const [shownRow] =
    input.shownId && UUID.test(input.shownId)
      ? await db.select().from(rewards).where(eq(rewards.id, input.shownId))
      : [];
  if (!input.shownId || !shownRow) {
    const message = applied
      ? `${input.shownId ? "The reward you were shown is no longer available, but " : ""}“${applied.label}” applies to this order. ${total}`
      : `The reward you were shown is no longer available. ${total}`;
    return {
      shown: null,
      applied,
      reason: input.shownId ? "it is no longer available" : null,
      totalMinor,
      message,
    };
  }
  const reason = await whyNotApplied(db, shownRow, input);
  const instead = applied ? ` “${applied.label}” applies instead.` : "";
  return {
    shown: { id: shownRow.id, label: shownRow.label },
    applied,
    reason,
    totalMinor,
    message: `Your “${shownRow.label}” does not apply to this order: ${reason}.${instead} ${total}`,
  };
}

async function whyNotApplied(db: EngageDb, reward: Reward, input: ChangeInput): Promise<string> {
  if (reward.status === "redeemed") return "it has been used on another order";
  if (reward.status === "reserved") return "it is held by another order";
  if (reward.status !== "issued") return "it is no longer available";
  if (reward.expiresAt <= input.now) return "it has expired";
  if (reward.scope === "this_order" && reward.campaignId) {
    const [campaign] = await db
      .select({ audience: campaigns.audience, placement: campaigns.placement })
      .from(campaigns)
      .where(eq(campaigns.id, reward.campaignId));
    const profile = await customerProfile(db, {
      email: input.shopper.email,
      userRef: input.shopper.userRef,
      now: input.now,
    });
    const context = playContext(profile, Boolean(input.shopper.signedIn), input.cart, input.now, input.timeZone);
    if (campaign && !evaluateCondition(campaign.audience, context))
      return campaign.placement === FIRST_ORDER && !profile.firstPurchase
        ? `${input.shopper.email} has ordered here before`
        : `it is not offered to ${input.shopper.email}`;
  }
  if (!hasEffect(rewardEffect(reward, input.lines, input.shippingMinor)))
    return "it does not apply to what is in your cart now";
  if (input.applied) return `“${input.applied.reward.label}” takes more off`;
  return "it is not available to this browser";
}

const money = (minor: number, currency: string) =>
  new Intl.NumberFormat("en", { style: "currency", currency: currency.toUpperCase() }).format(minor / 100);

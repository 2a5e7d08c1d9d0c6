// Rewards won in games: what they take off a cart, who may use them, and their life cycle
// (issued -> reserved by an order -> redeemed when it is paid, or back to issued if it is not).
// Each transition is one conditional UPDATE, so a reward is redeemed exactly once.
import { and, asc, eq, gt, inArray, or, type SQL, sql } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import { identityKeys, type Shopper } from "../core/identity.ts";
import { type Reward, rewards } from "../core/schema.ts";
import { recordEvent } from "../engine/index.ts";

export type RewardLine = { productRef: string; unitPriceMinor: number; quantity: number; category?: string | null };

/**
 * What a reward takes off these lines, in minor units; never more than their total. A reward
 * scoped to a category counts only that category's lines.
 */
export function discountFor(
  reward: Pick<Reward, "rewardType" | "rewardValue" | "productRef" | "maxDiscountMinor"> & {
    categoryRef?: string | null;
  },
  allLines: RewardLine[],
): number {
  const lines = reward.categoryRef ? allLines.filter((l) => l.category === reward.categoryRef) : allLines;
  const subtotal = lines.reduce((s, l) => s + l.unitPriceMinor * l.quantity, 0);
  let discount = 0;
  switch (reward.rewardType) {
    case "percent_off":
      discount = Math.floor((subtotal * Math.min(100, reward.rewardValue)) / 100);
      if (reward.maxDiscountMinor !== null) discount = Math.min(discount, reward.maxDiscountMinor);
      break;
    case "amount_off":
      discount = reward.rewardValue;
      break;
    case "free_product":
      discount = lines.find((l) => l.productRef === reward.productRef)?.unitPriceMinor ?? 0;
      break;
    default:
      discount = 0;
  }
  return Math.max(0, Math.min(discount, subtotal));
}

export type RewardOwner = { sessionRef?: string | null; identityKeys: string[] };

/**
 * Who may use a reward: the browser session that won it, the account, or an email proven by
 * signing in. An email merely typed at checkout counts towards play limits but never
 * unlocks anyone's rewards.
 */
export function rewardOwnerOf(shopper: Shopper & { sessionRef?: string | null; signedIn?: boolean }): RewardOwner {
  return {
    sessionRef: shopper.sessionRef ?? null,
    identityKeys: identityKeys({
      userRef: shopper.userRef,
      deviceId: shopper.deviceId,
      email: shopper.signedIn ? shopper.email : null,
    }),
  };
}

/** A reward belongs to the session that won it and to the email, account or device it knows. */
export function ownedBy(owner: RewardOwner): SQL {
  const conditions: SQL[] = [];
  if (owner.sessionRef) conditions.push(eq(rewards.sessionRef, owner.sessionRef));
  if (owner.identityKeys.length > 0) {
    conditions.push(
      sql`${rewards.identityKeys} ?| array[${sql.join(
        owner.identityKeys.map((k) => sql`${k}`),
        sql`, `,
      )}]::text[]`,
    );
  }
  return conditions.length > 0 ? or(...conditions)! : sql`false`;
}

/** The shopper's rewards that this cart may use now. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a reward, in any state, belongs to this shopper: a checkout choice of one of their
 * own that no longer applies is explained; anyone else's (or a made-up id) is simply refused.
 */
export async function isOwnReward(
  db: EngageDb,
  rewardId: string,
  shopper: Shopper & { sessionRef?: string | null; signedIn?: boolean },
): Promise<boolean> {
  // Only a well-formed id is looked up: a failed query would abort the order's transaction.
  if (!UUID.test(rewardId)) return false;
  const [row] = await db
    .select({ id: rewards.id })
    .from(rewards)
    .where(and(eq(rewards.id, rewardId), ownedBy(rewardOwnerOf(shopper))))
    .limit(1);
  return Boolean(row);
}

export async function usableRewards(
  db: EngageDb,
  owner: RewardOwner & { cartRef?: string | null; now: Date },
): Promise<Reward[]> {
  const candidates = await db
    .select()
    .from(rewards)
    .where(
      and(
        eq(rewards.status, "issued"),
        gt(rewards.expiresAt, owner.now),
        ownedBy(owner),
        inArray(rewards.scope, ["this_order", "next_order"]),
      ),
    )
    .orderBy(asc(rewards.expiresAt));
  return candidates.filter((r) =>
    // A this-order prize is for the session that won it; a next-order prize not for the cart it was won on.
    r.scope === "this_order"
      ? r.sessionRef !== null && r.sessionRef === owner.sessionRef
      : !owner.cartRef || r.earnedOnCartRef !== owner.cartRef,
  );
}

/**
 * What a reward does to an order: money off the lines, the delivery fee waived, or bonus
 * points credited once the order is paid. Only the server computes this.
 */
export type RewardEffect = { discountMinor: number; shippingWaivedMinor: number; bonusPoints: number };

export function rewardEffect(
  reward: Pick<Reward, "rewardType" | "rewardValue" | "productRef" | "maxDiscountMinor">,
  lines: RewardLine[],
  shippingMinor = 0,
): RewardEffect {
  return {
    discountMinor: discountFor(reward, lines),
    shippingWaivedMinor: reward.rewardType === "free_shipping" ? Math.max(0, shippingMinor) : 0,
    bonusPoints: reward.rewardType === "bonus_points" ? Math.max(0, reward.rewardValue) : 0,
  };
}

export type ChosenReward = { reward: Reward } & RewardEffect;

/** Does the reward do anything for this order? */
export const hasEffect = (e: RewardEffect) => e.discountMinor > 0 || e.shippingWaivedMinor > 0 || e.bonusPoints > 0;

/**
 * The usable reward worth most on these lines, in money off (discount or delivery); a
 * bonus-points reward only when none takes money off. Ties: the one expiring first.
 */
export function bestReward(candidates: Reward[], lines: RewardLine[], shippingMinor = 0): ChosenReward | null {
  let best: ChosenReward | null = null;
  const worth = (c: RewardEffect) => c.discountMinor + c.shippingWaivedMinor;
  for (const reward of candidates) {
    const effect = rewardEffect(reward, lines, shippingMinor);
    if (!hasEffect(effect)) continue;
    if (!best || worth(effect) > worth(best)) best = { reward, ...effect };
  }
  return best;
}

/**
 * Reserves a reward for an order; false if it is not this owner's or no longer available.
 * Scope rules live in usableRewards: callers reserve only ids it returned.
 */
export async function reserveReward(
  db: EngageDb,
  input: { rewardId: string; orderRef: string; owner: RewardOwner; now: Date },
): Promise<boolean> {
  const rows = await db
    .update(rewards)
    .set({ status: "reserved", orderRef: input.orderRef })
    .where(
      and(
        eq(rewards.id, input.rewardId),
        or(eq(rewards.status, "issued"), and(eq(rewards.status, "reserved"), eq(rewards.orderRef, input.orderRef))),
        gt(rewards.expiresAt, input.now),
        ownedBy(input.owner),
      ),
    )
    .returning({ id: rewards.id });
  return rows.length === 1;
}

/** The order was not paid (or changed): its reward can be used again. */
export async function releaseOrderRewards(db: EngageDb, orderRef: string): Promise<number> {
  const rows = await db
    .update(rewards)
    .set({ status: "issued", orderRef: null })
    .where(and(eq(rewards.orderRef, orderRef), eq(rewards.status, "reserved")))
    .returning({ id: rewards.id });
  return rows.length;
}

/** The order was paid: its reserved reward is spent. Returns how many were redeemed. */
export async function redeemOrderRewards(db: EngageDb, orderRef: string, now: Date): Promise<number> {
  const rows = await db
    .update(rewards)
    .set({ status: "redeemed", redeemedAt: now })
    .where(and(eq(rewards.orderRef, orderRef), eq(rewards.status, "reserved")))
    .returning({
      id: rewards.id,
      customerId: rewards.customerId,
      sessionRef: rewards.sessionRef,
      campaignId: rewards.campaignId,
    });
  for (const r of rows) {
    await recordEvent(db, {
      type: "reward.redeemed",
      key: r.id,
      customerId: r.customerId,
      sessionRef: r.sessionRef,
      orderRef,
      campaignId: r.campaignId,
      occurredAt: now,
    });
  }
  return rows.length;
}

export async function getReward(db: EngageDb, rewardId: string): Promise<Reward | undefined> {
  const [row] = await db.select().from(rewards).where(eq(rewards.id, rewardId));
  return row;
}

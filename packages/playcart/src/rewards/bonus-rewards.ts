// Bonus-points rewards pay out when the order they were used on is paid. The rules engine's
// sweep credits them as it processes the order's payment (and the call is safe again, from
// anywhere, any number of times): each reward's credit has its own ledger source key, so it
// lands exactly once.
import { and, eq } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import { orderRewards, rewards } from "../core/schema.ts";
import type { EngageSettings } from "../core/settings.ts";
import { lotTermsFor, postEntry } from "../ledger/index.ts";

/** The ledger source key of a bonus-points reward's credit (a refund's clawback extends it). */
export const bonusRewardKey = (rewardId: string) => `reward-bonus:${rewardId}`;

export type CreditBonusOptions = {
  /**
   * Who paid: the customer of the order's playcart_order_rewards row, which the caller has read
   * and holds locked in the transaction `db` is (the sweep does). The order is then not read
   * again and no transaction of its own is opened. Absent: the order is read, and no row means
   * not paid (yet).
   */
  paidBy?: string;
  /** The store's settings, when the caller has read them: the credits' lot terms come from them. */
  settings?: EngageSettings;
};

/** Credits the bonus points of the order's redeemed rewards; returns the points credited now. */
export async function creditBonusRewards(
  db: EngageDb,
  orderRef: string,
  opts: CreditBonusOptions = {},
): Promise<number> {
  if (opts.paidBy) return creditRedeemed(db, orderRef, opts.paidBy, opts.settings);
  return db.transaction(async (tx) => {
    // The paid order as Playcart recorded it: whose points these are. No row = not paid (yet).
    const [paid] = await tx
      .select({ customerId: orderRewards.customerId })
      .from(orderRewards)
      .where(eq(orderRewards.orderRef, orderRef));
    return paid ? creditRedeemed(tx, orderRef, paid.customerId, opts.settings) : 0;
  });
}

async function creditRedeemed(
  tx: EngageDb,
  orderRef: string,
  customerId: string,
  settings: EngageSettings | undefined,
): Promise<number> {
  const due = await tx
    .select({ id: rewards.id, label: rewards.label, points: rewards.rewardValue })
    .from(rewards)
    .where(and(eq(rewards.orderRef, orderRef), eq(rewards.status, "redeemed"), eq(rewards.rewardType, "bonus_points")));
  let credited = 0;
  for (const r of due) {
    if (r.points <= 0) continue;
    const at = new Date();
    const entry = await postEntry(tx, {
      customerId,
      delta: r.points,
      kind: "bonus",
      reason: `Bonus points: ${r.label}`,
      sourceKey: bonusRewardKey(r.id),
      orderRef,
      at,
      ...(settings && { lot: lotTermsFor(settings, at) }),
    });
    if (entry) credited += r.points;
  }
  return credited;
}

// Bonus-points rewards pay out when the order they were used on is paid. Called after the
// payment webhook has answered (and safe to call again, from anywhere, any number of times):
// each reward's credit has its own ledger source key, so it lands exactly once.
import { and, eq } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import { type OrderReward, orderRewards, rewards } from "../core/schema.ts";
import type { EngageSettings } from "../core/settings.ts";
import { postEntry } from "../ledger/index.ts";

/** The ledger source key of a bonus-points reward's credit (a refund's clawback extends it). */
export const bonusRewardKey = (rewardId: string) => `reward-bonus:${rewardId}`;

/** Credits the bonus points of the order's redeemed rewards; returns the points credited now. */
export async function creditBonusRewards(db: EngageDb, orderRef: string): Promise<number> {
  return db.transaction(async (tx) => {
    // The paid order as Playcart recorded it: whose points these are. No row = not paid (yet).
    const [paid] = await tx
      .select({ customerId: orderRewards.customerId })
      .from(orderRewards)
      .where(eq(orderRewards.orderRef, orderRef));
    return paid ? creditPaidOrderBonuses(tx, { orderRef, customerId: paid.customerId }) : 0;
  });
}

/**
 * The same credits for a paid order the caller has read and holds in its transaction (the
 * rules engine's sweep, with the order locked): no read of the order, no savepoint of its own.
 */
export async function creditPaidOrderBonuses(
  tx: EngageDb,
  paid: Pick<OrderReward, "orderRef" | "customerId">,
  settings?: EngageSettings,
): Promise<number> {
  const due = await tx
    .select({ id: rewards.id, label: rewards.label, points: rewards.rewardValue })
    .from(rewards)
    .where(
      and(eq(rewards.orderRef, paid.orderRef), eq(rewards.status, "redeemed"), eq(rewards.rewardType, "bonus_points")),
    );
  let credited = 0;
  for (const r of due) {
    if (r.points <= 0) continue;
    const entry = await postEntry(tx, {
      customerId: paid.customerId,
      delta: r.points,
      kind: "bonus",
      reason: `Bonus points: ${r.label}`,
      sourceKey: bonusRewardKey(r.id),
      orderRef: paid.orderRef,
      settings,
    });
    if (entry) credited += r.points;
  }
  return credited;
}

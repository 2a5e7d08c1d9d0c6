// The reward an order used, named for its confirmation ("10% off", won with "Spin the wheel").
import { and, eq, inArray } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import { type Reward, rewards } from "../core/schema.ts";
import { campaignNames, sourceOf } from "./held-rewards.ts";

export type RewardUsed = Pick<Reward, "id" | "label" | "rewardType" | "rewardValue" | "status"> & {
  /** The game it was won in, "Bought with points", or null (a store rule). */
  source: string | null;
};

/** The reward reserved by, or redeemed on, this order; null when it used none. */
export async function rewardUsedOnOrder(db: EngageDb, orderRef: string): Promise<RewardUsed | null> {
  const [row] = await db
    .select({
      id: rewards.id,
      label: rewards.label,
      rewardType: rewards.rewardType,
      rewardValue: rewards.rewardValue,
      status: rewards.status,
      campaignId: rewards.campaignId,
      sourceKey: rewards.sourceKey,
    })
    .from(rewards)
    .where(and(eq(rewards.orderRef, orderRef), inArray(rewards.status, ["reserved", "redeemed"])))
    .limit(1);
  if (!row) return null;
  const { campaignId, sourceKey, ...used } = row;
  const names = await campaignNames(db, campaignId ? [campaignId] : []);
  return { ...used, source: sourceOf(sourceKey, campaignId, names) };
}

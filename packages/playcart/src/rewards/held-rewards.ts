// Every reward a shopper holds now: what the rewards panel and the account list. The same
// ownership as checkout (the session that won it, the account, a proven email, the device),
// so a shopper is never shown a reward their checkout would not take.
import { and, asc, gt, inArray } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import type { GameType } from "../core/enums.ts";
import { campaigns, type Reward, rewards } from "../core/schema.ts";
import { ownedBy, type RewardOwner } from "./rewards.ts";

export type HeldReward = Pick<
  Reward,
  | "id"
  | "label"
  | "rewardType"
  | "rewardValue"
  | "productRef"
  | "maxDiscountMinor"
  | "categoryRef"
  | "scope"
  | "status"
  | "expiresAt"
> & {
  /** Where it came from, in the shopper's words: a game's name, "Bought with points", or null (a store rule). */
  source: string | null;
};

/** Issued or reserved (by an order being paid), unexpired, ordered by expiry (soonest first). */
export async function heldRewards(db: EngageDb, owner: RewardOwner & { now: Date }): Promise<HeldReward[]> {
  const rows = await db
    .select({
      id: rewards.id,
      label: rewards.label,
      rewardType: rewards.rewardType,
      rewardValue: rewards.rewardValue,
      productRef: rewards.productRef,
      maxDiscountMinor: rewards.maxDiscountMinor,
      categoryRef: rewards.categoryRef,
      scope: rewards.scope,
      status: rewards.status,
      expiresAt: rewards.expiresAt,
      sessionRef: rewards.sessionRef,
      sourceKey: rewards.sourceKey,
      campaignId: rewards.campaignId,
    })
    .from(rewards)
    .where(
      and(
        inArray(rewards.status, ["issued", "reserved"]),
        gt(rewards.expiresAt, owner.now),
        ownedBy(owner),
        inArray(rewards.scope, ["this_order", "next_order"]),
      ),
    )
    .orderBy(asc(rewards.expiresAt))
    .limit(50);
  // A this-order prize is usable only in the browser session that won it (as at checkout).
  const held = rows.filter(
    (r) => r.scope !== "this_order" || (r.sessionRef !== null && r.sessionRef === owner.sessionRef),
  );
  const names = await campaignNames(
    db,
    held.flatMap((r) => (r.campaignId ? [r.campaignId] : [])),
  );
  return held.map(({ sessionRef: _s, sourceKey, campaignId, ...r }) => ({
    ...r,
    source: sourceOf(sourceKey, campaignId, names),
  }));
}

/** Where a reward came from, in the shopper's words: a game, "Bought with points", or null (a store rule). */
export function sourceOf(sourceKey: string | null, campaignId: string | null, names: Map<string, string>) {
  if (sourceKey?.startsWith("catalog:")) return "Bought with points";
  return campaignId ? (names.get(campaignId) ?? null) : null;
}

// The game, as a shopper remembers it ("Spin the wheel"), rather than the campaign's admin name.
const GAME_WORDS: Record<GameType, string> = {
  spin_wheel: "Spin the wheel",
  shake_tree: "Shake the tree",
  scratch_card: "Scratch card",
  advent_calendar: "Advent calendar",
};

/** Each campaign's game, in the shopper's words. */
export async function campaignNames(db: EngageDb, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: campaigns.id, gameType: campaigns.gameType })
    .from(campaigns)
    .where(inArray(campaigns.id, [...new Set(ids)]));
  return new Map(rows.map((c) => [c.id, GAME_WORDS[c.gameType]]));
}

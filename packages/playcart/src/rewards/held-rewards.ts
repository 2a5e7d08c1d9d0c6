// Every reward a shopper holds now: what the rewards panel and the account list. The same
// ownership as checkout (the session that won it, the account, a proven email, the device),
// so a shopper is never shown a reward their checkout would not take.
import { and, asc, gt, inArray } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import type { GameType } from "../core/enums.ts";
import { campaigns, type Reward, rewards } from "../core/schema.ts";
import { rulesVersionsOfPlays } from "../games/index.ts";
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
  /** A game prize: its campaign's slug and the version of the official rules it was played under. */
  rules: { slug: string; version: number } | null;
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
      playId: rewards.playId,
      createdAt: rewards.createdAt,
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
  const rules = await rulesOfPlays(db, held);
  return held.map(({ sessionRef: _s, sourceKey, campaignId, playId: _p, createdAt: _c, ...r }, i) => ({
    ...r,
    source: sourceOf(sourceKey, campaignId, names),
    rules: rules[i],
  }));
}

/** Each game prize's rules version: the one in force when it was won (the reward is stamped with its play's time). */
async function rulesOfPlays(
  db: EngageDb,
  held: { campaignId: string | null; playId: string | null; createdAt: Date }[],
): Promise<({ slug: string; version: number } | null)[]> {
  const won = held.flatMap((r) => (r.campaignId && r.playId ? [{ campaignId: r.campaignId, at: r.createdAt }] : []));
  if (won.length === 0) return held.map(() => null);
  const [slugs, versions] = await Promise.all([
    db
      .select({ id: campaigns.id, slug: campaigns.slug })
      .from(campaigns)
      .where(inArray(campaigns.id, [...new Set(won.map((w) => w.campaignId))])),
    rulesVersionsOfPlays(db, won),
  ]);
  const slugOf = new Map(slugs.map((c) => [c.id, c.slug]));
  let next = 0;
  return held.map((r) => {
    if (!r.campaignId || !r.playId) return null;
    const version = versions[next++];
    const slug = slugOf.get(r.campaignId);
    return slug ? { slug, version } : null;
  });
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

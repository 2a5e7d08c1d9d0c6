// The reward catalog: shoppers burn points on rewards for their next order (earn and burn).
// A purchase is one transaction: the reward is issued under the purchase's key, then the
// points leave through the ledger, whose balance row can never go below zero. A replayed
// purchase finds its reward and spends nothing; too few points write nothing at all.
import { and, asc, eq, sql } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import { EngageError } from "../core/errors.ts";
import { type CatalogItem, catalogItems, rewards } from "../core/schema.ts";
import { recordEvent } from "../engine/index.ts";
import { postEntry } from "../ledger/index.ts";
import type { RewardOwner } from "./rewards.ts";

export async function listCatalog(db: EngageDb): Promise<CatalogItem[]> {
  return db
    .select()
    .from(catalogItems)
    .where(eq(catalogItems.active, 1))
    .orderBy(asc(catalogItems.position), asc(catalogItems.pointsCost));
}

export type CatalogPurchase = {
  rewardId: string;
  label: string;
  pointsSpent: number;
  expiresAt: Date;
  replayed: boolean;
};

export async function buyCatalogItem(
  db: EngageDb,
  input: { customerId: string; itemId: string; requestId: string; owner: RewardOwner; now: Date },
): Promise<CatalogPurchase> {
  // The customer is part of the key: another shopper's request id can never match this one.
  const sourceKey = `catalog:${input.customerId}:${input.requestId}`;
  return db.transaction(async (tx) => {
    const [item] = await tx
      .select()
      .from(catalogItems)
      .where(and(eq(catalogItems.id, input.itemId), eq(catalogItems.active, 1)));
    if (!item) throw new EngageError("invalid:input", "That reward is not in the catalog.");
    const expiresAt = new Date(input.now.getTime() + item.validDays * 86_400_000);
    const [issued] = await tx
      .insert(rewards)
      .values({
        customerId: input.customerId,
        sessionRef: input.owner.sessionRef ?? null,
        identityKeys: input.owner.identityKeys,
        sourceKey,
        label: item.name,
        rewardType: item.rewardType,
        rewardValue: item.rewardValue,
        productRef: item.productRef,
        maxDiscountMinor: item.maxDiscountMinor,
        scope: "next_order",
        expiresAt,
      })
      .onConflictDoNothing({ target: rewards.sourceKey })
      .returning({ id: rewards.id });
    if (!issued) {
      const [earlier] = await tx.select().from(rewards).where(eq(rewards.sourceKey, sourceKey));
      return {
        rewardId: earlier.id,
        label: earlier.label,
        pointsSpent: 0,
        expiresAt: earlier.expiresAt,
        replayed: true,
      };
    }
    // Throws InsufficientPointsError (rolling the reward back) rather than overdraw.
    const entry = await postEntry(tx, {
      customerId: input.customerId,
      delta: -item.pointsCost,
      kind: "redeem",
      reason: `Redeemed for ${item.name}`,
      sourceKey,
    });
    if (!entry) throw new Error(`catalog purchase ${sourceKey}: ledger entry exists without its reward`);
    await recordEvent(tx, {
      type: "catalog.redeemed",
      key: sourceKey,
      customerId: input.customerId,
      valueMinor: null,
      payload: { itemId: item.id, rewardId: issued.id, points: item.pointsCost },
      occurredAt: input.now,
    });
    return { rewardId: issued.id, label: item.name, pointsSpent: item.pointsCost, expiresAt, replayed: false };
  });
}

/** The customer's catalog rewards not yet used, newest first, for the account page. */
export async function openCatalogRewards(db: EngageDb, customerId: string, now: Date) {
  return db
    .select({ id: rewards.id, label: rewards.label, status: rewards.status, expiresAt: rewards.expiresAt })
    .from(rewards)
    .where(
      and(
        eq(rewards.customerId, customerId),
        sql`${rewards.sourceKey} LIKE 'catalog:%'`,
        sql`${rewards.status} IN ('issued', 'reserved')`,
        sql`${rewards.expiresAt} > ${now.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(sql`${rewards.createdAt} DESC`)
    .limit(20);
}

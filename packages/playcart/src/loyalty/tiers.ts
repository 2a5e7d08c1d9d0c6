// Tiers by trailing spend: recomputed when a payment or refund is processed, each change
// kept in playcart_tier_history. A tier multiplies the points an order earns: the extra is
// a "tier bonus" entry of its own, taken back in proportion when the order is refunded.
import { and, desc, eq, gt, like, sql } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import { clawbackFor } from "../core/money.ts";
import { netPaidSql } from "../core/reversed-share.ts";
import { customerLoyalty, ledgerEntries, type OrderReward, orderRewards, tierHistory } from "../core/schema.ts";
import type { EngageSettings, Tier } from "../core/settings.ts";
import { lockBalance, lotTermsFor, postEntry } from "../ledger/index.ts";
import { tierFor } from "./profile.ts";

/** Where the trailing window ending at `now` starts: an order counts when paid after it. */
export const trailingWindowStart = (now: Date, windowDays: number) => new Date(now.getTime() - windowDays * 86_400_000);

/** Net spend paid in the window ending at `now` (strictly before it when `before` is set). */
export async function trailingSpend(
  db: EngageDb,
  customerId: string,
  now: Date,
  windowDays: number,
  opts: { excludeOrderRef?: string; before?: boolean } = {},
): Promise<number> {
  const since = trailingWindowStart(now, windowDays);
  const { excludeOrderRef } = opts;
  const [row] = await db
    .select({
      spend: sql<number>`coalesce(sum(${netPaidSql("playcart_order_rewards")}), 0)::int`,
    })
    .from(orderRewards)
    .where(
      and(
        eq(orderRewards.customerId, customerId),
        gt(orderRewards.paidAt, since),
        excludeOrderRef ? sql`${orderRewards.orderRef} <> ${excludeOrderRef}` : undefined,
        opts.before ? sql`${orderRewards.paidAt} < ${now.toISOString()}` : undefined,
      ),
    );
  return Number(row?.spend ?? 0);
}

/**
 * Recomputes the customer's tier; records a history row when it changed. Returns the tier.
 * The spend is read after the customer's loyalty row is locked: two sweeps settling two of
 * their orders at once then write one after the other, the last from a read that sees both.
 */
export async function recomputeTier(
  db: EngageDb,
  customerId: string,
  settings: EngageSettings,
  now: Date,
  eventId: number | null,
): Promise<Tier> {
  const [current] = await db
    .select()
    .from(customerLoyalty)
    .where(eq(customerLoyalty.customerId, customerId))
    .for("update");
  const spend = await trailingSpend(db, customerId, now, settings.tierWindowDays);
  const tier = tierFor(settings.tiers, spend);
  const before = current?.tier ?? settings.tiers[0].name;
  await db
    .insert(customerLoyalty)
    .values({ customerId, tier: tier.name, tierSpendMinor: spend, tierUpdatedAt: now })
    .onConflictDoUpdate({
      target: customerLoyalty.customerId,
      set: { tier: tier.name, tierSpendMinor: spend, tierUpdatedAt: now },
    });
  if (tier.name !== before || (!current?.tier && tier.name !== settings.tiers[0].name)) {
    await db
      .insert(tierHistory)
      .values({ customerId, fromTier: current?.tier ?? null, toTier: tier.name, trailingSpendMinor: spend, eventId });
  }
  return tier;
}

export async function tierHistoryOf(db: EngageDb, customerId: string) {
  return db
    .select({
      id: tierHistory.id,
      fromTier: tierHistory.fromTier,
      toTier: tierHistory.toTier,
      trailingSpendMinor: tierHistory.trailingSpendMinor,
      createdAt: tierHistory.createdAt,
    })
    .from(tierHistory)
    .where(eq(tierHistory.customerId, customerId))
    .orderBy(desc(tierHistory.id));
}

const bonusKey = (orderRef: string) => `tier-bonus:${orderRef}`;

/**
 * The tier bonus on a paid order: points x (multiplier - 1) of the tier the shopper held
 * when it was paid, from the orders paid before it (so the order that lifts a shopper into
 * Gold earns at the old rate, and a late sweep gives the same bonus as a prompt one).
 */
export async function grantTierBonus(db: EngageDb, order: OrderReward, settings: EngageSettings): Promise<number> {
  const spendBefore = await trailingSpend(db, order.customerId, order.paidAt, settings.tierWindowDays, {
    excludeOrderRef: order.orderRef,
    before: true,
  });
  const tier = tierFor(settings.tiers, spendBefore);
  const bonus = Math.floor(order.pointsBase * (tier.earnMultiplier - 1));
  if (bonus <= 0) return 0;
  const entry = await postEntry(db, {
    customerId: order.customerId,
    delta: bonus,
    kind: "bonus",
    reason: `${tier.label} tier bonus on order ${order.orderRef.slice(0, 8).toUpperCase()}`,
    sourceKey: bonusKey(order.orderRef),
    at: order.paidAt,
    lot: lotTermsFor(settings, order.paidAt),
  });
  return entry ? bonus : 0;
}

/**
 * Takes back the share of a points grant that the order's cumulative refund covers, less what
 * earlier refunds took. Keys: `<grantKey>:refund:<cumulative refunded>`. Returns points taken.
 */
export async function clawBackGrant(
  db: EngageDb,
  input: {
    customerId: string;
    grantKey: string;
    order: Pick<OrderReward, "orderRef" | "amountPaidMinor" | "amountRefundedMinor">;
    reason: string;
  },
): Promise<number> {
  const rows = await db
    .select({ sourceKey: ledgerEntries.sourceKey, delta: ledgerEntries.delta, uncollected: ledgerEntries.uncollected })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.customerId, input.customerId), like(ledgerEntries.sourceKey, `${input.grantKey}%`)));
  const granted = rows.find((r) => r.sourceKey === input.grantKey)?.delta ?? 0;
  if (granted <= 0) return 0;
  const clawed = rows
    .filter((r) => r.sourceKey.startsWith(`${input.grantKey}:refund:`))
    .reduce((s, r) => s - r.delta + r.uncollected, 0);
  const owed = clawbackFor(granted, input.order.amountPaidMinor, input.order.amountRefundedMinor) - clawed;
  if (owed <= 0) return 0;
  const take = Math.min(owed, await lockBalance(db, input.customerId));
  await postEntry(db, {
    customerId: input.customerId,
    delta: -take,
    uncollected: owed - take,
    kind: "clawback",
    reason: input.reason + (owed > take ? ` (${owed - take} points already spent, not reclaimed)` : ""),
    sourceKey: `${input.grantKey}:refund:${input.order.amountRefundedMinor}`,
  });
  return take;
}

export const tierBonusKey = bonusKey;

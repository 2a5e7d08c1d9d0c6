// A refund reverses, in proportion to the refunded share, what the order earned beyond its
// base points (which syncOrderPoints handles): the tier bonus, bonus points from rewards
// used on it, points granted by rules, stamps (on anyone's card: a referral stamp is the
// referrer's), and badges tied to it. A lost dispute reverses it all, as a full refund would.
import { and, eq, isNull, sql } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import { clawbackFor } from "../core/money.ts";
import { reversedMinor } from "../core/reversed-share.ts";
import { customerBadges, type OrderReward, rewards, ruleFirings, stampCards, stampEntries } from "../core/schema.ts";
import { clawBackGrant, revokeBadge, settleCardBadge, stampCount, tierBonusKey } from "../loyalty/index.ts";
import { bonusRewardKey } from "../rewards/index.ts";

const short = (ref: string) => ref.slice(0, 8).toUpperCase();

export async function reverseOrderEarnings(
  db: EngageDb,
  paid: OrderReward,
  now: Date,
): Promise<{ points: number; stamps: number; badges: number }> {
  // Everything below reverses in proportion to this amount (and keys its entries by it, so a
  // full refund after a lost dispute, or the reverse, takes nothing twice).
  const order = { ...paid, amountRefundedMinor: reversedMinor(paid) };
  const cause = `${paid.disputeStatus === "lost" ? "Dispute lost" : "Refund"} on order ${short(order.orderRef)}`;
  let points = await clawBackGrant(db, {
    customerId: order.customerId,
    grantKey: tierBonusKey(order.orderRef),
    order,
    reason: `${cause}: tier bonus`,
  });

  // Bonus points from rewards used on this order, credited to the order's customer on payment.
  const bonusRewards = await db
    .select({ id: rewards.id, label: rewards.label })
    .from(rewards)
    .where(
      and(eq(rewards.orderRef, order.orderRef), eq(rewards.status, "redeemed"), eq(rewards.rewardType, "bonus_points")),
    );
  for (const r of bonusRewards) {
    points += await clawBackGrant(db, {
      customerId: order.customerId,
      grantKey: bonusRewardKey(r.id),
      order,
      reason: `${cause}: ${r.label}`,
    });
  }

  // Points rules granted for this order's events (possibly to someone else, e.g. a referrer).
  const firings = await db.select().from(ruleFirings).where(eq(ruleFirings.orderRef, order.orderRef));
  for (const f of firings) {
    if (!f.customerId || !f.applied.some((a) => a.type === "grant_points" && Number(a.points) > 0)) continue;
    points += await clawBackGrant(db, {
      customerId: f.customerId,
      grantKey: `rule:${f.ruleId}:${f.eventId}`,
      order,
      reason: `${cause}: rule points`,
    });
  }

  const stamps = await reverseStamps(db, order, now, cause);
  let badges = 0;
  if (order.amountRefundedMinor >= order.amountPaidMinor) {
    const held = await db
      .select({ customerId: customerBadges.customerId, badgeId: customerBadges.badgeId })
      .from(customerBadges)
      .where(and(eq(customerBadges.orderRef, order.orderRef), isNull(customerBadges.revokedAt)));
    for (const b of held) {
      const reason = `Order ${short(order.orderRef)} was ${paid.disputeStatus === "lost" ? "charged back" : "refunded"}`;
      if (await revokeBadge(db, { ...b, reason, now })) badges++;
    }
  }
  return { points, stamps, badges };
}

async function reverseStamps(db: EngageDb, order: OrderReward, now: Date, cause: string): Promise<number> {
  const groups = await db
    .select({
      customerId: stampEntries.customerId,
      cardId: stampEntries.cardId,
      granted: sql<number>`coalesce(sum(${stampEntries.delta}) FILTER (WHERE ${stampEntries.delta} > 0), 0)::int`,
      removed: sql<number>`coalesce(-sum(${stampEntries.delta}) FILTER (WHERE ${stampEntries.delta} < 0), 0)::int`,
    })
    .from(stampEntries)
    .where(eq(stampEntries.orderRef, order.orderRef))
    .groupBy(stampEntries.customerId, stampEntries.cardId);
  let total = 0;
  for (const g of groups) {
    // Rounded in the shopper's favour, like points: a partial refund keeps a lone stamp.
    const owed = clawbackFor(Number(g.granted), order.amountPaidMinor, order.amountRefundedMinor) - Number(g.removed);
    if (owed <= 0) continue;
    const rows = await db
      .insert(stampEntries)
      .values({
        cardId: g.cardId,
        customerId: g.customerId,
        delta: -owed,
        reason: cause,
        sourceKey: `order:${order.orderRef}:stamps:${g.cardId}:${g.customerId}:refund:${order.amountRefundedMinor}`,
        orderRef: order.orderRef,
      })
      .onConflictDoNothing({ target: stampEntries.sourceKey })
      .returning({ id: stampEntries.id });
    if (rows.length === 0) continue;
    total += owed;
    const [card] = await db.select().from(stampCards).where(eq(stampCards.id, g.cardId));
    if (card) await settleCardBadge(db, card, g.customerId, await stampCount(db, g.customerId, card.id), now);
  }
  return total;
}

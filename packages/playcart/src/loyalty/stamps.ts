// Stamp cards: append-only stamp entries per customer and card; a full card awards the
// card's badge, and a reversal that takes it below full revokes it.
import { and, eq, sql } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import { badges, type StampCard, stampCards, stampEntries } from "../core/schema.ts";
import { awardBadge, revokeBadge } from "./badges.ts";

export async function stampCount(db: EngageDb, customerId: string, cardId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${stampEntries.delta}), 0)::int` })
    .from(stampEntries)
    .where(and(eq(stampEntries.customerId, customerId), eq(stampEntries.cardId, cardId)));
  return Math.max(0, Number(row?.n ?? 0));
}

/** Adds stamps to a card (once per source key); awards the card's badge when it fills. */
export async function grantStamps(
  db: EngageDb,
  input: {
    customerId: string;
    card: string;
    stamps: number;
    reason: string;
    sourceKey: string;
    orderRef?: string | null;
    now: Date;
  },
): Promise<{ granted: boolean; count: number; badgeAwarded: boolean } | null> {
  const [card] = await db.select().from(stampCards).where(eq(stampCards.slug, input.card));
  if (!card) return null;
  const rows = await db
    .insert(stampEntries)
    .values({
      cardId: card.id,
      customerId: input.customerId,
      delta: input.stamps,
      reason: input.reason,
      sourceKey: input.sourceKey,
      orderRef: input.orderRef ?? null,
    })
    .onConflictDoNothing({ target: stampEntries.sourceKey })
    .returning({ id: stampEntries.id });
  const count = await stampCount(db, input.customerId, card.id);
  const badgeAwarded = await settleCardBadge(db, card, input.customerId, count, input.now);
  return { granted: rows.length === 1, count, badgeAwarded };
}

/** Awards or revokes the card's badge to match the stamps held. Returns true if awarded now. */
export async function settleCardBadge(
  db: EngageDb,
  card: StampCard,
  customerId: string,
  count: number,
  now: Date,
): Promise<boolean> {
  if (!card.badgeId) return false;
  const [badge] = await db.select({ slug: badges.slug }).from(badges).where(eq(badges.id, card.badgeId));
  if (!badge) return false;
  if (count >= card.stampsRequired) return awardBadge(db, { customerId, badge: badge.slug, now });
  await revokeBadge(db, {
    customerId,
    badgeId: card.badgeId,
    reason: `${card.name}: ${count} of ${card.stampsRequired} stamps after a refund`,
    now,
  });
  return false;
}

/** `badge`: the name of the badge a full card gives, if any. */
export type CardProgress = { slug: string; name: string; stamps: number; required: number; badge: string | null };

/** Every stamp card with this customer's progress (cards they have no stamps on included). */
export async function stampCardProgress(db: EngageDb, customerId: string): Promise<CardProgress[]> {
  const rows = await db
    .select({
      slug: stampCards.slug,
      name: stampCards.name,
      required: stampCards.stampsRequired,
      badge: badges.name,
      stamps: sql<number>`coalesce(sum(${stampEntries.delta}), 0)::int`,
    })
    .from(stampCards)
    .leftJoin(badges, eq(badges.id, stampCards.badgeId))
    .leftJoin(stampEntries, and(eq(stampEntries.cardId, stampCards.id), eq(stampEntries.customerId, customerId)))
    .groupBy(stampCards.id, badges.name)
    .orderBy(stampCards.slug);
  return rows.map((r) => ({
    slug: r.slug,
    name: r.name,
    required: r.required,
    badge: r.badge,
    stamps: Math.max(0, Number(r.stamps)),
  }));
}

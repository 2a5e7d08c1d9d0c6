// Badges: awarded once per customer (a revoked badge can be earned again), each with a
// random share id for its public page.
import { randomBytes } from "node:crypto";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import { badges, customerBadges } from "../core/schema.ts";
import { recordEvent } from "../engine/index.ts";

const newShareId = () => randomBytes(9).toString("base64url");

/** Awards a badge by slug; false if the customer already holds it or no such badge exists. */
export async function awardBadge(
  db: EngageDb,
  input: { customerId: string; badge: string; orderRef?: string | null; now: Date },
): Promise<boolean> {
  const [badge] = await db.select({ id: badges.id }).from(badges).where(eq(badges.slug, input.badge));
  if (!badge) return false;
  const rows = await db
    .insert(customerBadges)
    .values({
      badgeId: badge.id,
      customerId: input.customerId,
      shareId: newShareId(),
      orderRef: input.orderRef ?? null,
      awardedAt: input.now,
    })
    .onConflictDoUpdate({
      target: [customerBadges.badgeId, customerBadges.customerId],
      set: { revokedAt: null, revokeReason: null, awardedAt: input.now, orderRef: input.orderRef ?? null },
      setWhere: sql`${customerBadges.revokedAt} IS NOT NULL`,
    })
    .returning({ id: customerBadges.id });
  if (rows.length === 1) {
    await recordEvent(db, {
      type: "badge.awarded",
      key: `${rows[0].id}:${input.now.toISOString()}`,
      customerId: input.customerId,
      orderRef: input.orderRef ?? null,
      payload: { badge: input.badge },
      occurredAt: input.now,
    });
  }
  return rows.length === 1;
}

export async function revokeBadge(
  db: EngageDb,
  input: { customerId: string; badgeId: string; reason: string; now: Date },
): Promise<boolean> {
  const rows = await db
    .update(customerBadges)
    .set({ revokedAt: input.now, revokeReason: input.reason })
    .where(
      and(
        eq(customerBadges.customerId, input.customerId),
        eq(customerBadges.badgeId, input.badgeId),
        isNull(customerBadges.revokedAt),
      ),
    )
    .returning({ id: customerBadges.id });
  if (rows.length === 1) {
    await recordEvent(db, {
      type: "badge.revoked",
      key: `${rows[0].id}:${input.now.toISOString()}`,
      customerId: input.customerId,
      payload: { badgeId: input.badgeId, reason: input.reason },
      occurredAt: input.now,
    });
  }
  return rows.length === 1;
}

export type HeldBadge = {
  slug: string;
  name: string;
  description: string;
  emoji: string;
  shareId: string;
  awardedAt: Date;
};

const heldColumns = {
  slug: badges.slug,
  name: badges.name,
  description: badges.description,
  emoji: badges.emoji,
  shareId: customerBadges.shareId,
  awardedAt: customerBadges.awardedAt,
};

/** The badges a customer holds now. */
export async function customerBadgeList(db: EngageDb, customerId: string): Promise<HeldBadge[]> {
  return db
    .select(heldColumns)
    .from(customerBadges)
    .innerJoin(badges, eq(badges.id, customerBadges.badgeId))
    .where(and(eq(customerBadges.customerId, customerId), isNull(customerBadges.revokedAt)))
    .orderBy(asc(customerBadges.awardedAt));
}

/** A badge's public page: what it is and when it was earned, nothing about who holds it. */
export async function badgeByShareId(db: EngageDb, shareId: string): Promise<HeldBadge | null> {
  if (!/^[A-Za-z0-9_-]{6,32}$/.test(shareId)) return null;
  const [row] = await db
    .select(heldColumns)
    .from(customerBadges)
    .innerJoin(badges, eq(badges.id, customerBadges.badgeId))
    .where(and(eq(customerBadges.shareId, shareId), isNull(customerBadges.revokedAt)));
  return row ?? null;
}

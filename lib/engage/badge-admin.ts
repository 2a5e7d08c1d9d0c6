// Badges and stamp cards as the admin edits them: names, descriptions, how many stamps fill a
// card and which badge a full card gives. Keys (slugs) stay fixed: rules refer to them.
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "./audit";
import { fieldError } from "./catalog-admin";
import type { EngageDb } from "./db";
import { EngageError } from "./errors";
import { badges, stampCards } from "./schema";

export const badgeEdit = z.object({
  id: z.uuid(),
  name: z.string().trim().min(1, "Give the badge a name").max(60, "At most 60 characters"),
  description: z.string().trim().min(1, "Say how it is earned").max(200, "At most 200 characters"),
  // One emoji (a few code points with joiners and variation selectors).
  emoji: z.string().trim().min(1, "Choose an emoji").max(16, "One emoji"),
});

export const stampCardEdit = z.object({
  id: z.uuid(),
  name: z.string().trim().min(1, "Give the card a name").max(60, "At most 60 characters"),
  stampsRequired: z.number({ message: "Enter a number" }).int("Whole stamps").min(1, "At least 1 stamp").max(100, "At most 100 stamps"),
  badgeId: z.uuid().nullish(),
});

export async function badgesAndCards(db: EngageDb) {
  const [b, c] = await Promise.all([db.select().from(badges).orderBy(asc(badges.slug)), db.select().from(stampCards).orderBy(asc(stampCards.slug))]);
  return { badges: b, cards: c };
}

export async function updateBadge(db: EngageDb, actor: string, input: z.input<typeof badgeEdit>) {
  const { id, ...values } = badgeEdit.parse(input);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(badges).where(eq(badges.id, id)).for("update");
    if (!before) throw new EngageError("invalid:input", "No such badge.");
    const [after] = await tx.update(badges).set(values).where(eq(badges.id, id)).returning();
    await recordAudit(tx, { actor, action: "badge.update", entity: "badge", entityId: id, before, after });
    return after;
  });
}

/**
 * A new number of stamps applies to the next stamp granted: cards already past it are not
 * filled retroactively (settleCardBadge runs on each grant).
 */
export async function updateStampCard(db: EngageDb, actor: string, input: z.input<typeof stampCardEdit>) {
  const { id, ...rest } = stampCardEdit.parse(input);
  const values = { ...rest, badgeId: rest.badgeId ?? null };
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(stampCards).where(eq(stampCards.id, id)).for("update");
    if (!before) throw new EngageError("invalid:input", "No such stamp card.");
    if (values.badgeId) {
      const [badge] = await tx.select({ id: badges.id }).from(badges).where(eq(badges.id, values.badgeId));
      if (!badge) throw fieldError("badgeId", "Choose one of the badges");
    }
    const [after] = await tx.update(stampCards).set(values).where(eq(stampCards.id, id)).returning();
    await recordAudit(tx, { actor, action: "stamp_card.update", entity: "stamp_card", entityId: id, before, after });
    return after;
  });
}

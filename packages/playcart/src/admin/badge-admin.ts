// Badges and stamp cards as the admin creates and edits them: names, descriptions, how many
// stamps fill a card and which badge a full card gives. A key (slug) is chosen at creation
// and stays fixed: rules refer to it.
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { EngageDb } from "../core/db.ts";
import { EngageError } from "../core/errors.ts";
import { badges, stampCards } from "../core/schema.ts";
import { recordAudit } from "./audit.ts";
import { fieldError } from "./catalog-admin.ts";

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
  stampsRequired: z
    .number({ message: "Enter a number" })
    .int("Whole stamps")
    .min(1, "At least 1 stamp")
    .max(100, "At most 100 stamps"),
  badgeId: z.uuid().nullish(),
});

const slug = z
  .string({ message: "Give it a key" })
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "Use lower-case letters, digits and -");
export const badgeNew = badgeEdit.omit({ id: true }).extend({ slug });
export const stampCardNew = stampCardEdit.omit({ id: true }).extend({ slug });

export async function badgesAndCards(db: EngageDb) {
  const [b, c] = await Promise.all([
    db.select().from(badges).orderBy(asc(badges.slug)),
    db.select().from(stampCards).orderBy(asc(stampCards.slug)),
  ]);
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

/** A new badge, for rules (grant_badge) and stamp cards to give. Throws ZodError on bad input or a taken key. */
export async function createBadge(db: EngageDb, actor: string, input: z.input<typeof badgeNew>) {
  const values = badgeNew.parse(input);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(badges).values(values).onConflictDoNothing({ target: badges.slug }).returning();
    if (!row) throw fieldError("slug", "Another badge already uses this key");
    await recordAudit(tx, {
      actor,
      action: "badge.create",
      entity: "badge",
      entityId: row.id,
      before: null,
      after: row,
    });
    return row;
  });
}

/** A new stamp card, for rules (grant_stamp) to fill. Throws ZodError on bad input, a taken key or an unknown badge. */
export async function createStampCard(db: EngageDb, actor: string, input: z.input<typeof stampCardNew>) {
  const parsed = stampCardNew.parse(input);
  const values = { ...parsed, badgeId: parsed.badgeId ?? null };
  return db.transaction(async (tx) => {
    if (values.badgeId) {
      const [badge] = await tx.select({ id: badges.id }).from(badges).where(eq(badges.id, values.badgeId));
      if (!badge) throw fieldError("badgeId", "Choose one of the badges");
    }
    const [row] = await tx
      .insert(stampCards)
      .values(values)
      .onConflictDoNothing({ target: stampCards.slug })
      .returning();
    if (!row) throw fieldError("slug", "Another stamp card already uses this key");
    await recordAudit(tx, {
      actor,
      action: "stamp_card.create",
      entity: "stamp_card",
      entityId: row.id,
      before: null,
      after: row,
    });
    return row;
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

// The name a shopper chose to be shown publicly (reviews, badge pages). Never derived from
// the email: without a chosen name, nothing is shown.
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { EngageDb } from "../core/db.ts";
import { customerBadges, customers } from "../core/schema.ts";

export const displayNameInput = z
  .string()
  .trim()
  .max(40, "Keep it under 40 characters")
  .refine((s) => !s.includes("@"), "Use a name, not an email address")
  .refine((s) => !/[<>]/.test(s), "Leave out < and >")
  .transform((s) => s.replace(/\s+/g, " "))
  .transform((s) => (s === "" ? null : s));

/** Sets (or, with an empty name, clears) the customer's public name. */
export async function setDisplayName(db: EngageDb, customerId: string, name: string | null): Promise<void> {
  await db.update(customers).set({ displayName: name }).where(eq(customers.id, customerId));
}

export async function displayNameOf(db: EngageDb, customerId: string): Promise<string | null> {
  const [row] = await db.select({ name: customers.displayName }).from(customers).where(eq(customers.id, customerId));
  return row?.name ?? null;
}

/** The public name of whoever holds the badge behind this share id (null: none chosen, or no such badge). */
export async function badgeHolderName(db: EngageDb, shareId: string): Promise<string | null> {
  const [row] = await db
    .select({ name: customers.displayName })
    .from(customerBadges)
    .innerJoin(customers, eq(customers.id, customerBadges.customerId))
    .where(and(eq(customerBadges.shareId, shareId), isNull(customerBadges.revokedAt)));
  return row?.name ?? null;
}

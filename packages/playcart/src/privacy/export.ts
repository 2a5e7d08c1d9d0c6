// A shopper's loyalty data as one readable JSON document (the right of access / portability):
// every section of PRIVACY_SECTIONS, read in one repeatable-read snapshot so the sections agree.
import { sql } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import { customers } from "../core/schema.ts";
import { type ExportSubject, PRIVACY_SECTIONS, type PrivacySection } from "./export-sections.ts";
import { isErased } from "./tombstone.ts";

export const EXPORT_FORMAT = "playcart.loyalty-data";
export const EXPORT_VERSION = 1;

export type LoyaltyDataExport = {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  /** What each section is, in words, for the person reading the file. */
  about: string;
  sections: Record<string, unknown>;
};

async function subjectOf(db: EngageDb, customerIds: string[]): Promise<ExportSubject> {
  if (customerIds.length === 0) return { customerIds, emails: [], userRefs: [] };
  const rows = await db
    .select({ email: customers.email, userRef: customers.userRef })
    .from(customers)
    .where(sql`${customers.id} = ANY(${`{${customerIds.join(",")}}`}::uuid[])`);
  return {
    customerIds,
    emails: rows.map((r) => r.email).filter((e) => !isErased(e)),
    userRefs: rows.flatMap((r) => (r.userRef ? [r.userRef] : [])),
  };
}

/** The export of these customer rows (a shopper's, from shopperCustomerIds; or one the owner picked). */
export async function exportLoyaltyData(
  db: EngageDb,
  input: { customerIds: string[]; now: Date; sections?: PrivacySection[] },
): Promise<LoyaltyDataExport> {
  const read = async (tx: EngageDb) => {
    const who = await subjectOf(tx, input.customerIds);
    const sections: Record<string, unknown> = {};
    for (const section of input.sections ?? PRIVACY_SECTIONS) sections[section.key] = await section.read(tx, who);
    return sections;
  };
  const sections = await db.transaction(read, { isolationLevel: "repeatable read", accessMode: "read only" });
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: input.now.toISOString(),
    about:
      "Your loyalty data at this store: your customer record, points balances and every points entry with " +
      "its reason, orders that earned points, tier history, badges, stamps, referrals, game plays and " +
      "rewards, email contacts and consents, push subscriptions (endpoint only), cart reminders, and the " +
      "events recorded about you. Amounts are in minor units (cents); times are UTC.",
    sections,
  };
}

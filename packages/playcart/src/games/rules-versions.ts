// Official rules versions: every change to what a campaign's rules say (its settings, its
// prize table, the store's terms) adds the next immutable version, valid from the change.
// A play's version is the one in force at its created_at, so plays write nothing for it.
import { and, asc, desc, eq, inArray, lte, ne } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import { campaigns, type RulesVersion, rulesVersions } from "../core/schema.ts";
import { getSettings } from "../core/settings.ts";
import { campaignPrizes } from "./campaigns.ts";
import { type RulesSnapshot, rulesSnapshot, sameRules } from "./official-rules.ts";

/** The snapshot of the campaign's rules as they stand in the database now (null: no such campaign). */
export async function currentRulesSnapshot(db: EngageDb, campaignId: string): Promise<RulesSnapshot | null> {
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
  if (!campaign) return null;
  const [table, settings] = await Promise.all([campaignPrizes(db, campaignId), getSettings(db)]);
  return rulesSnapshot(
    { ...campaign, windows: campaign.windows as RulesSnapshot["campaign"]["windows"] },
    table,
    settings,
  );
}

/**
 * Adds the next rules version if the campaign's rules changed since the last one. Call it in
 * the transaction that changed them. A draft has no public rules yet: its first version is
 * written when it is published. Returns the version in force afterwards (null for a draft).
 */
export async function recordRulesVersion(db: EngageDb, campaignId: string, now: Date): Promise<number | null> {
  const [campaign] = await db.select({ status: campaigns.status }).from(campaigns).where(eq(campaigns.id, campaignId));
  if (!campaign || campaign.status === "draft") return null;
  const snapshot = await currentRulesSnapshot(db, campaignId);
  const [last] = await db
    .select({ version: rulesVersions.version, snapshot: rulesVersions.snapshot })
    .from(rulesVersions)
    .where(eq(rulesVersions.campaignId, campaignId))
    .orderBy(desc(rulesVersions.version))
    .limit(1);
  if (last && sameRules(last.snapshot, snapshot)) return last.version;
  const version = (last?.version ?? 0) + 1;
  await db.insert(rulesVersions).values({ campaignId, version, validFrom: now, snapshot });
  return version;
}

/** After a change of the store's terms or tiers: a new version for every public campaign whose rules read differently. */
export async function recordRulesVersionsForAll(db: EngageDb, now: Date): Promise<void> {
  const open = await db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(ne(campaigns.status, "draft"), ne(campaigns.status, "ended")));
  for (const c of open) await recordRulesVersion(db, c.id, now);
}

export type RulesVersionSummary = Pick<RulesVersion, "version" | "validFrom">;

/** Every version of a campaign's rules, oldest first. */
export async function rulesVersionList(db: EngageDb, campaignId: string): Promise<RulesVersionSummary[]> {
  return db
    .select({ version: rulesVersions.version, validFrom: rulesVersions.validFrom })
    .from(rulesVersions)
    .where(eq(rulesVersions.campaignId, campaignId))
    .orderBy(asc(rulesVersions.version));
}

/**
 * The rules version each play was played under: the latest valid_from at or before the play's
 * time, or the first version for a play older than every version (a campaign published before
 * its rules were versioned). One query for any number of plays.
 */
export async function rulesVersionsOfPlays(
  db: EngageDb,
  playsOf: { campaignId: string; at: Date }[],
): Promise<number[]> {
  const ids = [...new Set(playsOf.map((p) => p.campaignId))];
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      campaignId: rulesVersions.campaignId,
      version: rulesVersions.version,
      validFrom: rulesVersions.validFrom,
    })
    .from(rulesVersions)
    .where(inArray(rulesVersions.campaignId, ids))
    .orderBy(asc(rulesVersions.version));
  return playsOf.map((p) => {
    const own = rows.filter((r) => r.campaignId === p.campaignId);
    const inForce = own.filter((r) => r.validFrom <= p.at).at(-1) ?? own[0];
    return inForce?.version ?? 1;
  });
}

/** The version of one campaign's rules in force at `at` (see rulesVersionsOfPlays). */
export async function rulesVersionAt(db: EngageDb, campaignId: string, at: Date): Promise<number | null> {
  const [row] = await db
    .select({ version: rulesVersions.version })
    .from(rulesVersions)
    .where(and(eq(rulesVersions.campaignId, campaignId), lte(rulesVersions.validFrom, at)))
    .orderBy(desc(rulesVersions.version))
    .limit(1);
  return row?.version ?? null;
}

// The data behind a campaign's public rules page: the version asked for (or the one in force),
// written out in words, with the list of versions and, for the version in force, which
// prizes are sold out right now.
import { eq } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import { currencyExponent } from "../core/money.ts";
import { campaigns, rulesVersions } from "../core/schema.ts";
import { publicOdds } from "./odds.ts";
import { type OfficialRulesDocument, officialRulesDocument, type RulesSnapshot } from "./official-rules.ts";
import { currentRulesSnapshot, type RulesVersionSummary } from "./rules-versions.ts";

export type OfficialRulesView = {
  document: OfficialRulesDocument;
  versions: RulesVersionSummary[];
  /** The version shown is the one in force now. */
  current: boolean;
  running: boolean;
  openNow: boolean;
};

export type OfficialRulesOptions = {
  /** A version number (a play's, from its receipt); default: the one in force. */
  version?: number | null;
  now: Date;
  timeZone: string;
  currency: string;
  /** Where the host serves the free entry page of a campaign (default: none named). */
  freeEntryHref?: (slug: string) => string;
  productName?: (ref: string) => string | undefined;
};

/** Money in the store's currency, as the rules page writes it. */
export function moneyFormat(currency: string) {
  const format = new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() });
  return (minor: number) => format.format(minor / 10 ** currencyExponent(currency));
}

/** Null for an unknown campaign, a draft, or a version that does not exist. */
export async function officialRules(
  db: EngageDb,
  slug: string,
  o: OfficialRulesOptions,
): Promise<OfficialRulesView | null> {
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.slug, slug));
  if (!campaign || campaign.status === "draft") return null;
  const stored = await db
    .select()
    .from(rulesVersions)
    .where(eq(rulesVersions.campaignId, campaign.id))
    .orderBy(rulesVersions.version);
  const latest = stored.at(-1);
  const wanted = o.version ? stored.find((v) => v.version === o.version) : latest;
  // A campaign published before its rules were versioned reads as version 1, as it is now.
  const fallback = stored.length === 0 && (!o.version || o.version === 1);
  if (!wanted && !fallback) return null;
  const snapshot = wanted ? (wanted.snapshot as RulesSnapshot) : await currentRulesSnapshot(db, campaign.id);
  if (!snapshot) return null;
  const current = !wanted || wanted === latest;
  const live = current ? await publicOdds(db, slug, o) : null;
  const document = officialRulesDocument(snapshot, wanted ?? { version: 1, validFrom: campaign.updatedAt }, {
    now: o.now,
    timeZone: o.timeZone,
    money: moneyFormat(o.currency),
    date: (d) => new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: o.timeZone }).format(d),
    productName: o.productName,
    freeEntryHref: o.freeEntryHref?.(slug) ?? null,
    soldOut: new Set(live?.prizes.filter((p) => p.soldOut).map((p) => p.label) ?? []),
  });
  return {
    document,
    versions: stored.length
      ? stored.map((v) => ({ version: v.version, validFrom: v.validFrom }))
      : [{ version: 1, validFrom: campaign.updatedAt }],
    current,
    running: campaign.status === "live",
    openNow: live?.openNow ?? false,
  };
}

// A campaign's public odds and rules: what a shopper may read before playing. Each prize's
// chance among the prizes still available (as the draw sees them), and only a "sold out"
// flag from the counters behind it.
import { and, eq, inArray } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import { currencyExponent } from "../core/money.ts";
import { type Campaign, type CampaignSeason, campaigns, type Prize, prizeDailyWins } from "../core/schema.ts";
import { getSettings } from "../core/settings.ts";
import { storeDay, type WeeklyWindow } from "../core/store-time.ts";
import { describeAudience } from "./audience-words.ts";
import { allowanceFor, campaignPrizes, openWindow } from "./campaigns.ts";
import { odds } from "./draw.ts";
import { campaignDates } from "./season.ts";

export type PublicPrize = {
  label: string;
  /** 0..1: this prize's share of a draw made now. */
  chance: number;
  soldOut: boolean;
  reward: Pick<Prize, "rewardType" | "rewardValue" | "productRef" | "maxDiscountMinor">;
  limits: { inventory: number | null; dailyCap: number | null; budgeted: boolean };
};

export type PublicOdds = Pick<
  Campaign,
  "slug" | "name" | "gameType" | "rewardScope" | "rewardValidDays" | "lifetimeLimit" | "startsAt" | "endsAt"
> & {
  /** A campaign that repeats every year: startsAt/endsAt are the run under way, or else the next one. */
  season: (CampaignSeason & { underway: boolean }) | null;
  /** Who may play, in words; null when the condition is beyond the words we have. */
  audience: string | null;
  /** Live (not paused or ended). */
  running: boolean;
  /** Playable at this moment (live, within its dates and, if it has any, a weekly window). */
  openNow: boolean;
  windows: WeeklyWindow[];
  /** Plays per window (or per store day) for each tier, lowest tier first. */
  plays: { tier: string; label: string; minSpendMinor: number; plays: number }[];
  tierWindowDays: number;
  prizes: PublicPrize[];
};

/** The odds page's data, or null for a campaign that does not exist or is still a draft. */
export async function publicOdds(
  db: EngageDb,
  slug: string,
  at: { now: Date; timeZone: string; currency: string },
): Promise<PublicOdds | null> {
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.slug, slug));
  if (!campaign || campaign.status === "draft") return null;
  const [table, settings] = await Promise.all([campaignPrizes(db, campaign.id), getSettings(db)]);
  const today = storeDay(at.now, at.timeZone);
  const capped = table.filter((p) => p.dailyCap !== null).map((p) => p.id);
  const daily = new Map(
    capped.length === 0
      ? []
      : (
          await db
            .select({ prizeId: prizeDailyWins.prizeId, wins: prizeDailyWins.wins })
            .from(prizeDailyWins)
            .where(and(inArray(prizeDailyWins.prizeId, capped), eq(prizeDailyWins.storeDay, today)))
        ).map((r) => [r.prizeId, r.wins]),
  );
  // The same test the draw applies (play.ts claimPrize): stock, value budget, today's cap.
  const soldOut = (p: Prize) =>
    (p.inventory !== null && p.wins >= p.inventory) ||
    (p.budgetValueMinor !== null && p.valueAwardedMinor + p.costMinor > p.budgetValueMinor) ||
    (p.dailyCap !== null && (daily.get(p.id) ?? 0) >= p.dailyCap);
  const chances = odds(table.filter((p) => !soldOut(p)));
  const dates = campaignDates(campaign, at.now, at.timeZone);

  return {
    slug: campaign.slug,
    name: campaign.name,
    gameType: campaign.gameType,
    rewardScope: campaign.rewardScope,
    rewardValidDays: campaign.rewardValidDays,
    lifetimeLimit: campaign.lifetimeLimit,
    ...dates,
    season: campaign.season && { ...campaign.season, underway: dates.startsAt !== null && dates.startsAt <= at.now },
    audience: describeAudience(campaign.audience, {
      tierLabel: (name) => settings.tiers.find((t) => t.name === name)?.label ?? name,
      money: (minor) =>
        new Intl.NumberFormat("en-US", { style: "currency", currency: at.currency.toUpperCase() }).format(
          minor / 10 ** currencyExponent(at.currency),
        ),
    }),
    running: campaign.status === "live",
    openNow: openWindow(campaign, at.now, at.timeZone) !== null,
    windows: campaign.windows as WeeklyWindow[],
    plays: settings.tiers.map((t) => ({
      tier: t.name,
      label: t.label,
      minSpendMinor: t.minSpendMinor,
      plays: allowanceFor(campaign, t.name, settings.tiers),
    })),
    tierWindowDays: settings.tierWindowDays,
    prizes: table.map((p) => ({
      label: p.label,
      chance: chances.get(p.id) ?? 0,
      soldOut: soldOut(p),
      reward: {
        rewardType: p.rewardType,
        rewardValue: p.rewardValue,
        productRef: p.productRef,
        maxDiscountMinor: p.maxDiscountMinor,
      },
      limits: { inventory: p.inventory, dailyCap: p.dailyCap, budgeted: p.budgetValueMinor !== null },
    })),
  };
}

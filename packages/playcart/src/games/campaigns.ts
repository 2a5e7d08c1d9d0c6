// Which campaigns are open to whom, when: status, date range (or yearly season), weekly
// windows in store time, the audience condition and the plays each tier gets.
import { and, asc, eq, sql } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import { type Campaign, campaigns, type Placement, prizes } from "../core/schema.ts";
import type { Tier } from "../core/settings.ts";
import { activeWindow, storeClock, storeDay, type WeeklyWindow } from "../core/store-time.ts";
import { type EventFields, evaluateCondition, eventFields } from "../engine/index.ts";
import type { CustomerProfile } from "../loyalty/index.ts";
import { campaignDates, seasonDays } from "./season.ts";

export type CartSummary = { valueMinor: number; itemCount: number; categories: string[] };

export type PlayContext = {
  customer: CustomerProfile & { signedIn: boolean };
  cart: CartSummary;
  store: { date: string; weekday: number; hour: number };
  /** The checkout the game is offered on, read like a rule's event: its amount is the cart's. */
  event: EventFields;
};

export function playContext(
  profile: CustomerProfile,
  signedIn: boolean,
  cart: CartSummary,
  now: Date,
  timeZone: string,
): PlayContext {
  const clock = storeClock(now, timeZone);
  return {
    customer: { ...profile, signedIn },
    cart,
    store: { date: clock.date, weekday: clock.weekday, hour: clock.hour },
    event: eventFields("checkout.viewed", cart.valueMinor, null),
  };
}

/** The play window `now` falls in: a weekly window, or the store day when there are none. */
export function openWindow(campaign: Campaign, now: Date, timeZone: string): string | null {
  if (campaign.status !== "live") return null;
  return scheduledWindow(campaign, now, timeZone);
}

/** The play window `now` falls in by the campaign's schedule alone, whatever its status. */
export function scheduledWindow(
  campaign: Pick<Campaign, "startsAt" | "endsAt" | "season" | "windows">,
  now: Date,
  timeZone: string,
): string | null {
  const { startsAt, endsAt } = campaignDates(campaign, now, timeZone);
  if (startsAt && now < startsAt) return null;
  if (endsAt && now >= endsAt) return null;
  const windows = campaign.windows as WeeklyWindow[];
  if (windows.length === 0) return storeDay(now, timeZone);
  return activeWindow(windows, now, timeZone)?.key ?? null;
}

/**
 * The allowance row that counts a campaign's lifetime cap. A seasonal campaign's counts per
 * occurrence (the advent's 12 doors each December), named by its first store day, so the
 * cap starts afresh every year. Every window key starts with the store day it falls in.
 */
export function lifetimeKey(campaign: Pick<Campaign, "season">, windowKey: string): string {
  return campaign.season ? `lifetime:${seasonDays(campaign.season, windowKey.slice(0, 10)).first}` : "lifetime";
}

/**
 * Plays per window for a tier: the campaign's own number for that tier, or else its default
 * times the tier's play multiplier (settings), so a higher tier plays more everywhere.
 */
export function allowanceFor(
  campaign: Pick<Campaign, "allowance">,
  tier: string,
  tiers: Pick<Tier, "name" | "playMultiplier">[] = [],
): number {
  const own = campaign.allowance.byTier?.[tier];
  if (own !== undefined) return own;
  const multiplier = tiers.find((t) => t.name === tier)?.playMultiplier ?? 1;
  return Math.floor(campaign.allowance.default * multiplier);
}

export function isEligible(campaign: Campaign, context: PlayContext): boolean {
  return evaluateCondition(campaign.audience, context);
}

export async function liveCampaigns(db: EngageDb, placement: Placement): Promise<Campaign[]> {
  return (
    db
      .select()
      .from(campaigns)
      .where(and(eq(campaigns.placement, placement), eq(campaigns.status, "live")))
      // A time-bound campaign (it has weekly windows) wins over an always-on one while open.
      .orderBy(sql`${campaigns.windows} = '[]'::jsonb`, asc(campaigns.createdAt))
  );
}

export async function campaignPrizes(db: EngageDb, campaignId: string) {
  return db
    .select()
    .from(prizes)
    .where(eq(prizes.campaignId, campaignId))
    .orderBy(asc(prizes.position), asc(prizes.id));
}

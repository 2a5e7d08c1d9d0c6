// The advent calendar: a campaign of game type advent_calendar whose dates (for a yearly
// one, the run under way or else the next) span its doors, one door per store day. Opening
// today's door is an ordinary play (one per store day: the campaign has no weekly windows,
// so its allowance counts per store day); this reads what each door holds for the shopper:
// what they won behind past doors, today's, locked ones.
import { and, eq, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import type { EngageDb } from "../core/db.ts";
import { identityKeys, type Shopper } from "../core/identity.ts";
import { type Campaign, campaigns, plays, prizes } from "../core/schema.ts";
import { storeDay } from "../core/store-time.ts";
import { openWindow } from "./campaigns.ts";
import { type OfferTerms, offerTerms } from "./play.ts";
import type { OfferRules } from "./play-outcome.ts";
import { campaignDates } from "./season.ts";

export type AdventDoor = {
  day: number;
  /** The store day it opens, YYYY-MM-DD. */
  date: string;
  state: "opened" | "today" | "missed" | "locked";
  /** What the shopper found behind it (opened doors only). */
  prizeLabel: string | null;
  won: boolean;
};

export type AdventCalendar = {
  campaignId: string;
  slug: string;
  name: string;
  doors: AdventDoor[];
  todayOpen: boolean;
  /** The offer token for today's door (playcart/next adds it); a play sends it back. */
  token?: string;
  rewardScope: Campaign["rewardScope"];
  terms: OfferTerms;
  /** Its official rules link and conditions line (playcart/next adds it). */
  rules?: OfferRules;
};

const MAX_DOORS = 31;

/** The store days a campaign's dates cover, from its first to its last. */
export function adventDays(startsAt: Date, endsAt: Date, timeZone: string): string[] {
  const first = DateTime.fromJSDate(startsAt, { zone: timeZone }).startOf("day");
  const last = DateTime.fromJSDate(new Date(endsAt.getTime() - 1), { zone: timeZone }).startOf("day");
  const days: string[] = [];
  for (let d = first; d <= last && days.length < MAX_DOORS; d = d.plus({ days: 1 })) days.push(d.toISODate()!);
  return days;
}

export async function adventCalendar(
  db: EngageDb,
  input: { slug: string; shopper: Shopper; now: Date; timeZone: string },
): Promise<AdventCalendar | null> {
  const [campaign] = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.slug, input.slug), eq(campaigns.gameType, "advent_calendar")));
  if (!campaign || campaign.status === "draft") return null;
  const { startsAt, endsAt } = campaignDates(campaign, input.now, input.timeZone);
  if (!startsAt || !endsAt) return null;
  const days = adventDays(startsAt, endsAt, input.timeZone);
  const keys = identityKeys(input.shopper);
  const opened = new Map<string, { label: string | null; won: boolean }>();
  if (keys.length > 0) {
    const rows = await db
      .select({ windowKey: plays.windowKey, label: prizes.label, won: plays.won })
      .from(plays)
      .leftJoin(prizes, eq(prizes.id, plays.prizeId))
      .where(
        and(
          eq(plays.campaignId, campaign.id),
          sql`${plays.identityKeys} ?| array[${sql.join(
            keys.map((k) => sql`${k}`),
            sql`, `,
          )}]::text[]`,
        ),
      );
    for (const r of rows) if (!opened.has(r.windowKey)) opened.set(r.windowKey, { label: r.label, won: r.won === 1 });
  }
  const today = storeDay(input.now, input.timeZone);
  const todayOpen = openWindow(campaign, input.now, input.timeZone) === today;
  const doors = days.map((date, i): AdventDoor => {
    const found = opened.get(date);
    if (found)
      return { day: i + 1, date, state: "opened", prizeLabel: found.label ?? "No prize this time", won: found.won };
    const state = date === today && todayOpen ? "today" : date < today ? "missed" : date > today ? "locked" : "missed";
    return { day: i + 1, date, state, prizeLabel: null, won: false };
  });
  return {
    campaignId: campaign.id,
    slug: campaign.slug,
    name: campaign.name,
    doors,
    todayOpen,
    rewardScope: campaign.rewardScope,
    terms: offerTerms(campaign),
  };
}

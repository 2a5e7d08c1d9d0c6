// A campaign that repeats every year (the advent calendar) stores its season as a store-time
// calendar rule, { month, day, days }, not as instants: the dates are worked out when they are
// read, in the zone the store runs in, so the same row runs every year and a store seeded in
// one zone and served in another still opens its doors at local midnight. Occurrences are
// whole store days, so which one a store day belongs to is plain calendar arithmetic; luxon
// turns its first and last day into instants, keeping wall-clock midnight across DST.
import { DateTime, Info } from "luxon";
import { z } from "zod";
import type { CampaignSeason } from "../core/schema.ts";

export type CampaignDates = { startsAt: Date | null; endsAt: Date | null };
type Dated = { season: CampaignSeason | null; startsAt: Date | null; endsAt: Date | null };

const MONTHS = Info.months("long", { locale: "en" });
// Days in each month of a common year: a season's start must exist every year, so
// 29 February is refused (start on 28 February or 1 March instead).
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export const seasonSchema = z
  .object({
    month: z.number({ message: "Choose a month" }).int("Choose a month").min(1, "Choose a month").max(12),
    day: z
      .number({ message: "Give a day of the month" })
      .int("Give a day of the month")
      .min(1, "Give a day of the month"),
    days: z
      .number({ message: "Give the number of days" })
      .int("Give a whole number of days")
      .min(1, "A season lasts at least 1 day")
      .max(366, "A season lasts at most 366 days"),
  })
  .superRefine((s, ctx) => {
    if (s.month >= 1 && s.month <= 12 && s.day > MONTH_DAYS[s.month - 1])
      ctx.addIssue({
        code: "custom",
        path: ["day"],
        message:
          s.month === 2 && s.day === 29
            ? "29 February is not in every year: start on 28 February or 1 March"
            : `Choose a day that exists in that month (${MONTHS[s.month - 1]} has ${MONTH_DAYS[s.month - 1]} days)`,
      });
  });

export const monthName = (month: number) => MONTHS[month - 1] ?? "";

// A stored season whose day a month lacks (only possible outside the editor) rolls over the
// way the calendar does: 29 February is 1 March in a common year.
const firstDay = (s: CampaignSeason, year: number) =>
  DateTime.fromObject({ year, month: s.month, day: 1 }, { zone: "UTC" }).plus({ days: s.day - 1 });

const isoDay = (d: DateTime) => d.toFormat("yyyy-MM-dd");

/**
 * The store days (YYYY-MM-DD, its first and the day after its last) of the occurrence that
 * contains the store day `date`, or else of the next one. An occurrence ends at the latest
 * when the next begins, so a 366-day season is the whole year and two never overlap.
 */
export function seasonDays(s: CampaignSeason, date: string): { first: string; end: string } {
  const day = DateTime.fromISO(date, { zone: "UTC" });
  const occurrence = (year: number) => {
    const first = firstDay(s, year);
    return { first, end: DateTime.min(first.plus({ days: s.days }), firstDay(s, year + 1)) };
  };
  // Last year's may still be running (a season across New Year); next year's always ends later.
  const found = [occurrence(day.year - 1), occurrence(day.year)].find((o) => day < o.end) ?? occurrence(day.year + 1);
  return { first: isoDay(found.first), end: isoDay(found.end) };
}

/**
 * When a campaign runs: for a seasonal one, the occurrence that contains `now`, or else the
 * next one, as instants at store midnight; otherwise its stored dates.
 */
export function campaignDates(campaign: Dated, now: Date, timeZone: string): CampaignDates {
  if (!campaign.season) return { startsAt: campaign.startsAt, endsAt: campaign.endsAt };
  const { first, end } = seasonDays(campaign.season, isoDay(DateTime.fromJSDate(now, { zone: timeZone })));
  const midnight = (date: string) => DateTime.fromISO(date, { zone: timeZone }).toJSDate();
  return { startsAt: midnight(first), endsAt: midnight(end) };
}

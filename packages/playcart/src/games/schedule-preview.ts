// The next few times a campaign will be open, in the store's time zone, for the schedule
// editor: weekly windows clipped to the campaign's start and end dates, and a yearly
// campaign's run under way or next.
import { DateTime } from "luxon";
import type { CampaignSeason } from "../core/schema.ts";
import { upcomingWindows, type WeeklyWindow } from "../core/store-time.ts";
import { campaignDates, seasonSchema } from "./season.ts";

export type WindowPreview = { startsAt: string; endsAt: string; label: string };
export type SeasonPreview = WindowPreview & { underway: boolean };

/** A yearly campaign's run under way at `from`, or else its next one; null while the season is invalid. */
export function previewSeason(season: CampaignSeason, from: Date, timeZone: string): SeasonPreview | null {
  if (!seasonSchema.safeParse(season).success) return null;
  const { startsAt, endsAt } = campaignDates({ season, startsAt: null, endsAt: null }, from, timeZone);
  if (!startsAt || !endsAt) return null;
  const first = DateTime.fromJSDate(startsAt, { zone: timeZone });
  // endsAt is the midnight after the last day.
  const last = DateTime.fromJSDate(endsAt, { zone: timeZone }).minus({ days: 1 });
  const days = Math.round(DateTime.fromJSDate(endsAt, { zone: timeZone }).diff(first, "days").days);
  return {
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    label: `${first.toFormat("ccc d LLL yyyy")} – ${last.toFormat("ccc d LLL yyyy")} (${days} ${days === 1 ? "day" : "days"})`,
    underway: startsAt <= from,
  };
}

export function previewWindows(
  input: { windows: WeeklyWindow[]; startsAt: string | null; endsAt: string | null },
  from: Date,
  timeZone: string,
  count = 5,
): WindowPreview[] {
  if (input.windows.length === 0) return [];
  const start = input.startsAt && Date.parse(input.startsAt) > from.getTime() ? new Date(input.startsAt) : from;
  const end = input.endsAt ? Date.parse(input.endsAt) : Infinity;
  // Ask for extra: some may fall after the end date or be clipped away.
  const found = upcomingWindows(input.windows, start, timeZone, count + 5);
  return found
    .filter((w) => w.startsAt.getTime() < end)
    .slice(0, count)
    .map((w) => {
      const s = DateTime.fromJSDate(w.startsAt, { zone: timeZone });
      const e = DateTime.fromJSDate(w.endsAt, { zone: timeZone });
      return {
        startsAt: w.startsAt.toISOString(),
        endsAt: w.endsAt.toISOString(),
        label: `${s.toFormat("ccc d LLL yyyy, HH:mm")}–${e.toFormat("HH:mm ZZZZ")}`,
      };
    });
}

// The next few times a campaign will be open, in the store's time zone, for the schedule
// editor: weekly windows clipped to the campaign's start and end dates.
import { DateTime } from "luxon";
import { upcomingWindows, type WeeklyWindow } from "./store-time";

export type WindowPreview = { startsAt: string; endsAt: string; label: string };

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

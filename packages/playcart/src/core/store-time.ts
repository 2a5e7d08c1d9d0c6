// Store time: schedules are written in the store's wall-clock time (e.g. "Saturday
// 09:00-15:00, Europe/Berlin") and stored instants are UTC. Luxon does the zone arithmetic,
// so a window keeps its wall-clock hours across daylight-saving changes.
import { DateTime } from "luxon";
import { z } from "zod";

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use 24-hour HH:MM, e.g. 09:00");

/** ISO weekday: 1 = Monday ... 7 = Sunday. Times are the store's wall clock. */
export const weeklyWindowSchema = z
  .object({ weekday: z.number().int().min(1).max(7), start: hhmm, end: hhmm })
  .refine((w) => w.end > w.start, { message: "A window must end after it starts", path: ["end"] });
export type WeeklyWindow = z.infer<typeof weeklyWindowSchema>;

export type WindowInstance = { key: string; startsAt: Date; endsAt: Date };

const at = (day: DateTime, time: string) => {
  const [hour, minute] = time.split(":").map(Number);
  return day.set({ hour, minute, second: 0, millisecond: 0 });
};

function instance(day: DateTime, w: WeeklyWindow): WindowInstance {
  const start = at(day, w.start);
  return { key: `${day.toISODate()}T${w.start}`, startsAt: start.toJSDate(), endsAt: at(day, w.end).toJSDate() };
}

/** The store's calendar day (YYYY-MM-DD) at an instant: the unit of "one per store day". */
export function storeDay(now: Date, timeZone: string): string {
  return DateTime.fromJSDate(now, { zone: timeZone }).toISODate()!;
}

export function storeClock(now: Date, timeZone: string) {
  const t = DateTime.fromJSDate(now, { zone: timeZone });
  return { date: t.toISODate()!, weekday: t.weekday, hour: t.hour, minute: t.minute, offsetMinutes: t.offset };
}

/** The window instance that contains `now`, if any. */
export function activeWindow(windows: WeeklyWindow[], now: Date, timeZone: string): WindowInstance | null {
  const day = DateTime.fromJSDate(now, { zone: timeZone }).startOf("day");
  for (const w of windows) {
    if (w.weekday !== day.weekday) continue;
    const inst = instance(day, w);
    if (now >= inst.startsAt && now < inst.endsAt) return inst;
  }
  return null;
}

/** The next `count` window instances that end after `from`, in order. */
export function upcomingWindows(windows: WeeklyWindow[], from: Date, timeZone: string, count = 5): WindowInstance[] {
  if (windows.length === 0) return [];
  const out: WindowInstance[] = [];
  let day = DateTime.fromJSDate(from, { zone: timeZone }).startOf("day");
  for (let i = 0; out.length < count && i < 7 * (count + 1); i++, day = day.plus({ days: 1 })) {
    const today = windows
      .filter((w) => w.weekday === day.weekday)
      .map((w) => instance(day, w))
      .filter((inst) => inst.endsAt > from)
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    out.push(...today);
  }
  return out.slice(0, count);
}

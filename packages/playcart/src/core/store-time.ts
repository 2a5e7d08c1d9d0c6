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

// The last store day worked out per zone: the instants it runs between, its weekday, and its
// UTC offset when that holds all day. A play asks for the store's day and clock several
// times, and luxon's zone arithmetic (Intl) was a few percent of a play's CPU. An instant
// between the same two midnights has the same day, exactly, whatever the zone's rules.
type StoreDate = { from: number; to: number; date: string; weekday: number; offsetMinutes: number | null };
const lastDays = new Map<string, StoreDate>();

function storeDate(now: Date, timeZone: string): StoreDate | null {
  const at = now.getTime();
  const last = lastDays.get(timeZone);
  if (last && at >= last.from && at < last.to) return last;
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (!local.isValid) return null;
  // The next day's own start, not this one's plus 24 hours: a day whose midnight the clocks
  // skip (Santiago's) starts at 01:00, and the day after it at 00:00 again.
  const start = local.startOf("day");
  const to = local.plus({ days: 1 }).startOf("day").toMillis();
  const endOffset = DateTime.fromMillis(to - 1, { zone: timeZone }).offset;
  const day: StoreDate = {
    from: start.toMillis(),
    to,
    date: local.toISODate()!,
    weekday: local.weekday,
    // A day the clocks change in has no one offset: its clock is worked out by luxon each time.
    offsetMinutes: start.offset === endOffset ? endOffset : null,
  };
  lastDays.set(timeZone, day);
  return day;
}

/** The store's calendar day (YYYY-MM-DD) at an instant: the unit of "one per store day". */
export function storeDay(now: Date, timeZone: string): string {
  return storeDate(now, timeZone)?.date ?? DateTime.fromJSDate(now, { zone: timeZone }).toISODate()!;
}

export function storeClock(now: Date, timeZone: string) {
  const day = storeDate(now, timeZone);
  if (day && day.offsetMinutes !== null) {
    const wallMs = now.getTime() + day.offsetMinutes * 60_000;
    const minuteOfDay = Math.floor((((wallMs % 86_400_000) + 86_400_000) % 86_400_000) / 60_000);
    return {
      date: day.date,
      weekday: day.weekday,
      hour: Math.floor(minuteOfDay / 60),
      minute: minuteOfDay % 60,
      offsetMinutes: day.offsetMinutes,
    };
  }
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

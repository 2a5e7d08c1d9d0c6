// When reminders go out: steps after abandonment, moved out of quiet hours in store time
// (luxon keeps wall-clock hours across daylight-saving changes), and a retry backoff.
import { DateTime } from "luxon";
import { z } from "zod";
import type { ReminderStep } from "../core/schema.ts";

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
export const quietHoursSchema = z.object({ start: hhmm, end: hhmm });
export type QuietHours = z.infer<typeof quietHoursSchema>;

export const DEFAULT_QUIET_HOURS: QuietHours = { start: "21:00", end: "08:00" };
/** 1 h, 24 h and 72 h after abandonment; a discount only in the last. */
export const DEFAULT_STEPS: ReminderStep[] = [
  { afterMinutes: 60 },
  { afterMinutes: 24 * 60 },
  { afterMinutes: 72 * 60, discountPercent: 10 },
];
export const DEFAULT_ABANDON_AFTER_MINUTES = 60;
export const CONTACT_GAP_HOURS = 24;

export const reminderStepsSchema = z
  .array(
    z.object({
      afterMinutes: z
        .number()
        .int()
        .min(1)
        .max(60 * 24 * 60),
      discountPercent: z.number().int().min(1).max(90).optional(),
    }),
  )
  .min(1)
  .max(10);

const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));

/** Whether an instant falls inside the quiet hours, read on the store's wall clock. */
export function inQuietHours(at: Date, quiet: QuietHours, timeZone: string): boolean {
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  const m = local.hour * 60 + local.minute;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  return start < end ? m >= start && m < end : m >= start || m < end;
}

/** The instant itself, or the end of the quiet hours it falls in (store wall clock). */
export function outOfQuietHours(at: Date, quiet: QuietHours, timeZone: string): Date {
  if (!inQuietHours(at, quiet, timeZone)) return at;
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  const [hour, minute] = quiet.end.split(":").map(Number);
  let end = local.set({ hour, minute, second: 0, millisecond: 0 });
  if (end <= local) end = end.plus({ days: 1 });
  return end.toJSDate();
}

/** Due times for a sequence's steps after a cart was abandoned. */
export function reminderDueTimes(abandonedAt: Date, steps: ReminderStep[], quiet: QuietHours, timeZone: string) {
  return steps.map((s, i) => ({
    step: i + 1,
    discountPercent: s.discountPercent ?? null,
    dueAt: outOfQuietHours(new Date(abandonedAt.getTime() + s.afterMinutes * 60_000), quiet, timeZone),
  }));
}

export const MAX_SEND_ATTEMPTS = 5;

/** Exponential backoff with jitter for a transient send failure: 1, 2, 4, 8 minutes (± 20%). */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = 60_000 * 2 ** Math.max(0, attempt - 1);
  return Math.round(base * (0.8 + 0.4 * random()));
}

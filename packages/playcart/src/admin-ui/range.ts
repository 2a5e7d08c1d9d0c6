// The KPI page's and CSV export's date range: store days (YYYY-MM-DD) in the store's time
// zone, inclusive, read from the query string; the last 30 days by default.
import { DateTime } from "luxon";
import { z } from "zod";
import type { KpiRange } from "../index.ts";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const query = z.object({ from: day.optional(), to: day.optional(), campaign: z.uuid().optional() });

export type ParsedRange = { range: KpiRange; fromDay: string; toDay: string; error: string | null };

export function readRange(
  params: Record<string, string | string[] | undefined>,
  clock: { now: Date; timeZone: string },
): ParsedRange {
  const zone = clock.timeZone;
  const today = DateTime.fromJSDate(clock.now, { zone }).startOf("day");
  const flat = Object.fromEntries(
    Object.entries(params)
      .map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])
      .filter(([, v]) => v),
  );
  const parsed = query.safeParse(flat);
  let error: string | null = parsed.success ? null : "Dates must look like 2026-11-21; showing the last 30 days.";
  let from = today.minus({ days: 29 });
  let to = today;
  if (parsed.success && parsed.data.from && parsed.data.to) {
    const f = DateTime.fromISO(parsed.data.from, { zone });
    const t = DateTime.fromISO(parsed.data.to, { zone });
    if (!f.isValid || !t.isValid) error = "Those dates do not exist; showing the last 30 days.";
    else if (t < f) error = "The range ends before it starts; showing the last 30 days.";
    else if (t.diff(f, "days").days > 366) error = "At most a year at a time; showing the last 30 days.";
    else [from, to] = [f, t];
  }
  return {
    range: {
      from: from.toJSDate(),
      to: to.plus({ days: 1 }).toJSDate(),
      timeZone: zone,
      campaignId: parsed.success ? (parsed.data.campaign ?? null) : null,
    },
    fromDay: from.toISODate()!,
    toDay: to.toISODate()!,
    error,
  };
}

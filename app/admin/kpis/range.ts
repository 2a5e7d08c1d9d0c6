// The KPI page's and CSV export's date range: store days (YYYY-MM-DD) in the store's time
// zone, inclusive, read from the query string; the last 30 days by default.
import "server-only";
import { DateTime } from "luxon";
import type { KpiRange } from "playcart";
import { z } from "zod";
import { env } from "@/lib/env";
import { storeNow } from "@/lib/store/clock";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const query = z.object({ from: day.optional(), to: day.optional(), campaign: z.uuid().optional() });

export type ParsedRange = { range: KpiRange; fromDay: string; toDay: string; error: string | null };

export async function readRange(params: Record<string, string | string[] | undefined>): Promise<ParsedRange> {
  const zone = env().STORE_TIMEZONE;
  const today = DateTime.fromJSDate(await storeNow(), { zone }).startOf("day");
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

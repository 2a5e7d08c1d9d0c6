"use client";

// A campaign that repeats every year: the month and day it starts (midnight, store time) and
// how many store days it runs, with the run under way or next (packages/playcart/src/games/schedule-preview.ts)
// shown as the owner edits them.
import { DateTime } from "luxon";
import type { CampaignSeason } from "../../client.ts";
import { monthName, previewSeason } from "../../client.ts";
import { Field, inputClass } from "./field.tsx";

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/**
 * The season a campaign's fixed dates suggest when the owner makes it repeat: their start day
 * and length in store days (a week from today without dates).
 */
export function seasonFromDates(
  startsAt: string | null,
  endsAt: string | null,
  now: string,
  timeZone: string,
): CampaignSeason {
  const start = DateTime.fromISO(startsAt ?? now, { zone: timeZone }).startOf("day");
  const days =
    startsAt && endsAt ? Math.ceil(DateTime.fromISO(endsAt, { zone: timeZone }).diff(start, "days").days) : 7;
  return { month: start.month, day: start.day, days: Math.min(366, Math.max(1, days)) };
}

export function SeasonEditor({
  season,
  onChange,
  timeZone,
  now,
  errors,
}: {
  season: CampaignSeason;
  onChange: (s: CampaignSeason) => void;
  timeZone: string;
  now: string;
  errors: Record<string, string>;
}) {
  const set = (patch: Partial<CampaignSeason>) => onChange({ ...season, ...patch });
  const next = previewSeason(season, new Date(now), timeZone);
  return (
    <div className="playcart-admin-grid">
      <Field label="Start month" error={errors["season.month"]}>
        {(a) => (
          <select
            {...a}
            value={season.month}
            onChange={(e) => set({ month: Number(e.target.value) })}
            className={inputClass}
          >
            {MONTHS.map((m) => (
              <option key={m} value={m}>
                {monthName(m)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Start day" error={errors["season.day"]} hint={`From midnight, store time (${timeZone}).`}>
        {(a) => (
          <input
            {...a}
            inputMode="numeric"
            value={String(season.day)}
            onChange={(e) => set({ day: Number(e.target.value) })}
            className={inputClass}
          />
        )}
      </Field>
      <Field label="Number of days" error={errors["season.days"]} hint="Store days, 1 to 366.">
        {(a) => (
          <input
            {...a}
            inputMode="numeric"
            value={String(season.days)}
            onChange={(e) => set({ days: Number(e.target.value) })}
            className={inputClass}
          />
        )}
      </Field>
      <p className="playcart-admin-small playcart-admin-span-all" data-testid="season-next">
        {next
          ? `${next.underway ? "Running now" : "Next run"}: ${next.label}`
          : "Fix the start and length to see the next run."}
      </p>
    </div>
  );
}

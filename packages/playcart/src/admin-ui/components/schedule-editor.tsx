"use client";

import type { WeeklyWindow } from "../../client.ts";
// Weekly windows in store time and the campaign's dates, with the next five windows shown in
// the store's time zone (packages/playcart/src/games/schedule-preview.ts) as the owner edits them.
import { previewWindows } from "../../client.ts";
import { inputClass } from "./field.tsx";

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

export function ScheduleEditor({
  windows,
  onChange,
  timeZone,
  now,
  startsAt,
  endsAt,
  errors,
}: {
  windows: WeeklyWindow[];
  onChange: (w: WeeklyWindow[]) => void;
  timeZone: string;
  now: string;
  startsAt: string | null;
  endsAt: string | null;
  errors: Record<string, string>;
}) {
  const set = (i: number, patch: Partial<WeeklyWindow>) =>
    onChange(windows.map((w, j) => (j === i ? { ...w, ...patch } : w)));
  // Only well-formed windows can be previewed; the errors below name the others.
  const valid = windows.filter((w) => /^\d\d:\d\d$/.test(w.start) && /^\d\d:\d\d$/.test(w.end) && w.end > w.start);
  let preview: ReturnType<typeof previewWindows> = [];
  try {
    preview = previewWindows({ windows: valid, startsAt, endsAt }, new Date(now), timeZone);
  } catch {
    preview = [];
  }
  return (
    <div className="playcart-admin-stack-sm">
      <p className="playcart-admin-small playcart-admin-muted">
        Times are the store&rsquo;s wall clock ({timeZone}). No windows: open whenever the campaign is live.
      </p>
      <ol className="playcart-admin-stack-sm">
        {windows.map((w, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: windows are plain posted values with no identity; their ids, labels and server errors are positional and every field is controlled
          <li key={i} className="playcart-admin-row playcart-admin-end">
            <div>
              <label
                htmlFor={`window-${i}-day`}
                className="playcart-admin-block playcart-admin-tiny playcart-admin-strong"
              >{`Window ${i + 1} day`}</label>
              <select
                id={`window-${i}-day`}
                value={w.weekday}
                onChange={(e) => set(i, { weekday: Number(e.target.value) })}
                className={inputClass}
              >
                {DAYS.map((d, k) => (
                  <option key={d} value={k + 1}>
                    {d}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label
                htmlFor={`window-${i}-start`}
                className="playcart-admin-block playcart-admin-tiny playcart-admin-strong"
              >{`Window ${i + 1} opens`}</label>
              <input
                id={`window-${i}-start`}
                type="time"
                value={w.start}
                onChange={(e) => set(i, { start: e.target.value })}
                className={inputClass}
                aria-invalid={Boolean(errors[`windows.${i}.start`])}
              />
            </div>
            <div>
              <label
                htmlFor={`window-${i}-end`}
                className="playcart-admin-block playcart-admin-tiny playcart-admin-strong"
              >{`Window ${i + 1} closes`}</label>
              <input
                id={`window-${i}-end`}
                type="time"
                value={w.end}
                onChange={(e) => set(i, { end: e.target.value })}
                className={inputClass}
                aria-invalid={Boolean(errors[`windows.${i}.end`])}
              />
            </div>
            <button
              type="button"
              onClick={() => onChange(windows.filter((_, j) => j !== i))}
              className="playcart-admin-small playcart-admin-error playcart-admin-link"
              aria-label={`Remove window ${i + 1}`}
            >
              Remove
            </button>
            {(errors[`windows.${i}.end`] || errors[`windows.${i}.start`]) && (
              <p className="playcart-admin-full playcart-admin-small playcart-admin-error">
                {errors[`windows.${i}.end`] ?? errors[`windows.${i}.start`]}
              </p>
            )}
          </li>
        ))}
      </ol>
      <button
        type="button"
        onClick={() => onChange([...windows, { weekday: 6, start: "09:00", end: "15:00" }])}
        className="playcart-admin-button-secondary playcart-admin-small playcart-admin-strong"
      >
        Add weekly window
      </button>
      {windows.length > 0 && (
        <div>
          <h4 className="playcart-admin-small playcart-admin-strong">Next five windows</h4>
          {preview.length ? (
            <ul
              aria-label="Next five windows"
              className="playcart-admin-bullets playcart-admin-small playcart-admin-num"
            >
              {preview.map((p) => (
                <li key={p.startsAt}>{p.label}</li>
              ))}
            </ul>
          ) : (
            <p className="playcart-admin-small playcart-admin-muted">
              No window opens within the campaign&rsquo;s dates.
            </p>
          )}
        </div>
      )}
    </div>
  );
}

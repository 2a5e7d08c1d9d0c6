"use client";

// The reminder sequence (idle time, then each reminder's delay and discount) and the store's
// quiet hours, when no reminder goes out.
import { useActionState, useState } from "react";
import { idle } from "../action-state.ts";
import { useAdminAction } from "./admin-actions.tsx";
import { Field, inputClass } from "./field.tsx";
import { FormMessage } from "./form-message.tsx";
import { SubmitButton } from "./submit-button.tsx";
import { adoptTyped } from "./typed-before-hydration.ts";
import { useFormDraft } from "./use-form-draft.ts";

type Step = { afterHours: string; discountPercent: string };

export function ReminderSequenceForm({
  sequence,
  statuses,
}: {
  sequence: {
    id: string;
    name: string;
    status: string;
    abandonAfterMinutes: number;
    steps: { afterMinutes: number; discountPercent?: number }[];
  };
  statuses: readonly string[];
}) {
  const [state, action] = useActionState(useAdminAction("saveReminderSequence"), idle);
  const [steps, setSteps] = useState<Step[]>(
    sequence.steps.map((s) => ({
      afterHours: String(s.afterMinutes / 60),
      discountPercent: s.discountPercent ? String(s.discountPercent) : "",
    })),
  );
  const e = state.fieldErrors ?? {};
  const { bind } = useFormDraft({
    name: sequence.name,
    status: sequence.status,
    abandonAfterMinutes: String(sequence.abandonAfterMinutes),
  });
  // Hours are typed, minutes stored; an empty discount means none.
  const posted = steps.map((s) => ({
    afterMinutes: s.afterHours.trim() === "" ? null : Math.round(Number(s.afterHours) * 60),
    ...(s.discountPercent.trim() ? { discountPercent: Number(s.discountPercent) } : {}),
  }));
  // An update of the latest steps: several fields may adopt what was typed in one commit.
  const set = (i: number, patch: Partial<Step>) =>
    setSteps((current) => current.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <form action={action} noValidate className="playcart-admin-stack-sm">
      <input type="hidden" name="id" value={sequence.id} />
      <input type="hidden" name="steps" value={JSON.stringify(posted)} />
      <div className="playcart-admin-grid">
        <Field label="Name" error={e.name}>
          {(a) => <input {...a} {...bind("name")} className={inputClass} />}
        </Field>
        <Field label="Status" error={e.status}>
          {(a) => (
            <select {...a} {...bind("status")} className={inputClass}>
              {statuses.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Abandoned after (minutes idle)" error={e.abandonAfterMinutes}>
          {(a) => <input {...a} {...bind("abandonAfterMinutes")} inputMode="numeric" className={inputClass} />}
        </Field>
      </div>
      <fieldset className="playcart-admin-stack-sm">
        <legend className="playcart-admin-small playcart-admin-strong">Reminders, in order</legend>
        {steps.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: steps are added and removed only at the end; a step is its position
          <div key={i} className="playcart-admin-grid">
            <div>
              <label
                htmlFor={`step-${i}-hours`}
                className="playcart-admin-block playcart-admin-tiny playcart-admin-strong"
              >{`Reminder ${i + 1}: hours after abandonment`}</label>
              <input
                id={`step-${i}-hours`}
                inputMode="decimal"
                value={s.afterHours}
                ref={adoptTyped(s.afterHours, (value) => set(i, { afterHours: value }))}
                aria-invalid={Boolean(e[`steps.${i}.afterMinutes`])}
                onChange={(ev) => set(i, { afterHours: ev.target.value })}
                className={inputClass}
              />
              {e[`steps.${i}.afterMinutes`] && (
                <p className="playcart-admin-small playcart-admin-error">{e[`steps.${i}.afterMinutes`]}</p>
              )}
            </div>
            <div>
              <label
                htmlFor={`step-${i}-discount`}
                className="playcart-admin-block playcart-admin-tiny playcart-admin-strong"
              >{`Reminder ${i + 1}: discount % (optional)`}</label>
              <input
                id={`step-${i}-discount`}
                inputMode="numeric"
                value={s.discountPercent}
                ref={adoptTyped(s.discountPercent, (value) => set(i, { discountPercent: value }))}
                aria-invalid={Boolean(e[`steps.${i}.discountPercent`])}
                onChange={(ev) => set(i, { discountPercent: ev.target.value })}
                className={inputClass}
              />
              {e[`steps.${i}.discountPercent`] && (
                <p className="playcart-admin-small playcart-admin-error">{e[`steps.${i}.discountPercent`]}</p>
              )}
            </div>
          </div>
        ))}
        <div className="playcart-admin-row playcart-admin-small">
          {steps.length < 10 && (
            <button
              type="button"
              className="playcart-admin-link"
              onClick={() => setSteps([...steps, { afterHours: "", discountPercent: "" }])}
            >
              Add reminder
            </button>
          )}
          {steps.length > 1 && (
            <button
              type="button"
              className="playcart-admin-error playcart-admin-link"
              onClick={() => setSteps(steps.slice(0, -1))}
            >
              Remove last reminder
            </button>
          )}
        </div>
        {e.steps && <p className="playcart-admin-small playcart-admin-error">{e.steps}</p>}
      </fieldset>
      <div className="playcart-admin-row">
        <SubmitButton pendingLabel="Saving…">Save sequence</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

export function QuietHoursForm({ quiet, timeZone }: { quiet: { start: string; end: string }; timeZone: string }) {
  const [state, action] = useActionState(useAdminAction("saveQuietHours"), idle);
  const e = state.fieldErrors ?? {};
  const { bind } = useFormDraft({ start: quiet.start, end: quiet.end });
  return (
    <form action={action} noValidate className="playcart-admin-stack-sm">
      <div className="playcart-admin-grid">
        <Field label={`Quiet from (${timeZone})`} error={e.start} hint="24-hour time, e.g. 21:00">
          {(a) => <input {...a} {...bind("start")} className={inputClass} />}
        </Field>
        <Field label={`Quiet until (${timeZone})`} error={e.end} hint="24-hour time, e.g. 08:00">
          {(a) => <input {...a} {...bind("end")} className={inputClass} />}
        </Field>
      </div>
      <div className="playcart-admin-row">
        <SubmitButton pendingLabel="Saving…">Save quiet hours</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { idle } from "../action-state.ts";
import { useAdminAction } from "./admin-actions.tsx";
import { Field, inputClass } from "./field.tsx";
import { FormMessage } from "./form-message.tsx";
import { SubmitButton } from "./submit-button.tsx";
import { useFormDraft } from "./use-form-draft.ts";

export type PointsSettingsValues = {
  pointsExpiryDays: number;
  returnWindowDays: number;
  expiryReminderDays: number;
  /** In currency units per point ("0.01"). */
  pointValue: string;
};

/** Expiry of points, the return window that keeps an order's points pending, reminders and a point's value. */
export function PointsSettingsForm({ values, currency }: { values: PointsSettingsValues; currency: string }) {
  const [state, action] = useActionState(useAdminAction("savePointsSettings"), idle);
  const errors = state.fieldErrors ?? {};
  const { bind } = useFormDraft({
    pointsExpiryDays: String(values.pointsExpiryDays),
    returnWindowDays: String(values.returnWindowDays),
    expiryReminderDays: String(values.expiryReminderDays),
    pointValue: values.pointValue,
  });
  const fields: [name: keyof PointsSettingsValues, label: string, hint: string][] = [
    ["pointsExpiryDays", "Points expire after (days)", "Counted from when each lot is earned; 0: never."],
    ["returnWindowDays", "Return window (days)", "An order's points stay pending this long; 0: available at once."],
    [
      "expiryReminderDays",
      "Remind before expiry (days)",
      "Email and rewards panel; only shoppers who agreed to email.",
    ],
    [
      "pointValue",
      `Value of one point (${currency.toUpperCase()})`,
      "For the liability and what shoppers see; points already earned keep their value.",
    ],
  ];
  return (
    <form action={action} noValidate className="playcart-admin-stack">
      <div className="playcart-admin-grid">
        {fields.map(([name, label, hint]) => (
          <Field key={name} label={label} hint={hint} error={errors[name]}>
            {(a) => (
              <input
                {...a}
                {...bind(name)}
                inputMode={name === "pointValue" ? "decimal" : "numeric"}
                className={inputClass}
              />
            )}
          </Field>
        ))}
      </div>
      <div className="playcart-admin-row">
        <SubmitButton pendingLabel="Saving…">Save points settings</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

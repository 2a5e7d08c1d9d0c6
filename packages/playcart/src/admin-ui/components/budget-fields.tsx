"use client";

// The campaign's budget in the editor: a total and a daily budget typed in the store's
// currency, and the meter of what its wins have cost so far.
import type { BudgetMeter as Meter } from "../../client.ts";
import { BudgetMeter } from "./budget-meter.tsx";
import { Field, inputClass } from "./field.tsx";

export type BudgetText = { total: string; daily: string };

// Each input: the text it edits, its label, the draft field its errors come back under, a hint.
const FIELDS = [
  ["total", "Total budget", "budgetTotalMinor", "Empty: no total budget."],
  ["daily", "Daily budget", "budgetDailyMinor", "Per store day. Empty: none."],
] as const;

export function BudgetFields({
  value,
  onChange,
  currency,
  errors,
  meter,
  spentOut,
}: {
  value: BudgetText;
  onChange: (value: BudgetText) => void;
  currency: string;
  errors: Record<string, string>;
  /** The stored campaign's spend (null for a new one). */
  meter: Meter | null;
  /** Why the stored campaign can give no more costly wins, if it cannot. */
  spentOut: "total" | "daily" | null;
}) {
  const code = currency.toUpperCase();
  return (
    <div className="playcart-admin-stack-sm">
      <p className="playcart-admin-small playcart-admin-muted">
        A win costs its prize's cost per win. When the total cannot pay for another win, the campaign pauses itself;
        when today's budget cannot, it is not offered again until tomorrow (store time).
      </p>
      <div className="playcart-admin-grid">
        {FIELDS.map(([key, label, error, hint]) => (
          <Field key={key} label={`${label} (${code})`} error={errors[error]} hint={hint}>
            {(a) => (
              <input
                {...a}
                inputMode="decimal"
                placeholder="No limit"
                value={value[key]}
                onChange={(e) => onChange({ ...value, [key]: e.target.value })}
                className={inputClass}
              />
            )}
          </Field>
        ))}
      </div>
      {meter && <BudgetMeter meter={meter} currency={currency} />}
      {spentOut && (
        <p role="status" className="playcart-admin-small playcart-admin-strong playcart-admin-error">
          {spentOut === "total"
            ? "The total budget is spent: the campaign is paused. Raise the budget to resume it."
            : "Today's budget is spent: the game is offered again tomorrow."}
        </p>
      )}
    </div>
  );
}

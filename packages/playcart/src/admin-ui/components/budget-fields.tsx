"use client";

// The campaign's budget in the editor: a total and a daily budget typed in the store's
// currency, and the meter of what its wins have cost so far.
import type { BudgetMeter as Meter } from "../../client.ts";
import { BudgetMeter } from "./budget-meter.tsx";
import { Field, inputClass } from "./field.tsx";

export type BudgetText = { total: string; daily: string };

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
        <Field label={`Total budget (${code})`} error={errors.budgetTotalMinor} hint="Empty: no total budget.">
          {(a) => (
            <input
              {...a}
              inputMode="decimal"
              placeholder="No limit"
              value={value.total}
              onChange={(e) => onChange({ ...value, total: e.target.value })}
              className={inputClass}
            />
          )}
        </Field>
        <Field label={`Daily budget (${code})`} error={errors.budgetDailyMinor} hint="Per store day. Empty: none.">
          {(a) => (
            <input
              {...a}
              inputMode="decimal"
              placeholder="No limit"
              value={value.daily}
              onChange={(e) => onChange({ ...value, daily: e.target.value })}
              className={inputClass}
            />
          )}
        </Field>
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

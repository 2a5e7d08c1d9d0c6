"use client";

// Forecast before launch: the owner picks how many past days to replay (and, optionally, a
// play rate and a budget to burn against); the server replays the stored campaign over the
// store's real checkout visits and returns the expected figures per store day.
import { useActionState } from "react";
import type { ForecastDay } from "../../insights/index.ts";
import { idle } from "../action-state.ts";
import { money, percent } from "../format.ts";
import { useAdminAction } from "./admin-actions.tsx";
import { Field, inputClass } from "./field.tsx";
import { FormMessage } from "./form-message.tsx";
import { SubmitButton } from "./submit-button.tsx";
import { useFormDraft } from "./use-form-draft.ts";

const figure = (x: number) => x.toFixed(1);
const STOPPED: Record<NonNullable<ForecastDay["stoppedBy"]>, string> = {
  sold_out: "prizes sold out",
  budget: "budget spent: paused",
  daily_budget: "daily budget spent",
};

export function ForecastPanel({ campaignId, currency }: { campaignId: string; currency: string }) {
  const [state, action] = useActionState(useAdminAction("forecastCampaign"), idle);
  const errors = state.fieldErrors ?? {};
  const { bind } = useFormDraft({ days: "14", playRate: "100", totalBudget: "", dailyBudget: "" });
  const f = state.forecast;
  const cost = (minor: number) => money(Math.round(minor), currency);
  const budgeted = f?.days.some((d) => d.budgetLeftMinor !== null || d.dailyBudgetShare !== null);
  return (
    <section aria-labelledby="forecast-heading" className="playcart-admin-card playcart-admin-stack">
      <h2 id="forecast-heading" className="playcart-admin-heading">
        Forecast
      </h2>
      <p className="playcart-admin-small playcart-admin-muted">
        Replays this campaign, with its odds, audience, windows and plays per shopper as saved, over the store&apos;s
        real checkout visits of the last days. Figures are expected values; nothing is drawn or spent.
      </p>
      <form action={action} className="playcart-admin-grid">
        <input type="hidden" name="id" value={campaignId} />
        <Field label="Days to replay" error={errors.days}>
          {(p) => (
            <select {...p} {...bind("days")} className={inputClass}>
              <option value="7">Last 7 days</option>
              <option value="14">Last 14 days</option>
              <option value="30">Last 30 days</option>
            </select>
          )}
        </Field>
        <Field label="Play rate (%)" error={errors.playRate} hint="Share of their plays an offered shopper uses">
          {(p) => <input {...p} {...bind("playRate")} inputMode="numeric" className={inputClass} />}
        </Field>
        <Field
          label={`Forecast total budget (${currency.toUpperCase()})`}
          error={errors.totalBudget}
          hint="Empty: the campaign's own"
        >
          {(p) => <input {...p} {...bind("totalBudget")} inputMode="decimal" className={inputClass} />}
        </Field>
        <Field
          label={`Forecast daily budget (${currency.toUpperCase()})`}
          error={errors.dailyBudget}
          hint="Empty: the campaign's own"
        >
          {(p) => <input {...p} {...bind("dailyBudget")} inputMode="decimal" className={inputClass} />}
        </Field>
        <div className="playcart-admin-span-all">
          <SubmitButton pendingLabel="Forecasting…">Run forecast</SubmitButton>
        </div>
      </form>
      <FormMessage state={state} />
      {f && (
        <div className="playcart-admin-scroll">
          <table className="playcart-admin-full playcart-admin-small" aria-label="Forecast per day">
            <caption className="playcart-admin-tiny playcart-admin-muted">
              {f.from} to {f.to}, store time. Plays assume a {percent(f.assumptions.playRate, 0)} play rate and a{" "}
              {f.assumptions.holdoutPercent}% holdout; no other campaign at the placement competes.
              {f.budgetSpentOn && ` The total budget runs out on ${f.budgetSpentOn}.`}
            </caption>
            <thead className="playcart-admin-muted">
              <tr>
                <th className="playcart-admin-normal">Day</th>
                <th className="playcart-admin-normal">Visits</th>
                <th className="playcart-admin-normal">Shoppers</th>
                <th className="playcart-admin-normal">Plays</th>
                <th className="playcart-admin-normal">Wins</th>
                <th className="playcart-admin-normal">Reward cost</th>
                {budgeted && <th className="playcart-admin-normal">Budget</th>}
              </tr>
            </thead>
            <tbody className="playcart-admin-divided">
              {f.days.map((d) => (
                <tr key={d.day} data-testid={`forecast-${d.day}`}>
                  <th scope="row" className="playcart-admin-normal">
                    {d.day}
                  </th>
                  <td className="playcart-admin-num">{d.visits}</td>
                  <td className="playcart-admin-num">{d.shoppers}</td>
                  <td className="playcart-admin-num">{figure(d.plays)}</td>
                  <td className="playcart-admin-num">{figure(d.wins)}</td>
                  <td className="playcart-admin-num">{cost(d.costMinor)}</td>
                  {budgeted && (
                    <td>
                      {[
                        d.budgetLeftMinor !== null && `${cost(d.budgetLeftMinor)} left`,
                        d.dailyBudgetShare !== null && `${percent(d.dailyBudgetShare, 0)} of daily`,
                        d.stoppedBy && STOPPED[d.stoppedBy],
                      ]
                        .filter(Boolean)
                        .join(" · ")}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr data-testid="forecast-total">
                <th scope="row" className="playcart-admin-strong">
                  Total
                </th>
                <td className="playcart-admin-num">{f.totals.visits}</td>
                <td className="playcart-admin-num">{f.totals.shoppers}</td>
                <td className="playcart-admin-num">{figure(f.totals.plays)}</td>
                <td className="playcart-admin-num">{figure(f.totals.wins)}</td>
                <td className="playcart-admin-num">{cost(f.totals.costMinor)}</td>
                {budgeted && <td />}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}

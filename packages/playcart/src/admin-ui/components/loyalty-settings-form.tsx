"use client";

import { useActionState, useState } from "react";
import { idle } from "../action-state.ts";
import { useAdminAction } from "./admin-actions.tsx";
import { Field, inputClass } from "./field.tsx";
import { FormMessage } from "./form-message.tsx";
import { SubmitButton } from "./submit-button.tsx";

type TierRow = { name: string; label: string; minSpend: string; earnMultiplier: string; playMultiplier: string };

/** Earn rate, tier window and tiers with their thresholds (in currency units). */
export function LoyaltySettingsForm({
  earnRate,
  tierWindowDays,
  tiers,
  currency,
}: {
  earnRate: number;
  tierWindowDays: number;
  tiers: TierRow[];
  currency: string;
}) {
  const [state, action] = useActionState(useAdminAction("saveLoyaltySettings"), idle);
  const [rows, setRows] = useState(tiers);
  const [rate, setRate] = useState(String(earnRate));
  const [days, setDays] = useState(String(tierWindowDays));
  const errors = state.fieldErrors ?? {};
  const set = (i: number, patch: Partial<TierRow>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <form action={action} noValidate className="playcart-admin-stack">
      <input type="hidden" name="tiers" value={JSON.stringify(rows)} />
      <div className="playcart-admin-grid">
        <Field label={`Earn rate (points per ${currency.toUpperCase()} paid)`} error={errors.earnRate}>
          {(a) => (
            <input
              {...a}
              name="earnRate"
              inputMode="decimal"
              value={rate}
              onChange={(e) => setRate(e.target.value)}
              className={inputClass}
            />
          )}
        </Field>
        <Field label="Tier window (days of trailing spend)" error={errors.tierWindowDays}>
          {(a) => (
            <input
              {...a}
              name="tierWindowDays"
              inputMode="numeric"
              value={days}
              onChange={(e) => setDays(e.target.value)}
              className={inputClass}
            />
          )}
        </Field>
      </div>
      <fieldset className="playcart-admin-stack-sm">
        <legend className="playcart-admin-small playcart-admin-strong">Tiers, lowest first</legend>
        {rows.map((t, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: tiers are added and removed only at the end, and their editable key cannot be the React key
          <div key={i} className="playcart-admin-grid">
            <div>
              <label
                htmlFor={`tier-${i}-label`}
                className="playcart-admin-block playcart-admin-tiny playcart-admin-strong"
              >{`Tier ${i + 1} name`}</label>
              <input
                id={`tier-${i}-label`}
                value={t.label}
                onChange={(e) => set(i, { label: e.target.value })}
                className={inputClass}
              />
            </div>
            <div>
              <label
                htmlFor={`tier-${i}-key`}
                className="playcart-admin-block playcart-admin-tiny playcart-admin-strong"
              >{`Tier ${i + 1} key`}</label>
              <input
                id={`tier-${i}-key`}
                value={t.name}
                onChange={(e) => set(i, { name: e.target.value })}
                className={inputClass}
              />
            </div>
            <div>
              <label
                htmlFor={`tier-${i}-min`}
                className="playcart-admin-block playcart-admin-tiny playcart-admin-strong"
              >{`Tier ${i + 1} from (${currency.toUpperCase()})`}</label>
              <input
                id={`tier-${i}-min`}
                inputMode="decimal"
                value={t.minSpend}
                onChange={(e) => set(i, { minSpend: e.target.value })}
                className={inputClass}
              />
            </div>
            <div>
              <label
                htmlFor={`tier-${i}-earn`}
                className="playcart-admin-block playcart-admin-tiny playcart-admin-strong"
              >{`Tier ${i + 1} points multiplier`}</label>
              <input
                id={`tier-${i}-earn`}
                inputMode="decimal"
                value={t.earnMultiplier}
                onChange={(e) => set(i, { earnMultiplier: e.target.value })}
                className={inputClass}
              />
            </div>
            <div>
              <label
                htmlFor={`tier-${i}-play`}
                className="playcart-admin-block playcart-admin-tiny playcart-admin-strong"
              >{`Tier ${i + 1} plays multiplier`}</label>
              <input
                id={`tier-${i}-play`}
                inputMode="decimal"
                value={t.playMultiplier}
                onChange={(e) => set(i, { playMultiplier: e.target.value })}
                className={inputClass}
              />
            </div>
          </div>
        ))}
        <div className="playcart-admin-row playcart-admin-small">
          <button
            type="button"
            className="playcart-admin-link"
            onClick={() =>
              setRows([...rows, { name: "", label: "", minSpend: "", earnMultiplier: "1", playMultiplier: "1" }])
            }
          >
            Add tier
          </button>
          {rows.length > 1 && (
            <button
              type="button"
              className="playcart-admin-error playcart-admin-link"
              onClick={() => setRows(rows.slice(0, -1))}
            >
              Remove last tier
            </button>
          )}
        </div>
        {Object.entries(errors)
          .filter(([k]) => k.startsWith("tiers"))
          .map(([k, v]) => (
            <p key={k} className="playcart-admin-small playcart-admin-error">
              {v}
            </p>
          ))}
      </fieldset>
      <div className="playcart-admin-row">
        <SubmitButton pendingLabel="Saving…">Save settings</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

"use client";

import { useActionState, useState } from "react";
import { idle } from "../action-state.ts";
import { useAdminAction } from "./admin-actions.tsx";
import { Field, inputClass } from "./field.tsx";
import { FormMessage } from "./form-message.tsx";
import { SubmitButton } from "./submit-button.tsx";
import { adoptTyped } from "./typed-before-hydration.ts";
import { useFormDraft } from "./use-form-draft.ts";

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
  const { bind } = useFormDraft({ earnRate: String(earnRate), tierWindowDays: String(tierWindowDays) });
  const errors = state.fieldErrors ?? {};
  // An update of the latest rows: several fields may adopt what was typed in one commit.
  const set = (i: number, patch: Partial<TierRow>) =>
    setRows((current) => current.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  // The props a tier row's field takes: its value, and what typing or typing early changes.
  const tierField = (i: number, key: keyof TierRow) => ({
    value: rows[i][key],
    onChange: (e: { target: { value: string } }) => set(i, { [key]: e.target.value }),
    ref: adoptTyped(rows[i][key], (value) => set(i, { [key]: value })),
  });
  return (
    <form action={action} noValidate className="playcart-admin-stack">
      <input type="hidden" name="tiers" value={JSON.stringify(rows)} />
      <div className="playcart-admin-grid">
        <Field label={`Earn rate (points per ${currency.toUpperCase()} paid)`} error={errors.earnRate}>
          {(a) => <input {...a} {...bind("earnRate")} inputMode="decimal" className={inputClass} />}
        </Field>
        <Field label="Tier window (days of trailing spend)" error={errors.tierWindowDays}>
          {(a) => <input {...a} {...bind("tierWindowDays")} inputMode="numeric" className={inputClass} />}
        </Field>
      </div>
      <fieldset className="playcart-admin-stack-sm">
        <legend className="playcart-admin-small playcart-admin-strong">Tiers, lowest first</legend>
        {rows.map((_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: tiers are added and removed only at the end, and their editable key cannot be the React key
          <div key={i} className="playcart-admin-grid">
            <div>
              <label
                htmlFor={`tier-${i}-label`}
                className="playcart-admin-block playcart-admin-tiny playcart-admin-strong"
              >{`Tier ${i + 1} name`}</label>
              <input id={`tier-${i}-label`} {...tierField(i, "label")} className={inputClass} />
            </div>
            <div>
              <label
                htmlFor={`tier-${i}-key`}
                className="playcart-admin-block playcart-admin-tiny playcart-admin-strong"
              >{`Tier ${i + 1} key`}</label>
              <input id={`tier-${i}-key`} {...tierField(i, "name")} className={inputClass} />
            </div>
            <div>
              <label
                htmlFor={`tier-${i}-min`}
                className="playcart-admin-block playcart-admin-tiny playcart-admin-strong"
              >{`Tier ${i + 1} from (${currency.toUpperCase()})`}</label>
              <input id={`tier-${i}-min`} inputMode="decimal" {...tierField(i, "minSpend")} className={inputClass} />
            </div>
            <div>
              <label
                htmlFor={`tier-${i}-earn`}
                className="playcart-admin-block playcart-admin-tiny playcart-admin-strong"
              >{`Tier ${i + 1} points multiplier`}</label>
              <input
                id={`tier-${i}-earn`}
                inputMode="decimal"
                {...tierField(i, "earnMultiplier")}
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
                {...tierField(i, "playMultiplier")}
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

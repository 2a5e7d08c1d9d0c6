"use client";

// The store's terms for its games' official rules: the sponsor (legal name and address), who
// may play (minimum age, territories) and the market's wording ("win", or "gift" where a gift
// must not be called a win, as the UK's CAP Code 8.19 asks).
import { useActionState } from "react";
import type { StoreTerms } from "../../client.ts";
import { idle } from "../action-state.ts";
import { useAdminAction } from "./admin-actions.tsx";
import { Field, inputClass } from "./field.tsx";
import { FormMessage } from "./form-message.tsx";
import { SubmitButton } from "./submit-button.tsx";
import { useFormDraft } from "./use-form-draft.ts";

export function StoreTermsForm({ terms }: { terms: StoreTerms }) {
  const [state, action] = useActionState(useAdminAction("saveStoreTerms"), idle);
  const errors = state.fieldErrors ?? {};
  const { bind } = useFormDraft({
    sponsorName: terms.sponsorName,
    sponsorAddress: terms.sponsorAddress,
    minAge: terms.minAge === null ? "" : String(terms.minAge),
    territories: terms.territories,
    wording: terms.wording,
  });
  return (
    <form action={action} noValidate className="playcart-admin-stack">
      <div className="playcart-admin-grid">
        <Field
          label="Sponsor's legal name"
          error={errors.sponsorName}
          hint="Named as the sponsor in every game's rules."
        >
          {(a) => <input {...a} {...bind("sponsorName")} className={inputClass} />}
        </Field>
        <Field label="Sponsor's address" error={errors.sponsorAddress}>
          {(a) => <textarea {...a} {...bind("sponsorAddress")} rows={2} className={inputClass} />}
        </Field>
        <Field label="Minimum age" error={errors.minAge} hint="Empty: no age limit stated.">
          {(a) => <input {...a} {...bind("minAge")} inputMode="numeric" className={inputClass} />}
        </Field>
        <Field label="Open to residents of" error={errors.territories} hint="e.g. the United Kingdom. Empty: anyone.">
          {(a) => <input {...a} {...bind("territories")} className={inputClass} />}
        </Field>
        <Field
          label="Prize wording"
          error={errors.wording}
          hint="Where a prize every player gets must not be called a win (UK CAP Code 8.19), choose gifts."
        >
          {(a) => (
            <select {...a} {...bind("wording")} className={inputClass}>
              <option value="win">“You won …” (prizes)</option>
              <option value="gift">“Your gift: …” (gifts)</option>
            </select>
          )}
        </Field>
      </div>
      <div className="playcart-admin-row">
        <SubmitButton pendingLabel="Saving…">Save the rules' terms</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

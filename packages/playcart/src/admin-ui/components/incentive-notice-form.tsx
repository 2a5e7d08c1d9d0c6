"use client";

// The store's short notice of financial incentive, shown where shoppers join the programme.
import { useActionState, useState } from "react";
import { idle } from "../action-state.ts";
import { useAdminAction } from "./admin-actions.tsx";
import { Field, inputClass } from "./field.tsx";
import { FormMessage } from "./form-message.tsx";
import { SubmitButton } from "./submit-button.tsx";

export function IncentiveNoticeForm({ notice }: { notice: string }) {
  const save = useAdminAction("saveIncentiveNotice");
  const [state, action] = useActionState(save, idle);
  const [text, setText] = useState(notice);
  return (
    <form action={action} noValidate className="playcart-admin-stack-sm">
      <Field
        label="Notice of financial incentive"
        error={state.fieldErrors?.incentiveNotice}
        hint="Shown where a shopper joins (the first-order game's email step, sign-up, the rewards panel, a referral landing), with a link to the full notice."
      >
        {(a) => (
          <textarea
            {...a}
            name="incentiveNotice"
            rows={3}
            value={text}
            onChange={(e) => setText(e.target.value)}
            className={inputClass}
          />
        )}
      </Field>
      <div>
        <SubmitButton pendingLabel="Saving…" className="">
          Save notice
        </SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

"use client";

import { useActionState, useState } from "react";
import { idle } from "../action-state.ts";
import { useAdminAction } from "./admin-actions.tsx";
import { Field, inputClass } from "./field.tsx";
import { FormMessage } from "./form-message.tsx";
import { SubmitButton } from "./submit-button.tsx";
import { useFormDraft } from "./use-form-draft.ts";

const nonce = () =>
  crypto.randomUUID?.() ??
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");

/** A manual points adjustment: positive adds, negative removes; a reason is required. */
export function AdjustPointsForm({ customerId }: { customerId: string }) {
  const adjustPoints = useAdminAction("adjustPoints");
  const [state, action] = useActionState(async (prev: typeof idle, form: FormData) => {
    const next = await adjustPoints(prev, form);
    // A new nonce after each posted adjustment; a double click on one posts once.
    if (next.status === "ok") setRequestId(nonce());
    return next;
  }, idle);
  const [requestId, setRequestId] = useState(nonce);
  const { bind } = useFormDraft({ delta: "", reason: "" });
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="playcart-admin-grid">
      <input type="hidden" name="customerId" value={customerId} />
      <input type="hidden" name="requestId" value={requestId} />
      <Field label="Points" error={errors.delta} hint="e.g. 50 or -20">
        {(a) => <input {...a} {...bind("delta")} inputMode="numeric" className={inputClass} />}
      </Field>
      <Field label="Reason" error={errors.reason}>
        {(a) => <input {...a} {...bind("reason")} className={inputClass} />}
      </Field>
      <div className="">
        <SubmitButton pendingLabel="Posting…" className="">
          Adjust points
        </SubmitButton>
      </div>
      <div className="playcart-admin-span-all">
        <FormMessage state={state} />
      </div>
    </form>
  );
}

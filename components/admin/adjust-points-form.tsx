"use client";

import { useActionState, useState } from "react";
import { adjustPointsAction } from "@/app/admin/customers/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";
import { Field, inputClass } from "./field";

const nonce = () =>
  crypto.randomUUID?.() ??
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");

/** A manual points adjustment: positive adds, negative removes; a reason is required. */
export function AdjustPointsForm({ customerId }: { customerId: string }) {
  const [state, action] = useActionState(async (prev: typeof idle, form: FormData) => {
    const next = await adjustPointsAction(prev, form);
    // A new nonce after each posted adjustment; a double click on one posts once.
    if (next.status === "ok") setRequestId(nonce());
    return next;
  }, idle);
  const [requestId, setRequestId] = useState(nonce);
  const [delta, setDelta] = useState("");
  const [reason, setReason] = useState("");
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="grid gap-3 sm:grid-cols-[8rem_1fr_auto] sm:items-start">
      <input type="hidden" name="customerId" value={customerId} />
      <input type="hidden" name="requestId" value={requestId} />
      <Field label="Points" error={errors.delta} hint="e.g. 50 or -20">
        {(a) => (
          <input
            {...a}
            name="delta"
            inputMode="numeric"
            value={delta}
            onChange={(e) => setDelta(e.target.value)}
            className={inputClass}
          />
        )}
      </Field>
      <Field label="Reason" error={errors.reason}>
        {(a) => (
          <input
            {...a}
            name="reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            className={inputClass}
          />
        )}
      </Field>
      <div className="sm:pt-6">
        <SubmitButton pendingLabel="Posting…" className="!px-4 !py-1.5">
          Adjust points
        </SubmitButton>
      </div>
      <div className="sm:col-span-3">
        <FormMessage state={state} />
      </div>
    </form>
  );
}

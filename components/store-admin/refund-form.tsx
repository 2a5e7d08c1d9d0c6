"use client";

import { useActionState, useState } from "react";
import { refundOrderAction } from "@/app/admin/actions";
import { FieldError, FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";

export function RefundForm({ orderId, label }: { orderId: string; label: string }) {
  const [state, action] = useActionState(refundOrderAction, idle);
  const inputId = `refund-${orderId}`;
  // Controlled: React resets a form after its action runs, which would wipe the amount
  // typed and leave its error under an empty field.
  const [amount, setAmount] = useState("");
  return (
    <form action={action} className="flex flex-wrap items-start gap-2" noValidate>
      <input type="hidden" name="orderId" value={orderId} />
      <label htmlFor={inputId} className="sr-only">
        Amount to refund for order {label}
      </label>
      <input
        id={inputId}
        name="amount"
        inputMode="decimal"
        placeholder="Full"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        aria-invalid={Boolean(state.fieldErrors?.amount)}
        className="w-24 rounded border border-stone-300 px-2 py-1"
      />
      <SubmitButton pendingLabel="Refunding…" className="!px-3 !py-1 text-sm">
        Refund {label}
      </SubmitButton>
      <div className="w-full">
        <FieldError state={state} name="amount" id={`${inputId}-error`} />
        <FormMessage state={state} />
      </div>
    </form>
  );
}

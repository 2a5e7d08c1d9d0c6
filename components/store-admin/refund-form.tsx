"use client";

import { useActionState, useId, useRef, useState } from "react";
import { refundOrderAction } from "@/app/admin/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";
import { refundAmount } from "@/lib/store/refund-amount";

type Props = { orderId: string; label: string; email: string; remainingMinor: number; currency: string };

/**
 * A refund in two steps: the amount (empty for all that is left), then a modal dialog that
 * names the amount and the order; only its button submits. The amount confirmed travels with
 * the form, and the server refuses if it is no longer what the refund would be.
 */
export function RefundForm({ orderId, label, email, remainingMinor, currency }: Props) {
  const [state, action] = useActionState(refundOrderAction, idle);
  const inputId = `refund-${orderId}`;
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  // Controlled: React resets a form after its action runs, which would wipe the amount
  // typed and leave its error under an empty field.
  const [amount, setAmount] = useState("");
  const [typoError, setTypoError] = useState<string | null>(null);
  const asked = refundAmount(amount, remainingMinor, currency);
  const fieldError = typoError ?? state.fieldErrors?.amount;
  return (
    <form action={action} className="flex flex-wrap items-start gap-2" noValidate>
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="confirmedMinor" value={"minor" in asked ? asked.minor : ""} />
      <label htmlFor={inputId} className="sr-only">
        Amount to refund for order {label}
      </label>
      <input
        id={inputId}
        name="amount"
        inputMode="decimal"
        placeholder="Full"
        value={amount}
        onChange={(e) => {
          setAmount(e.target.value);
          setTypoError(null);
        }}
        aria-invalid={Boolean(fieldError)}
        aria-describedby={fieldError ? `${inputId}-error` : undefined}
        className="w-24 rounded border border-stone-300 px-2 py-1"
      />
      <button
        type="button"
        className="rounded-lg bg-brand-700 px-3 py-1 text-sm font-medium text-white hover:bg-brand-800"
        onClick={() => {
          if ("error" in asked) setTypoError(asked.error);
          else dialog.current?.showModal();
        }}
      >
        Refund {label}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto max-w-sm rounded-xl border border-stone-200 p-5 shadow-xl backdrop:bg-stone-900/40"
      >
        {"minor" in asked && (
          <div className="space-y-4">
            <h2 id={titleId} className="text-lg font-semibold">
              Refund {asked.label} on order {label}?
            </h2>
            <p className="text-sm text-stone-700">
              {asked.full ? "A full refund" : "A partial refund"} of {asked.label} to {email}. The points and rewards
              the order earned are taken back {asked.full ? "in full" : "in proportion"}. This cannot be undone.
            </p>
            <div className="flex flex-wrap gap-2">
              <SubmitButton
                pendingLabel="Refunding…"
                className="!px-3 !py-1 text-sm"
                onClick={() => queueMicrotask(() => dialog.current?.close())}
              >
                Confirm refund of {asked.label}
              </SubmitButton>
              <button
                type="button"
                className="rounded-lg border border-stone-300 px-3 py-1 text-sm"
                onClick={() => dialog.current?.close()}
              >
                Cancel
              </button>
            </div>
          </div>
        )}
      </dialog>
      <div className="w-full">
        {fieldError && (
          <p id={`${inputId}-error`} className="mt-1 text-sm text-red-700">
            {fieldError}
          </p>
        )}
        <FormMessage state={state} />
      </div>
    </form>
  );
}

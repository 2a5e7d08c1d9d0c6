"use client";

import { useActionState, useState } from "react";
import { placeOrderAction } from "@/app/(store)/checkout/actions";
import { FieldError, FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";
import { MARKETING_CONSENT_WORDING } from "@/lib/store/marketing-consent";

export function CheckoutForm({ defaultEmail, payLabel }: { defaultEmail: string; payLabel: string }) {
  const [state, action] = useActionState(placeOrderAction, idle);
  // Controlled: React resets a form after its action runs, which would wipe what was typed
  // and leave the field's error under a value the shopper did not enter.
  const [email, setEmail] = useState(defaultEmail);
  return (
    // Its id lets the reward chooser beside the order summary post with it.
    <form id="checkout" action={action} className="space-y-4" noValidate>
      <div>
        <label htmlFor="email" className="block text-sm font-medium">
          Email for your receipt and points
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          required
          aria-invalid={Boolean(state.fieldErrors?.email)}
          aria-describedby={state.fieldErrors?.email ? "email-error" : "email-hint"}
          className="mt-1 w-full rounded-lg border border-stone-300 bg-white px-3 py-2"
        />
        <p id="email-hint" className="mt-1 text-xs text-stone-500">
          No account needed: guests earn points too.
        </p>
        <FieldError state={state} name="email" id="email-error" />
      </div>
      {/* Unchecked by default: consent is given, never assumed. Its wording is stored with it. */}
      <div className="flex items-start gap-2">
        <input
          id="marketingConsent"
          name="marketingConsent"
          type="checkbox"
          value="yes"
          className="mt-1 h-4 w-4 accent-brand-700"
        />
        <label htmlFor="marketingConsent" className="text-sm text-stone-700">
          {MARKETING_CONSENT_WORDING}
        </label>
      </div>
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Placing your order…" className="w-full">
        {payLabel}
      </SubmitButton>
    </form>
  );
}

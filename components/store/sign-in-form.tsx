"use client";

import { useActionState, useState } from "react";
import { signInAction } from "@/app/signin/actions";
import { FieldError, FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";

export function SignInForm({ callbackUrl, defaultEmail = "" }: { callbackUrl?: string; defaultEmail?: string }) {
  const [state, action] = useActionState(signInAction, idle);
  // Controlled: React resets a form after its action runs, which would wipe what was typed
  // and leave the field's error under a value the shopper did not enter.
  const [email, setEmail] = useState(defaultEmail);
  return (
    <form action={action} className="space-y-4" noValidate>
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <div>
        <label htmlFor="signin-email" className="block text-sm font-medium">
          Email
        </label>
        <input
          id="signin-email"
          name="email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          required
          aria-invalid={Boolean(state.fieldErrors?.email)}
          aria-describedby={state.fieldErrors?.email ? "signin-email-error" : undefined}
          className="mt-1 w-full rounded-lg border border-stone-300 bg-white px-3 py-2"
        />
        <FieldError state={state} name="email" id="signin-email-error" />
      </div>
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Sending…" className="w-full">
        Email me a sign-in link
      </SubmitButton>
    </form>
  );
}

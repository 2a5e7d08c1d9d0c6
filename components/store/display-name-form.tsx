"use client";

import { useActionState, useState } from "react";
import { saveDisplayNameAction } from "@/app/(store)/account/display-name-action";
import { FieldError, FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { submitWithoutReset } from "@/components/ui/submit-without-reset";
import { idle } from "@/lib/action-state";

/** The name shown on the shopper's reviews and badge pages; empty shows none. */
export function DisplayNameForm({ displayName }: { displayName: string | null }) {
  const [state, action, pending] = useActionState(saveDisplayNameAction, idle);
  const [value, setValue] = useState(displayName ?? "");
  return (
    <form onSubmit={submitWithoutReset(action)} className="flex flex-wrap items-end gap-3" noValidate>
      <div className="min-w-0 flex-1">
        <label htmlFor="display-name" className="block text-sm font-medium">
          Public name
        </label>
        <input
          id="display-name"
          name="displayName"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          maxLength={60}
          autoComplete="nickname"
          className="mt-1 w-full rounded-lg border border-stone-300 bg-white px-3 py-2"
          aria-invalid={Boolean(state.fieldErrors?.displayName)}
          aria-describedby={state.fieldErrors?.displayName ? "display-name-error" : undefined}
        />
        <FieldError state={state} name="displayName" id="display-name-error" />
      </div>
      <SubmitButton disabled={pending}>{pending ? "Saving…" : "Save name"}</SubmitButton>
      <div className="w-full">
        <FormMessage state={state} />
      </div>
    </form>
  );
}

"use client";

// The account page's "Your loyalty data": download it (Playcart's privacy route, which reads
// the session itself) or delete it after a clear confirmation.
import { useActionState, useState } from "react";
import { deleteLoyaltyDataAction } from "@/app/(store)/account/privacy-actions";
import { FieldError, FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";

export function LoyaltyData({ exportHref, noticeHref }: { exportHref: string; noticeHref: string }) {
  const [state, action] = useActionState(deleteLoyaltyDataAction, idle);
  const [asking, setAsking] = useState(false);
  return (
    <section aria-labelledby="loyalty-data-heading" className="space-y-3 rounded-2xl border border-stone-200 p-6">
      <h2 id="loyalty-data-heading" className="text-lg font-medium">
        Your loyalty data
      </h2>
      <p className="text-sm text-stone-600">
        Everything our rewards programme holds about you: points and their reasons, tier, badges, stamps, referrals,
        games and rewards, consents and reminders.{" "}
        <a href={noticeHref} className="underline">
          What we collect and why
        </a>
      </p>
      <div className="flex flex-wrap gap-3">
        <a
          href={exportHref}
          download
          className="rounded-lg border border-stone-300 bg-white px-4 py-2 text-sm font-medium hover:bg-stone-50"
        >
          Download my loyalty data
        </a>
        {!asking && (
          <button
            type="button"
            onClick={() => setAsking(true)}
            className="rounded-lg border border-red-300 bg-white px-4 py-2 text-sm font-medium text-red-800 hover:bg-red-50"
          >
            Delete my loyalty data…
          </button>
        )}
      </div>
      {asking && (
        <form action={action} className="space-y-3 rounded-xl bg-red-50 p-4" noValidate>
          <p className="text-sm text-red-900">
            Deleting ends your points, tier, badges and unused rewards, and removes your email, name, contacts and
            reminders from the programme. It cannot be undone. The store keeps anonymous records of past orders and
            points for its accounts. You will be signed out.
          </p>
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name="confirm"
              aria-invalid={Boolean(state.fieldErrors?.confirm)}
              aria-describedby={state.fieldErrors?.confirm ? "delete-confirm-error" : undefined}
            />
            I understand: delete my loyalty data for good.
          </label>
          <FieldError state={state} name="confirm" id="delete-confirm-error" />
          <FormMessage state={state} />
          <div className="flex gap-3">
            <SubmitButton pendingLabel="Deleting…" className="bg-red-700 hover:bg-red-800">
              Delete my loyalty data
            </SubmitButton>
            <button type="button" onClick={() => setAsking(false)} className="text-sm underline">
              Keep it
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

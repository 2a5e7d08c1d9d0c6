"use client";

import { useActionState } from "react";
import { declineTestAction, payTestAction } from "@/app/(store)/pay/[orderId]/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/action-state";

export function TestPaymentForm({ orderId, total }: { orderId: string; total: string }) {
  const [payState, pay] = useActionState(payTestAction, idle);
  const [declineState, decline] = useActionState(declineTestAction, idle);
  return (
    <div className="space-y-4">
      <form action={pay}>
        <input type="hidden" name="orderId" value={orderId} />
        <SubmitButton pendingLabel="Paying…" className="w-full">
          Pay {total} with test card 4242
        </SubmitButton>
      </form>
      <form action={decline}>
        <input type="hidden" name="orderId" value={orderId} />
        <button
          type="submit"
          className="w-full rounded-lg border border-stone-300 bg-white px-5 py-3 hover:bg-stone-50"
        >
          Try a declined card (4000 0000 0000 0002)
        </button>
      </form>
      <FormMessage state={payState.status !== "idle" ? payState : declineState} />
    </div>
  );
}

"use client";

import { useEffect, useRef } from "react";
import type { PriceChange } from "@/app/(store)/checkout/actions";
import { SubmitButton } from "@/components/ui/submit-button";

/**
 * The reward the checkout showed no longer applies: said in words before any payment, with
 * the total now due, and a choice to continue at that price or go back to the form.
 */
export function PriceChangeNotice({ change, onBack }: { change: PriceChange; onBack: () => void }) {
  const heading = useRef<HTMLParagraphElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-stone-900">
      <p ref={heading} tabIndex={-1} className="font-medium outline-none">
        {change.message}
      </p>
      <div className="mt-3 flex flex-wrap gap-3">
        <SubmitButton pendingLabel="Placing your order…">Continue at {change.total}</SubmitButton>
        <button
          type="button"
          onClick={onBack}
          className="rounded-lg border border-stone-300 bg-white px-5 py-3 hover:bg-stone-50"
        >
          Go back
        </button>
      </div>
    </div>
  );
}

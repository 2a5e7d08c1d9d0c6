"use client";

import type { PlayResult } from "./game-types";

const untilDate = (iso: string) => new Intl.DateTimeFormat(undefined, { dateStyle: "long" }).format(new Date(iso));

/** What a play gave, in words: announced politely, with where the reward applies. */
export function ResultPanel({ result, oddsHref }: { result: PlayResult | null; oddsHref: string }) {
  const reward = result?.won ? result.reward : null;
  return (
    <div className="space-y-2 text-center">
      <div role="status" aria-live="polite" aria-atomic="true" className="min-h-12">
        {result && (
          <>
            <p className="font-display text-xl font-semibold text-stone-900">
              {reward ? `You won: ${reward.label}` : `${result.label}. Thanks for playing!`}
            </p>
            {reward && (
              <p className="text-sm font-medium text-brand-800">
                {reward.scope === "this_order"
                  ? "Applied to this order."
                  : `Saved for your next order, until ${untilDate(reward.expiresAt)}.`}
              </p>
            )}
          </>
        )}
      </div>
      <a
        href={oddsHref}
        className="inline-block text-xs text-stone-600 underline underline-offset-2 hover:text-stone-900"
      >
        See the odds
      </a>
    </div>
  );
}

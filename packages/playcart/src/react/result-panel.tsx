"use client";

import type { PlayResult } from "./game-types.ts";

const untilDate = (iso: string) => new Intl.DateTimeFormat(undefined, { dateStyle: "long" }).format(new Date(iso));

/** What a play gave, in words: announced politely, with where the reward applies. */
export function ResultPanel({ result, oddsHref }: { result: PlayResult | null; oddsHref: string }) {
  const reward = result?.won ? result.reward : null;
  return (
    <div className="playcart-result">
      <div role="status" aria-live="polite" aria-atomic="true" className="playcart-result-live">
        {result && (
          <>
            <p className="playcart-result-title">
              {reward ? `You won: ${reward.label}` : `${result.label}. Thanks for playing!`}
            </p>
            {reward && (
              <p className="playcart-result-scope">
                {reward.scope === "this_order"
                  ? "Applied to this order."
                  : `Saved for your next order, until ${untilDate(reward.expiresAt)}.`}
              </p>
            )}
          </>
        )}
      </div>
      <a href={oddsHref} className="playcart-link">
        See the odds
      </a>
    </div>
  );
}

"use client";

import { DrawReceiptNote } from "./draw-receipt.tsx";
import type { PlayResult } from "./game-types.ts";
import { type Wording, wonWords } from "./won-words.ts";

const untilDate = (iso: string, timeZone?: string) =>
  new Intl.DateTimeFormat(undefined, { dateStyle: "long", timeZone }).format(new Date(iso));

/** Minor units in the store's currency, in the shopper's own notation ("$1.07"). */
export function formatSaving(minor: number, currency: string): string {
  const format = new Intl.NumberFormat(undefined, { style: "currency", currency: currency.toUpperCase() });
  return format.format(minor / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}

/** What a play gave, in words: announced politely, with what it is worth and where it applies. */
export function ResultPanel({
  result,
  oddsHref,
  wording = "win",
}: {
  result: PlayResult | null;
  oddsHref: string;
  /** The market's words: "gift" where a prize must not be called a win (UK CAP 8.19). */
  wording?: Wording;
}) {
  const reward = result?.won ? result.reward : null;
  // A prize for this order is named by what it takes off this cart, worked out by the server.
  const saving =
    reward?.scope === "this_order" && reward.savingMinor && reward.currency
      ? formatSaving(reward.savingMinor, reward.currency)
      : null;
  return (
    <div className="playcart-result">
      <div role="status" aria-live="polite" aria-atomic="true" className="playcart-result-live">
        {result && (
          <>
            <p className="playcart-result-title" data-won={reward ? "" : undefined}>
              {!reward
                ? `${result.label}. Thanks for playing!`
                : saving
                  ? `${wonWords(wording, reward.label)}: you save ${saving} on this order.`
                  : wonWords(wording, reward.label)}
            </p>
            {reward && !saving && (
              <p className="playcart-result-scope">
                {reward.scope === "this_order"
                  ? "Applied to this order."
                  : `Saved for your next order, until ${untilDate(reward.expiresAt, reward.timeZone)}.`}
              </p>
            )}
          </>
        )}
      </div>
      {result?.receipt && <DrawReceiptNote receipt={result.receipt} />}
      <a href={oddsHref} className="playcart-link">
        See the odds
      </a>
    </div>
  );
}

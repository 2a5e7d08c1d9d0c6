"use client";

// The order summary with Playcart's reward chooser: the server renders one summary per reward
// the shopper may use (its prices all decided there); choosing a reward only shows its summary
// and posts its id with the checkout form, where the server decides again.
import type { RewardChoice } from "playcart/react";
import { type ReactNode, useState } from "react";
import { RewardChooser } from "@/components/store/playcart-checkout-parts";

export function CheckoutRewardSummary({
  choices,
  summaries,
  form,
}: {
  choices: RewardChoice[];
  /** The order summary for each choice's id. */
  summaries: Record<string, ReactNode>;
  form: string;
}) {
  // Until the shopper picks, the best (first) is chosen, also after a refresh brings a new
  // reward (a game won); a pick that is no longer offered falls back to the best too.
  const [picked, setPicked] = useState<string | null>(null);
  const chosen = picked && choices.some((c) => c.id === picked) ? picked : (choices[0]?.id ?? "");
  return (
    <>
      {summaries[chosen]}
      <RewardChooser choices={choices} value={chosen} onChange={setPicked} form={form} />
    </>
  );
}

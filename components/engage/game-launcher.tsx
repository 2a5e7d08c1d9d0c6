"use client";

// Placeholder until the games land: shows the offer and plays it without animation.
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { GameOffer, PlayOutcome, PlayRequest } from "@/lib/engage/play-outcome";

export function GameLauncher({ offer, play, oddsHref }: { offer: GameOffer; play: (req: PlayRequest) => Promise<PlayOutcome>; oddsHref: string }) {
  const router = useRouter();
  const [outcome, setOutcome] = useState<PlayOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  async function onPlay() {
    setBusy(true);
    const requestId = crypto.randomUUID().replace(/-/g, "");
    const result = await play({ campaignId: offer.campaignId, requestId });
    setOutcome(result);
    setBusy(false);
    router.refresh();
  }
  return (
    <section aria-labelledby="game-heading" className="rounded-2xl border border-amber-300 bg-amber-50 p-5">
      <h2 id="game-heading" className="font-medium">{offer.name}</h2>
      <button type="button" onClick={onPlay} disabled={busy || offer.playsLeft <= 0} className="mt-3 rounded-lg bg-amber-500 px-4 py-2 font-medium text-stone-900">
        Play
      </button>
      <p aria-live="polite" className="mt-2 text-sm">{outcome?.status === "ok" ? (outcome.won ? `You won: ${outcome.label}` : outcome.label) : outcome?.message}</p>
      <a href={oddsHref} className="mt-2 block text-xs underline">See the odds</a>
    </section>
  );
}

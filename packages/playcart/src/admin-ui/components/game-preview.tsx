"use client";

// The game as a shopper sees it, with the checkout's own launcher and game components (the
// host's, when it gives one). The preview draws locally from the weights being edited:
// nothing is recorded, no prize is issued.
import type { GameOffer, PlayOutcome } from "../../client.ts";
import { useGameLauncher } from "./admin-actions.tsx";

const rewardExpiry = (now: string, days: number) =>
  new Date(Date.parse(now) + (Number.isFinite(days) ? Math.max(0, days) : 0) * 86_400_000).toISOString();

export function GamePreview({
  offer,
  weights,
  validDays,
  now,
  timeZone,
}: {
  offer: GameOffer;
  weights: number[];
  /** How long a won reward stays valid, from the store's `now`: the preview tells its real expiry. */
  validDays: number;
  now: string;
  timeZone: string;
}) {
  const GameLauncher = useGameLauncher();
  async function play(): Promise<PlayOutcome> {
    const total = weights.reduce((s, w) => s + Math.max(0, w), 0);
    if (total <= 0)
      return { status: "error", code: "preview", message: "All prize weights are zero: no prize could ever be drawn." };
    let ticket = Math.random() * total;
    const segment = Math.max(
      0,
      weights.findIndex((w) => {
        ticket -= Math.max(0, w);
        return ticket < 0;
      }),
    );
    const label = offer.segments[segment] ?? "No prize this time";
    return {
      status: "ok",
      won: true,
      segment,
      label,
      // As a play sets it (games/play.ts): now plus the valid days, told in the store's zone.
      reward: { label, scope: offer.rewardScope, expiresAt: rewardExpiry(now, validDays), timeZone },
      playsLeft: offer.playsLeft,
    };
  }
  return (
    <div className="playcart-admin-stack-sm">
      <p className="playcart-admin-small playcart-admin-muted">
        Preview only: plays here are drawn in your browser and record nothing.
      </p>
      <div className="playcart-admin-narrow">
        {GameLauncher ? (
          <GameLauncher
            key={`${offer.gameType}:${offer.segments.join("|")}`}
            offer={offer}
            play={play}
            oddsHref="#prizes"
          />
        ) : (
          <p className="playcart-admin-small">
            {offer.gameType.replace("_", " ")}: {offer.segments.join(" · ")}
          </p>
        )}
      </div>
    </div>
  );
}

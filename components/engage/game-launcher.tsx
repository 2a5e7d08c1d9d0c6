"use client";

// The offer card at checkout. It is all the checkout loads up front: the game itself is a
// separate chunk fetched when the shopper presses Play (or hovers it).
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import type { GameOffer, PlayOutcome, PlayRequest } from "playcart/client";
import { useId, useState } from "react";
import { GameIcon } from "./game-icon";
import { type PlayResult, playsLabel } from "./game-types";

// One loader per game, shared by next/dynamic and the warm-up on hover, so each game is one chunk.
// An advent door is a scratch card: offered anywhere else than its calendar, it plays as one.
const load = {
  spin_wheel: () => import("./spin-wheel"),
  shake_tree: () => import("./shake-tree"),
  scratch_card: () => import("./scratch-card"),
  advent_calendar: () => import("./scratch-card"),
};
const loading = () => (
  <p role="status" className="py-20 text-center text-sm text-stone-600">
    Loading the game…
  </p>
);
const games = {
  spin_wheel: dynamic(() => load.spin_wheel().then((m) => m.SpinWheel), { ssr: false, loading }),
  shake_tree: dynamic(() => load.shake_tree().then((m) => m.ShakeTree), { ssr: false, loading }),
  scratch_card: dynamic(() => load.scratch_card().then((m) => m.ScratchCard), { ssr: false, loading }),
  advent_calendar: dynamic(() => load.advent_calendar().then((m) => m.ScratchCard), { ssr: false, loading }),
};

// A fresh nonce per press: the server refuses a replayed request. getRandomValues also
// works on plain-http origins, where randomUUID does not exist.
const nonce = () =>
  crypto.randomUUID?.() ??
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");

const REFUSED_FOR_GOOD = new Set(["no_plays_left", "closed", "not_eligible", "not_found"]);

type Shown = { offer: GameOffer; oddsHref: string };

/**
 * Render it where the offer goes even when there is none (offer null): after the last play
 * the server stops offering the game, and the result must stay on screen.
 */
export function GameLauncher({
  offer,
  play,
  oddsHref,
}: {
  offer: GameOffer | null;
  play: (req: PlayRequest) => Promise<PlayOutcome>;
  oddsHref?: string;
}) {
  const router = useRouter();
  const heading = useId();
  const [opened, setOpened] = useState<Shown | null>(null);
  const [left, setLeft] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const offered = offer && { offer, oddsHref: oddsHref ?? `/odds/${offer.slug}` };
  const shown = opened ?? offered;
  if (!shown) return null;
  const same = offer?.campaignId === shown.offer.campaignId;
  const playsLeft = left ?? (same ? offer!.playsLeft : shown.offer.playsLeft);
  // The engine may offer another game once this one is used up (the tree after Saturday's spins).
  const next = opened && playsLeft <= 0 && offered && !same ? offered : null;
  const Game = games[shown.offer.gameType];

  function open(target: Shown) {
    setOpened(target);
    setLeft(null);
    setError(null);
  }

  async function onPlay(): Promise<PlayResult | null> {
    setError(null);
    let outcome: PlayOutcome;
    try {
      outcome = await play({ campaignId: shown!.offer.campaignId, requestId: nonce() });
    } catch {
      outcome = {
        status: "error",
        code: "network",
        message: "We could not reach the store. Check your connection and try again.",
      };
    }
    if (outcome.status === "ok") return outcome;
    setError(outcome.message);
    if (REFUSED_FOR_GOOD.has(outcome.code)) setLeft(0);
    router.refresh();
    return null;
  }

  function onRevealed(result: PlayResult) {
    setLeft(result.playsLeft);
    // The server recomputes the totals: a this-order prize lowers this checkout at once.
    router.refresh();
  }

  return (
    <section
      aria-labelledby={heading}
      className="relative rounded-2xl border border-amber-200 bg-linear-to-br from-amber-50 via-white to-rose-50 p-5 shadow-sm"
    >
      <div className="flex items-start gap-3">
        <GameIcon type={shown.offer.gameType} />
        <div className="min-w-0 flex-1">
          <h2 id={heading} className="font-display text-lg font-semibold leading-snug text-stone-900">
            {shown.offer.name}
          </h2>
          <p className="mt-0.5 text-sm text-stone-600">
            {shown.offer.rewardScope === "this_order"
              ? "Your prize comes off this order."
              : "Your prize is for your next order."}{" "}
            <span className="font-medium text-stone-800">
              {playsLeft > 0 ? `${playsLabel(shown.offer.gameType, playsLeft)} left` : "No plays left"}
            </span>
          </p>
        </div>
      </div>
      {opened ? (
        <div className="mt-5">
          <Game
            key={shown.offer.campaignId}
            offer={shown.offer}
            playsLeft={playsLeft}
            oddsHref={shown.oddsHref}
            onPlay={onPlay}
            onRevealed={onRevealed}
          />
        </div>
      ) : (
        <div className="mt-4 flex items-center gap-4">
          <button
            type="button"
            onClick={() => open(shown)}
            onPointerEnter={() => void load[shown.offer.gameType]()}
            onFocus={() => void load[shown.offer.gameType]()}
            disabled={playsLeft <= 0}
            className="rounded-full bg-stone-900 px-7 py-2.5 font-semibold text-white shadow transition hover:bg-stone-700 active:scale-95 disabled:opacity-50"
          >
            Play
          </button>
          <a href={shown.oddsHref} className="text-sm text-stone-600 underline underline-offset-2 hover:text-stone-900">
            See the odds
          </a>
        </div>
      )}
      <p role="alert" className="mt-3 text-center text-sm font-medium text-red-700 empty:hidden">
        {error}
      </p>
      {next && (
        <div className="mt-4 flex flex-wrap items-center justify-center gap-3 border-t border-amber-200 pt-4 text-sm">
          <span>
            Next game: <strong>{next.offer.name}</strong>
          </span>
          <button
            type="button"
            onClick={() => open(next)}
            className="rounded-full bg-stone-900 px-4 py-1.5 font-semibold text-white hover:bg-stone-700"
          >
            Play the next game
          </button>
        </div>
      )}
    </section>
  );
}

"use client";

// The offer card at checkout. It is all the checkout loads up front: the game itself is a
// separate chunk, fetched when the browser is idle once the shopper uses the page, or when they reach for Play.
import { useRouter } from "next/navigation.js";
import { type ComponentType, Suspense, useEffect, useId, useRef, useState } from "react";
import type { GameOffer, PlayOutcome } from "../client.ts";
import { DrawCommitment } from "./draw-commitment.tsx";
import { useEnabledWhenHydrated } from "./enabled-when-hydrated.ts";
import { gameComponent, preloadGame, preloadOnceEngaged } from "./game-chunks.ts";
import { GameIcon } from "./game-icon.tsx";
import {
  defaultDrawsHref,
  defaultOddsHref,
  type GameProps,
  nonce,
  type PlayFn,
  type PlayResult,
  playsLabel,
} from "./game-types.ts";
import { playViaRoute } from "./play-route.ts";
import { ConditionsLine, RulesLink } from "./rules-line.tsx";
import { announceRewardShown } from "./shown-reward.ts";

const loading = (
  <p role="status" className="playcart-loading">
    Loading the game…
  </p>
);
const REFUSED_FOR_GOOD = new Set(["no_plays_left", "closed", "sold_out", "not_eligible", "not_found"]);

type Shown = { offer: GameOffer; oddsHref: string };
// A game renders only after the shopper opens it, so it never renders on the server.
type Opened = Shown & { Game: ComponentType<GameProps> };

export type GameLauncherProps = {
  /** The game the server offers now; null renders nothing until a game has been played here. */
  offer: GameOffer | null;
  /** How a play reaches the server: a server action or any function. Default: POST to `playEndpoint`. */
  play?: PlayFn;
  /** The play route when `play` is not given (default /api/playcart/play). */
  playEndpoint?: string;
  /** The offer's odds page (default /odds/<slug>). */
  oddsHref?: string;
  /** The campaign's public page of draw commitments and revealed seeds (default /fair/<slug>). */
  drawsHref?: string;
};

/**
 * Render it where the offer goes even when there is none (offer null): after the last play
 * the server stops offering the game, and the result must stay on screen. One game per view:
 * once a game is opened, it stays the game here (the server never offers another after its
 * last play; see findPlacement).
 */
export function GameLauncher({ offer, play, playEndpoint, oddsHref, drawsHref }: GameLauncherProps) {
  const router = useRouter();
  const heading = useId();
  const [viaRoute] = useState(() => playViaRoute(playEndpoint));
  const [opened, setOpened] = useState<Opened | null>(null);
  const [left, setLeft] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const playButton = useRef<HTMLButtonElement>(null);
  // The offered game's chunk comes when the browser is idle once the shopper uses the checkout (or on intent, below), so Play opens it without a wait.
  const offeredType = offer?.gameType;
  useEffect(() => (offeredType ? preloadOnceEngaged(offeredType) : undefined), [offeredType]);

  const offered = offer && { offer, oddsHref: oddsHref ?? defaultOddsHref(offer.slug) };
  const shown = opened ?? offered;
  const same = offer && offer.campaignId === shown?.offer.campaignId;
  const playsLeft = left ?? (same ? offer.playsLeft : (shown?.offer.playsLeft ?? 0));
  // Not before React has hydrated it: an earlier press would do nothing.
  const enabledWhenHydrated = useEnabledWhenHydrated(playButton, playsLeft <= 0);
  if (!shown) return null;
  const gameType = shown.offer.gameType;

  function open(target: Shown) {
    setOpened({ ...target, Game: gameComponent(target.offer.gameType) });
    setLeft(null);
    setError(null);
  }

  async function onPlay(): Promise<PlayResult | null> {
    setError(null);
    let outcome: PlayOutcome;
    try {
      // The newest token the server gave for this game (the refresh after a refusal brings one).
      const token = (offer?.campaignId === shown!.offer.campaignId ? offer : shown!.offer).token;
      outcome = await (play ?? viaRoute)({ campaignId: shown!.offer.campaignId, requestId: nonce(), token });
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
    // The result has told the shopper what the prize saves on this order: the order's form takes it as shown now.
    const reward = result.reward;
    if (reward?.id && reward.scope === "this_order" && reward.savingMinor) announceRewardShown(reward.id);
    // The server recomputes the totals: a this-order prize lowers this checkout at once.
    router.refresh();
  }

  return (
    <section aria-labelledby={heading} className="playcart-launcher">
      <div className="playcart-launcher-head">
        <GameIcon type={shown.offer.gameType} />
        <div className="playcart-launcher-text">
          <h2 id={heading} className="playcart-heading playcart-launcher-title">
            {shown.offer.name}
          </h2>
          <p className="playcart-launcher-scope">
            {shown.offer.rewardScope === "this_order"
              ? "Your prize comes off this order. "
              : "Your prize is for your next order. "}
            <span className="playcart-launcher-left">
              {playsLeft > 0 ? `${playsLabel(shown.offer.gameType, playsLeft)} left` : "No plays left"}
            </span>
          </p>
        </div>
      </div>
      {opened ? (
        <div className="playcart-launcher-game">
          <Suspense fallback={loading}>
            <opened.Game
              key={shown.offer.campaignId}
              offer={shown.offer}
              playsLeft={playsLeft}
              oddsHref={shown.oddsHref}
              onPlay={onPlay}
              onRevealed={onRevealed}
            />
          </Suspense>
        </div>
      ) : (
        <div className="playcart-launcher-actions">
          <button
            type="button"
            onClick={() => open(shown)}
            onPointerEnter={() => preloadGame(gameType)}
            onFocus={() => preloadGame(gameType)}
            onTouchStart={() => preloadGame(gameType)}
            ref={playButton}
            {...enabledWhenHydrated}
            className="playcart-button"
          >
            Play
          </button>
          <a href={shown.oddsHref} className="playcart-link">
            See the odds
          </a>
          <RulesLink rules={shown.offer.rules} />
        </div>
      )}
      {shown.offer.commitment && (
        <DrawCommitment commitment={shown.offer.commitment} href={drawsHref ?? defaultDrawsHref(shown.offer.slug)} />
      )}
      {!opened && <ConditionsLine rules={shown.offer.rules} />}
      <p role="alert" className="playcart-alert">
        {error}
      </p>
    </section>
  );
}

"use client";

import type { CSSProperties } from "react";
import { useEffect, useRef, useState } from "react";
import { Confetti } from "./confetti.tsx";
import { gameButton } from "./game-button.ts";
import type { GameProps } from "./game-types.ts";
import { ResultPanel } from "./result-panel.tsx";
import { Canopy, GoldenApple, GROUND_Y, Ground, LEAVES, Leaf, PRIZE, Trunk } from "./tree-art.tsx";
import { useGameRound } from "./use-game-round.ts";
import { useReducedMotion } from "./use-reduced-motion.ts";

const DROP = GROUND_Y - PRIZE.y - PRIZE.r - 2;
const SHAKE_AND_FALL_MS = 1750;

/**
 * Shake the tree: it shakes from the press while the play goes to the server; once the answer
 * is in, the shake ends with its current sway and the golden apple falls with the reward the
 * server drew.
 */
export function ShakeTree({ offer, playsLeft, oddsHref, onPlay, onRevealed }: GameProps) {
  const reduced = useReducedMotion();
  const game = useGameRound({ onPlay, onRevealed, reducedMotion: reduced, fallbackMs: SHAKE_AND_FALL_MS + 1000 });
  const button = useRef<HTMLButtonElement>(null);
  // The shake loops until the answer, and stops where a sway ends (upright): no jolt.
  const [stilled, setStilled] = useState(false);
  const canShake = !game.busy && playsLeft > 0;
  const animating = game.phase === "animating";
  const shaking = game.busy && !stilled && !reduced;
  const fallen = animating || game.phase === "revealed";
  const landed = game.phase === "revealed" ? game.result : null;

  useEffect(() => button.current?.focus(), []);

  function shake() {
    if (!canShake) return;
    setStilled(false);
    void game.start();
  }

  const apple =
    fallen && reduced ? { transform: `translateY(${DROP}px)` } : ({ "--drop": `${DROP}px` } as CSSProperties);
  const label = game.busy
    ? "Shaking…"
    : playsLeft <= 0
      ? "No shakes left"
      : game.result
        ? "Shake again"
        : "Shake the tree";
  return (
    <div className="playcart-stack">
      <div className="playcart-tree-stage">
        <svg
          viewBox="0 0 320 252"
          role="img"
          aria-label={`A tree with a golden apple. Prizes: ${offer.segments.join(", ")}`}
        >
          <Ground />
          <g
            className={`playcart-tree ${shaking ? "playcart-tree-shaking" : game.busy || reduced ? "" : "playcart-tree-sway"}`}
            onAnimationIteration={(e) => e.target === e.currentTarget && animating && setStilled(true)}
          >
            <Trunk />
            <Canopy />
            <g
              style={apple}
              className={fallen && !reduced ? "playcart-tree-fall" : undefined}
              onAnimationEnd={(e) => e.target === e.currentTarget && game.reveal()}
            >
              <g transform={`translate(${PRIZE.x} ${PRIZE.y})`}>
                <GoldenApple />
              </g>
            </g>
          </g>
          {game.busy && !reduced && LEAVES.map(([x, y, delay]) => <Leaf key={x} x={x} y={y} delay={delay} />)}
        </svg>
        {landed?.won && !reduced && <Confetti key={game.round} />}
      </div>
      <div className="playcart-center">
        <button
          ref={button}
          type="button"
          onClick={shake}
          aria-disabled={!canShake}
          {...gameButton("tree", !game.busy && playsLeft <= 0)}
        >
          {label}
        </button>
      </div>
      <ResultPanel result={landed} oddsHref={oddsHref} wording={offer.rules?.wording} />
    </div>
  );
}

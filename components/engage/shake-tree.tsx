"use client";

import type { CSSProperties } from "react";
import { useEffect, useRef } from "react";
import { Confetti } from "./confetti";
import { gameButton } from "./game-button";
import type { GameProps } from "./game-types";
import styles from "./games.module.css";
import { ResultPanel } from "./result-panel";
import { Canopy, GoldenApple, GROUND_Y, Ground, LEAVES, Leaf, PRIZE, Trunk } from "./tree-art";
import { useGameRound } from "./use-game-round";
import { useReducedMotion } from "./use-reduced-motion";

const DROP = GROUND_Y - PRIZE.y - PRIZE.r - 2;
const SHAKE_AND_FALL_MS = 1750;

/** Shake the tree: the golden apple falls and carries the reward the server drew. */
export function ShakeTree({ offer, playsLeft, oddsHref, onPlay, onRevealed }: GameProps) {
  const reduced = useReducedMotion();
  const game = useGameRound({ onPlay, onRevealed, reducedMotion: reduced, fallbackMs: SHAKE_AND_FALL_MS + 1000 });
  const button = useRef<HTMLButtonElement>(null);
  const canShake = !game.busy && playsLeft > 0;
  const animating = game.phase === "animating";
  const fallen = animating || game.phase === "revealed";
  const landed = game.phase === "revealed" ? game.result : null;

  useEffect(() => button.current?.focus(), []);

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
    <div className="space-y-4">
      <div className="relative mx-auto w-full max-w-[19rem]">
        <svg
          viewBox="0 0 320 252"
          role="img"
          aria-label={`A tree with a golden apple. Prizes: ${offer.segments.join(", ")}`}
          className="w-full"
        >
          <Ground />
          <g
            key={game.round}
            className={`${styles.tree} ${animating && !reduced ? styles.shaking : reduced ? "" : styles.sway}`}
          >
            <Trunk />
            <Canopy />
            <g
              style={apple}
              className={fallen && !reduced ? styles.fall : undefined}
              onAnimationEnd={(e) => e.target === e.currentTarget && game.reveal()}
            >
              <g transform={`translate(${PRIZE.x} ${PRIZE.y})`}>
                <GoldenApple />
              </g>
            </g>
          </g>
          {animating &&
            !reduced &&
            LEAVES.map(([x, y, delay]) => <Leaf key={`${game.round}-${x}`} x={x} y={y} delay={delay} />)}
        </svg>
        {landed?.won && !reduced && <Confetti key={game.round} />}
      </div>
      <div className="text-center">
        <button
          ref={button}
          type="button"
          onClick={() => canShake && game.start()}
          aria-disabled={!canShake}
          className={gameButton("tree", !game.busy && playsLeft <= 0)}
        >
          {label}
        </button>
      </div>
      <ResultPanel result={landed} oddsHref={oddsHref} />
    </div>
  );
}

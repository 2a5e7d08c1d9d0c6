"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Confetti } from "./confetti.tsx";
import { gameButton } from "./game-button.ts";
import type { GameProps } from "./game-types.ts";
import { ResultPanel } from "./result-panel.tsx";
import { useGameRound } from "./use-game-round.ts";
import { useReducedMotion } from "./use-reduced-motion.ts";
import {
  labelBaselines,
  labelPlacement,
  landingRotation,
  polar,
  SLICE_COLORS,
  slicePath,
  wrapLabel,
} from "./wheel-geometry.ts";

const R = 150;
const SPIN_MS = 4400;
const BULBS = 20;

/** The prize wheel: lands on the slice the server drew, then says what it means. */
export function SpinWheel({ offer, playsLeft, oddsHref, onPlay, onRevealed }: GameProps) {
  const reduced = useReducedMotion();
  const game = useGameRound({ onPlay, onRevealed, reducedMotion: reduced, fallbackMs: SPIN_MS + 1000 });
  const [rotation, setRotation] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const shine = useId();
  const n = offer.segments.length;
  const canSpin = !game.busy && playsLeft > 0;
  const landed = game.phase === "revealed" ? game.result : null;
  const spent = !game.busy && playsLeft <= 0;

  // Opened from the launcher's "Play": the spin button is the next thing to press.
  useEffect(() => button.current?.focus(), []);

  async function spin() {
    if (!canSpin) return;
    const result = await game.start();
    // The jitter only moves where in the winning slice the pointer stops.
    if (result) setRotation((r) => landingRotation(r, result.segment, n, Math.random() - 0.5, reduced ? 0 : 6));
  }

  const label =
    game.phase === "waiting" || game.phase === "animating"
      ? "Spinning…"
      : playsLeft <= 0
        ? "No spins left"
        : game.result
          ? "Spin again"
          : "Spin the wheel";
  return (
    <div className="playcart-stack">
      <div className={`playcart-wheel-stage${game.phase === "animating" ? " playcart-wheel-spinning" : ""}`}>
        <svg viewBox="-170 -170 340 340" aria-hidden="true" className="playcart-fill playcart-wheel-rim">
          <circle r="169" fill="#7c2d12" />
          <circle r="160" fill="#9a3412" />
          {Array.from({ length: BULBS }, (_, i) => {
            const [x, y] = polar(160, (i * 360) / BULBS);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: the rim's bulbs are fixed positions, never reordered
              <circle key={i} cx={x} cy={y} r="4.5" fill={i % 2 ? "#fef3c7" : "#fde047"} className="playcart-bulb" />
            );
          })}
        </svg>
        <div
          className={`playcart-wheel-disc${reduced ? "" : " playcart-wheel-turning"}`}
          style={{ transform: `rotate(${rotation}deg)` }}
          onTransitionEnd={(e) => e.target === e.currentTarget && game.reveal()}
        >
          <svg
            viewBox={`${-R - 2} ${-R - 2} ${2 * R + 4} ${2 * R + 4}`}
            role="img"
            aria-label={`Prize wheel: ${offer.segments.join(", ")}`}
          >
            <defs>
              <radialGradient id={shine} cx="35%" cy="25%" r="75%">
                <stop offset="0" stopColor="#fff" stopOpacity="0.35" />
                <stop offset="0.6" stopColor="#fff" stopOpacity="0" />
                <stop offset="1" stopColor="#000" stopOpacity="0.18" />
              </radialGradient>
            </defs>
            {offer.segments.map((_, i) => (
              <path
                // biome-ignore lint/suspicious/noArrayIndexKey: a slice is its position on the wheel (labels can repeat)
                key={i}
                d={slicePath(i, n, R)}
                fill={SLICE_COLORS[i % SLICE_COLORS.length].fill}
                stroke="#fff7ed"
                strokeWidth="3"
                className={landed && landed.segment === i ? "playcart-wheel-winner" : undefined}
              />
            ))}
            {offer.segments.map((text, i) => {
              const lines = wrapLabel(text);
              const size = lines.length === 1 && text.length <= 8 ? 22 : 14;
              // Placed for where the wheel comes to rest, so every label reads upright there.
              const { rotate, flipped } = labelPlacement(i, n, rotation);
              const baselines = labelBaselines(lines.length, size, R, flipped);
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: a slice is its position on the wheel (labels can repeat)
                <g key={i} transform={`rotate(${rotate})`}>
                  <text
                    textAnchor="middle"
                    fontSize={size}
                    fontWeight="800"
                    fill={SLICE_COLORS[i % SLICE_COLORS.length].ink}
                  >
                    {lines.map((line, k) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one fixed label, in order
                      <tspan key={k} x="0" y={baselines[k]}>
                        {line}
                      </tspan>
                    ))}
                  </text>
                </g>
              );
            })}
            <circle r={R} fill={`url(#${shine})`} />
          </svg>
        </div>
        <svg
          viewBox="-170 -170 340 340"
          aria-hidden="true"
          overflow="visible"
          className="playcart-fill playcart-wheel-hub"
        >
          <circle r="30" fill="#fff7ed" stroke="#9a3412" strokeWidth="6" />
          <path d="M0 -15l4.4 9 9.9 1.4-7.2 7 1.7 9.8L0 7.6l-8.8 4.6 1.7-9.8-7.2-7 9.9-1.4z" fill="#f59e0b" />
          <g className="playcart-wheel-pointer">
            <path d="M-22 -184h44l-22 58z" fill="#e11d48" stroke="#fff" strokeWidth="5" strokeLinejoin="round" />
            <circle cy="-170" r="5" fill="#fff" />
          </g>
        </svg>
        {landed?.won && !reduced && <Confetti key={game.round} />}
      </div>
      <div className="playcart-center">
        <button ref={button} type="button" onClick={spin} aria-disabled={!canSpin} {...gameButton("wheel", spent)}>
          {label}
        </button>
      </div>
      <ResultPanel result={landed} oddsHref={oddsHref} />
    </div>
  );
}

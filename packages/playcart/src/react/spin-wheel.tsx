"use client";

import { type MouseEvent, useEffect, useRef, useState } from "react";
import { Confetti } from "./confetti.tsx";
import { gameButton } from "./game-button.ts";
import type { GameProps } from "./game-types.ts";
import { ResultPanel } from "./result-panel.tsx";
import { useGameRound } from "./use-game-round.ts";
import { useReducedMotion } from "./use-reduced-motion.ts";
import { WheelFace, WheelHub, WheelRim } from "./wheel-face.tsx";
import { haltRotation, landingRotation } from "./wheel-geometry.ts";
import { spinFreely } from "./wheel-motion.ts";

// The landing covers two to three turns after the answer; it lasts at most this long.
const LANDING_MS = 3600;
const LANDING_TURNS = 2;

/**
 * The prize wheel: it spins from the press, while the play goes to the server, then glides
 * onto the slice the server drew and says what it means.
 */
export function SpinWheel({ offer, playsLeft, oddsHref, onPlay, onRevealed }: GameProps) {
  const reduced = useReducedMotion();
  const game = useGameRound({ onPlay, onRevealed, reducedMotion: reduced, fallbackMs: LANDING_MS + 1000 });
  const [rotation, setRotation] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const disc = useRef<HTMLDivElement>(null);
  const pressed = useRef(false);
  // Running out after a refused play: no new spin until the wheel rests.
  const [halting, setHalting] = useState(false);
  const n = offer.segments.length;
  const turning = game.busy || halting;
  const canSpin = !turning && playsLeft > 0;
  const landed = game.phase === "revealed" ? game.result : null;
  const spent = !turning && playsLeft <= 0;

  // Opened from the launcher's "Play": the spin button is the next thing to press.
  useEffect(() => button.current?.focus(), []);

  async function spin(press: MouseEvent) {
    // A second press before the round's render lands (it waits for the frame that shows the
    // spin) finds the wheel already turning.
    if (!canSpin || pressed.current) return;
    pressed.current = true;
    try {
      await spinOnce(press);
    } finally {
      pressed.current = false;
    }
  }

  async function spinOnce(press: MouseEvent) {
    // Moving before the request leaves: the press is answered at once, whatever the network.
    const motion = reduced || !disc.current ? null : spinFreely(disc.current, rotation, press.timeStamp);
    const result = await game.start({ moving: motion !== null });
    if (!motion) {
      if (result) setRotation(landingRotation(rotation, result.segment, n, Math.random() - 0.5, 0));
      return;
    }
    // Refused or unreachable: the wheel runs out back to where it stood, and the error shows.
    // The jitter only moves where in the winning slice the pointer stops.
    const target = result
      ? landingRotation(motion.angle(), result.segment, n, Math.random() - 0.5, LANDING_TURNS)
      : haltRotation(motion.angle(), rotation);
    setRotation(target);
    setHalting(!result);
    await motion.glideTo(target);
    if (result) game.reveal();
    else setHalting(false);
  }

  const label = turning
    ? "Spinning…"
    : playsLeft <= 0
      ? "No spins left"
      : game.result
        ? "Spin again"
        : "Spin the wheel";
  return (
    <div className="playcart-stack">
      <div className={`playcart-wheel-stage${turning && !reduced ? " playcart-wheel-spinning" : ""}`}>
        <WheelRim />
        <div ref={disc} className="playcart-wheel-disc" style={{ transform: `rotate(${rotation}deg)` }}>
          <WheelFace segments={offer.segments} rotation={rotation} winner={landed ? landed.segment : null} />
        </div>
        <WheelHub />
        {landed?.won && !reduced && <Confetti key={game.round} />}
      </div>
      <div className="playcart-center">
        <button ref={button} type="button" onClick={spin} aria-disabled={!canSpin} {...gameButton("wheel", spent)}>
          {label}
        </button>
      </div>
      <ResultPanel result={landed} oddsHref={oddsHref} wording={offer.rules?.wording} />
    </div>
  );
}

"use client";

import { type PointerEvent, useCallback, useEffect, useRef, useState } from "react";
import { Confetti } from "./confetti.tsx";
import { gameButton } from "./game-button.ts";
import type { GameProps } from "./game-types.ts";
import { ResultPanel } from "./result-panel.tsx";
import { CARD_H, CARD_W, clearedShare, paintFoil, scratch } from "./scratch-foil.ts";
import { useGameRound } from "./use-game-round.ts";
import { useReducedMotion } from "./use-reduced-motion.ts";

const REVEAL_AT = 0.45;

/**
 * A scratch card: the first scratch (or "Reveal") asks the server for the play; the prize
 * under the foil is the one it drew. Scratching is paced by the shopper, so reduced motion
 * only drops the foil's fade.
 */
export function ScratchCard({ playsLeft, oddsHref, onPlay, onRevealed }: GameProps) {
  const reduced = useReducedMotion();
  const game = useGameRound({ onPlay, onRevealed, reducedMotion: false });
  const [card, setCard] = useState(0);
  const [foil, setFoil] = useState<"covered" | "started" | "gone">("covered");
  const ctx = useRef<CanvasRenderingContext2D | null>(null);
  const last = useRef<[number, number] | null>(null);
  const strokes = useRef(0);
  const button = useRef<HTMLButtonElement>(null);
  const scratchable = game.phase === "animating" && foil === "started";
  const canStart = foil === "covered" && !game.busy && playsLeft > 0;
  const landed = game.phase === "revealed" ? game.result : null;

  useEffect(() => button.current?.focus(), []);
  // Each card is a new canvas (key={card}): paint its foil as it mounts.
  const foilCanvas = useCallback((el: HTMLCanvasElement | null) => {
    if (el) ctx.current = paintFoil(el);
  }, []);
  // The foil is off: announce once its fade has finished (at once with reduced motion).
  useEffect(() => {
    if (foil !== "gone" || game.phase !== "animating") return;
    const timer = setTimeout(game.reveal, reduced ? 0 : 650);
    return () => clearTimeout(timer);
  }, [foil, game.phase, game.reveal, reduced]);

  async function begin(): Promise<boolean> {
    if (!canStart) return scratchable;
    setFoil("started");
    const result = await game.start();
    if (!result) setFoil("covered");
    return Boolean(result);
  }

  const point = (e: PointerEvent<HTMLCanvasElement>): [number, number] => {
    const r = e.currentTarget.getBoundingClientRect();
    return [((e.clientX - r.left) * CARD_W) / r.width, ((e.clientY - r.top) * CARD_H) / r.height];
  };
  function onPointerDown(e: PointerEvent<HTMLCanvasElement>) {
    e.currentTarget.setPointerCapture(e.pointerId);
    last.current = point(e);
    void begin();
  }
  function onPointerMove(e: PointerEvent<HTMLCanvasElement>) {
    if (!last.current || !scratchable || !ctx.current) return;
    const to = point(e);
    scratch(ctx.current, last.current, to);
    last.current = to;
    if (++strokes.current % 6 === 0 && clearedShare(ctx.current) >= REVEAL_AT) setFoil("gone");
  }
  async function reveal() {
    if (foil === "gone" || !(await begin())) return;
    setFoil("gone");
  }
  function another() {
    setFoil("covered");
    setCard((n) => n + 1);
  }

  const next = Boolean(landed) && foil === "gone" && playsLeft > 0;
  const prize = foil !== "covered" && game.phase !== "waiting" ? game.result : null;
  return (
    <div className="playcart-stack">
      <div className="playcart-card-stage">
        <div className="playcart-card">
          <div aria-hidden="true" className="playcart-card-prize">
            <span className="playcart-card-won">{prize?.won ? "You won" : "\u00a0"}</span>
            <span className="playcart-card-label">{prize ? prize.label : "…"}</span>
          </div>
          {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a canvas without tabIndex takes no focus; the Reveal button is the keyboard and screen reader way to play */}
          <canvas
            key={card}
            ref={foilCanvas}
            aria-hidden="true"
            className={`playcart-foil${foil === "gone" ? " playcart-foil-gone" : ""}`}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={() => (last.current = null)}
            onPointerCancel={() => (last.current = null)}
          />
        </div>
        {landed?.won && !reduced && <Confetti key={game.round} />}
      </div>
      <div className="playcart-center">
        {/* One button throughout, so keyboard focus stays on it from card to card. */}
        <button
          ref={button}
          type="button"
          onClick={next ? another : reveal}
          aria-disabled={!(next || canStart || scratchable)}
          {...gameButton("card", !next && !game.busy && playsLeft <= 0)}
        >
          {next ? "Scratch another card" : playsLeft <= 0 && foil !== "started" ? "No cards left" : "Reveal"}
        </button>
      </div>
      <ResultPanel result={landed} oddsHref={oddsHref} />
    </div>
  );
}

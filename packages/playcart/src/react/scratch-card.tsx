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
 * under the foil is the one it drew. The foil scratches from the first stroke, over a "…"
 * until the answer is in, and comes off only once it is. Scratching is paced by the shopper,
 * so reduced motion only drops the foil's fade.
 */
export function ScratchCard({ offer, playsLeft, oddsHref, onPlay, onRevealed }: GameProps) {
  const reduced = useReducedMotion();
  const game = useGameRound({ onPlay, onRevealed, reducedMotion: false });
  const [card, setCard] = useState(0);
  const [foil, setFoil] = useState<"covered" | "started" | "gone">("covered");
  // Scratched enough before the answer came: the foil comes off when it does.
  const [cleared, setCleared] = useState(false);
  const ctx = useRef<CanvasRenderingContext2D | null>(null);
  const last = useRef<[number, number] | null>(null);
  const strokes = useRef(0);
  const button = useRef<HTMLButtonElement>(null);
  const scratchable = game.busy && foil === "started";
  const canStart = foil === "covered" && !game.busy && playsLeft > 0;
  const landed = game.phase === "revealed" ? game.result : null;

  useEffect(() => button.current?.focus(), []);
  // Each card is a new canvas (key={card}): paint its foil as it mounts.
  const foilCanvas = useCallback((el: HTMLCanvasElement | null) => {
    if (el) ctx.current = paintFoil(el);
  }, []);
  useEffect(() => {
    if (cleared && game.phase === "animating") setFoil("gone");
  }, [cleared, game.phase]);
  // The foil is off: announce once its fade has finished (at once with reduced motion).
  useEffect(() => {
    if (foil !== "gone" || game.phase !== "animating") return;
    const timer = setTimeout(game.reveal, reduced ? 0 : 650);
    return () => clearTimeout(timer);
  }, [foil, game.phase, game.reveal, reduced]);

  async function begin(): Promise<boolean> {
    if (!canStart) return scratchable;
    setFoil("started");
    setCleared(false);
    const result = await game.start();
    if (!result) {
      // Refused: a fresh foil over the card, nothing was drawn.
      setFoil("covered");
      setCard((n) => n + 1);
    }
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
    if (++strokes.current % 6 === 0 && clearedShare(ctx.current) >= REVEAL_AT) setCleared(true);
  }
  async function reveal() {
    if (foil === "gone") return;
    // Mid-card: the foil comes off as soon as the answer is in (at once if it is).
    if (scratchable) setCleared(true);
    else if (await begin()) setFoil("gone");
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
      <ResultPanel result={landed} oddsHref={oddsHref} wording={offer.rules?.wording} />
    </div>
  );
}

"use client";

import { startTransition, useCallback, useEffect, useRef, useState } from "react";
import type { GameProps, PlayResult } from "./game-types.ts";

export type Phase = "ready" | "waiting" | "animating" | "revealed";

/**
 * One round of a game: ask the server, animate, reveal. A game may move from the press on
 * (phase "waiting"), but the result is shown (and announced) only once its animation has
 * landed on the server's answer, or at once when motion is reduced. `fallbackMs` reveals
 * anyway if an animation's end never arrives (a hidden tab).
 */
export function useGameRound({
  onPlay,
  onRevealed,
  reducedMotion,
  fallbackMs,
}: Pick<GameProps, "onPlay" | "onRevealed"> & { reducedMotion: boolean; fallbackMs?: number }) {
  const [phase, setPhase] = useState<Phase>("ready");
  const [result, setResult] = useState<PlayResult | null>(null);
  const [round, setRound] = useState(0);
  // The round being played and the last one revealed, read by reveal() whenever it is called:
  // an animation's end may call it from a closure older than the answer.
  const current = useRef<{ result: PlayResult | null; round: number }>({ result: null, round: 0 });
  const revealedRound = useRef(0);
  const revealed = useRef(onRevealed);
  useEffect(() => {
    revealed.current = onRevealed;
  }, [onRevealed]);

  const reveal = useCallback(() => {
    const { result, round } = current.current;
    if (!result || revealedRound.current === round) return;
    revealedRound.current = round;
    setPhase("revealed");
    revealed.current(result);
  }, []);

  /**
   * Plays a round. `moving`: the game already answers the press on its own (the wheel's Web
   * Animation runs on the compositor), so the round's render waits for a transition and the
   * press's frame draws that motion first, with no render of the game before it.
   */
  async function start({ moving = false }: { moving?: boolean } = {}): Promise<PlayResult | null> {
    if (phase === "waiting" || phase === "animating") return null;
    if (moving) startTransition(() => setPhase("waiting"));
    else setPhase("waiting");
    const next = await onPlay();
    if (!next) {
      setPhase(current.current.result ? "revealed" : "ready");
      return null;
    }
    current.current = { result: next, round: current.current.round + 1 };
    setResult(next);
    setRound(current.current.round);
    if (reducedMotion) reveal();
    else setPhase("animating");
    return next;
  }

  useEffect(() => {
    if (phase !== "animating" || fallbackMs === undefined) return;
    const timer = setTimeout(reveal, fallbackMs);
    return () => clearTimeout(timer);
  }, [phase, fallbackMs, reveal]);

  return { phase, result, round, busy: phase === "waiting" || phase === "animating", start, reveal };
}

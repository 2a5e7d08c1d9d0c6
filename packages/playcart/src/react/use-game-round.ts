"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { GameProps, PlayResult } from "./game-types.ts";

export type Phase = "ready" | "waiting" | "animating" | "revealed";

/**
 * One round of a game: ask the server, animate, reveal. The result is shown (and
 * announced) only once the animation has landed, or at once when motion is reduced.
 * `fallbackMs` reveals anyway if an animation event never arrives (a hidden tab).
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
  const revealedRound = useRef(0);

  const reveal = useCallback(() => {
    if (!result || revealedRound.current === round) return;
    revealedRound.current = round;
    setPhase("revealed");
    onRevealed(result);
  }, [result, round, onRevealed]);

  async function start(): Promise<PlayResult | null> {
    if (phase === "waiting" || phase === "animating") return null;
    setPhase("waiting");
    const next = await onPlay();
    if (!next) {
      setPhase(result ? "revealed" : "ready");
      return null;
    }
    setResult(next);
    setRound((n) => n + 1);
    if (reducedMotion) {
      revealedRound.current = round + 1;
      setPhase("revealed");
      onRevealed(next);
    } else {
      setPhase("animating");
    }
    return next;
  }

  useEffect(() => {
    if (phase !== "animating" || fallbackMs === undefined) return;
    const timer = setTimeout(reveal, fallbackMs);
    return () => clearTimeout(timer);
  }, [phase, fallbackMs, reveal]);

  return { phase, result, round, busy: phase === "waiting" || phase === "animating", start, reveal };
}

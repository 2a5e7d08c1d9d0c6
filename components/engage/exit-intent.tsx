"use client";

import type { GameOffer, PlayOutcome, PlayRequest } from "playcart/client";
// Watches for a shopper about to leave checkout: on desktop the pointer leaving toward the
// top; on mobile the tab hidden (shown on return), back navigation, or a long idle. It is all
// the checkout loads up front; the nudge itself is fetched only when it is about to show.
import { type ComponentType, useEffect, useState } from "react";
import type { NudgeProps } from "./exit-nudge";

export type ExitTrigger = "pointer_top" | "tab_hidden" | "back" | "idle";
const DONE_KEY = "pc_nudge_done";
const IDLE_MS = 90_000;

type Props = {
  offer: GameOffer | null;
  play: (req: PlayRequest) => Promise<PlayOutcome>;
  claim: (trigger: ExitTrigger) => Promise<{ show: boolean }>;
  dismiss: () => Promise<void>;
  vapidPublicKey?: string | null;
};

export function ExitIntent({ offer, play, claim, dismiss, vapidPublicKey }: Props) {
  const [Nudge, setNudge] = useState<ComponentType<NudgeProps> | null>(null);

  useEffect(() => {
    if (sessionStorage.getItem(DONE_KEY)) return;
    let fired = false;
    let hiddenAt = 0;
    let idle: ReturnType<typeof setTimeout> | undefined;
    const fire = async (trigger: ExitTrigger) => {
      if (fired) return;
      fired = true;
      cleanup();
      sessionStorage.setItem(DONE_KEY, "1");
      const [mod, decision] = await Promise.all([
        import("./exit-nudge"),
        claim(trigger).catch(() => ({ show: false })),
      ]);
      if (decision.show) setNudge(() => mod.ExitNudge);
    };
    const onMouseOut = (e: MouseEvent) => {
      if (!e.relatedTarget && e.clientY <= 0) void fire("pointer_top");
    };
    const onVisibility = () => {
      if (document.visibilityState === "hidden") hiddenAt = Date.now();
      else if (hiddenAt) void fire("tab_hidden");
    };
    const onPopState = () => void fire("back");
    const resetIdle = () => {
      clearTimeout(idle);
      idle = setTimeout(() => void fire("idle"), IDLE_MS);
    };
    // One extra history entry, so the first Back shows the nudge instead of leaving.
    history.pushState({ playcartNudge: true }, "");
    document.addEventListener("mouseout", onMouseOut);
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("popstate", onPopState);
    for (const ev of ["pointerdown", "keydown", "scroll"]) window.addEventListener(ev, resetIdle, { passive: true });
    resetIdle();
    function cleanup() {
      clearTimeout(idle);
      document.removeEventListener("mouseout", onMouseOut);
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("popstate", onPopState);
      for (const ev of ["pointerdown", "keydown", "scroll"]) window.removeEventListener(ev, resetIdle);
    }
    return cleanup;
  }, [claim]);

  if (!Nudge) return null;
  return (
    <Nudge
      offer={offer}
      play={play}
      onClose={() => {
        setNudge(null);
        void dismiss();
      }}
      onContinue={() => setNudge(null)}
      vapidPublicKey={vapidPublicKey}
    />
  );
}

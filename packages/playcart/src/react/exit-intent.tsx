"use client";

// Watches for a shopper about to leave checkout: on desktop the pointer leaving toward the
// top; on mobile the tab hidden (shown on return), back navigation, or a long idle. It is all
// the checkout loads up front; the nudge itself is fetched only when it is about to show.
import { type ComponentType, useEffect, useRef, useState } from "react";
import type { GameOffer } from "../client.ts";
import type { NudgeProps } from "./exit-nudge.tsx";
import type { PlayFn } from "./game-types.ts";
import { hydratedAfterPage } from "./hydrate-after-page.tsx";
import { whenIdle } from "./when-idle.ts";

export type ExitTrigger = "pointer_top" | "tab_hidden" | "back" | "idle";
const DONE_KEY = "pc_nudge_done";
const IDLE_MS = 90_000;
// The events after which a page has had a user activation (a tap ends in pointerup and click).
const ACTIVATIONS = ["pointerup", "keydown", "click"] as const;

export type ExitIntentProps = {
  /** How the nudge's game plays: a server action or any function. Default: POST to `playEndpoint`. */
  play?: PlayFn;
  /** The play route when `play` is not given (default /api/playcart/play). */
  playEndpoint?: string;
  /**
   * Asks the server whether to show the nudge for this trigger (it shows it once per session),
   * and the game it carries, if any: `playcart.exitNudge(trigger)` in a server action.
   */
  claim: (trigger: ExitTrigger) => Promise<{ show: boolean; offer?: GameOffer | null }>;
  /** Tells the server the shopper said no thanks. */
  dismiss: () => Promise<void>;
  /** Web-push key: when given, the nudge offers notifications about the cart. */
  vapidPublicKey?: string | null;
  /** Where the push opt-in posts the subscription (see PushOptIn). */
  pushEndpoint?: string;
  /** The service worker the push opt-in registers (see PushOptIn). */
  serviceWorkerUrl?: string;
};

/** The exit-intent watcher, hydrated after the host's page (hydratedAfterPage). */
export const ExitIntent = hydratedAfterPage(ExitIntentNow);

function ExitIntentNow({ claim, dismiss, ...nudge }: ExitIntentProps) {
  const [shown, setShown] = useState<{ Nudge: ComponentType<NudgeProps>; offer: GameOffer | null } | null>(null);
  // The watcher starts once per checkout view. A refreshed checkout (the email given, a prize
  // shown) brings a new `claim` (a server action's reference): restarting on it added another
  // Back entry each time, and the shopper had to press Back that many more times to leave.
  const claimNow = useRef(claim);
  useEffect(() => {
    claimNow.current = claim;
  }, [claim]);

  useEffect(() => {
    // Whether this tab has had its nudge is read only when it matters (a trigger, the Back
    // entry): a page's first use of sessionStorage costs a slow phone a few ms of main thread,
    // which the checkout's load should not pay.
    const done = () => sessionStorage.getItem(DONE_KEY) !== null;
    let fired = false;
    let hiddenAt = 0;
    let idle: ReturnType<typeof setTimeout> | undefined;
    let cancelArm = () => {};
    const fire = async (trigger: ExitTrigger) => {
      if (fired) return;
      fired = true;
      cleanup();
      if (done()) return;
      sessionStorage.setItem(DONE_KEY, "1");
      const [mod, decision] = await Promise.all([
        import("./exit-nudge.tsx"),
        claimNow.current(trigger).catch(() => ({ show: false, offer: null })),
      ]);
      if (decision.show) setShown({ Nudge: mod.ExitNudge, offer: decision.offer ?? null });
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
    // One extra history entry, so the first Back shows the nudge instead of leaving. It is added
    // once the shopper has interacted with the page, when the browser is idle: a browser's Back
    // button skips an entry a page added without a user activation (Chrome's history
    // manipulation intervention), so an earlier entry would not work, and a pushState costs the
    // checkout's load (and a tap, were it run inside the tap's handler) a few ms of main thread.
    const arm = () => {
      for (const ev of ACTIVATIONS) removeEventListener(ev, onActivation, true);
      cancelArm = whenIdle(() => {
        if (!done()) history.pushState({ playcartNudge: true }, "");
      }, 500);
    };
    // Esc and the browser's own shortcuts are no activation: where the browser says so, wait on.
    const onActivation = () => {
      if (navigator.userActivation?.hasBeenActive !== false) arm();
    };
    // Arrived by a click in the store (a client-side navigation): the page is active already.
    if (navigator.userActivation?.hasBeenActive) arm();
    else for (const ev of ACTIVATIONS) addEventListener(ev, onActivation, { capture: true, passive: true });
    document.addEventListener("mouseout", onMouseOut);
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("popstate", onPopState);
    for (const ev of ["pointerdown", "keydown", "scroll"]) window.addEventListener(ev, resetIdle, { passive: true });
    resetIdle();
    function cleanup() {
      clearTimeout(idle);
      cancelArm();
      for (const ev of ACTIVATIONS) removeEventListener(ev, onActivation, true);
      document.removeEventListener("mouseout", onMouseOut);
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("popstate", onPopState);
      for (const ev of ["pointerdown", "keydown", "scroll"]) window.removeEventListener(ev, resetIdle);
    }
    return cleanup;
  }, []);

  if (!shown) return null;
  return (
    <shown.Nudge
      {...nudge}
      offer={shown.offer}
      onClose={() => {
        setShown(null);
        void dismiss();
      }}
      onContinue={() => setShown(null)}
    />
  );
}

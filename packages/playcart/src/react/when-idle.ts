// Work that only prepares for a later gesture (fetching a game's chunk before Play is pressed)
// waits until the page has loaded and the shopper has used it, then for the browser to be
// idle: a checkout that is loaded and left alone runs none of it. Run 2.5 s after the load
// event instead, the game's chunk (its request, the script inserted, compiled and run) often
// fell inside the load that bench:checkout traces: against a build without that preload, over
// 15 pairs, it cost the page a median 31 ms of main thread at 4x, 112 ms of blocking time and
// 4 points of score, for a game the shopper had not reached for yet. A gesture that needs the
// work sooner does it itself (Play preloads on pointerenter, focus and touchstart).

/**
 * The input that shows a shopper using the page: a touch (a phone's scroll starts with one), a
 * tap or click, a key, a mouse wheel, a pointer moving over it. Not `scroll` itself, which the
 * page's own code causes too (focus moved into view, a restored position).
 */
export const ENGAGEMENT_EVENTS = ["pointerdown", "pointermove", "touchstart", "keydown", "wheel"] as const;

/** Runs `work` when the browser is idle, within `timeoutMs` at the latest; returns a cancel. */
export function whenIdle(work: () => void, timeoutMs = 3000): () => void {
  if (typeof requestIdleCallback === "function") {
    const id = requestIdleCallback(work, { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  // Safari has no requestIdleCallback: a short delay keeps the work off the first paint.
  const timer = setTimeout(work, Math.min(timeoutMs, 1500));
  return () => clearTimeout(timer);
}

/**
 * Runs `work` when the browser is idle once the page has loaded and the shopper has used it
 * (ENGAGEMENT_EVENTS; a page reached by a click in the store counts as used); returns a cancel.
 */
export function afterEngagementWhenIdle(work: () => void): () => void {
  let loaded = document.readyState === "complete";
  // Arrived by a click in the store (a client-side navigation): the shopper is using the page already.
  let engaged = navigator.userActivation?.hasBeenActive === true;
  let cancelIdle: (() => void) | null = null;
  const stopListening = () => {
    window.removeEventListener("load", onLoad);
    for (const type of ENGAGEMENT_EVENTS) window.removeEventListener(type, onEngaged, true);
  };
  const ready = () => {
    if (!loaded || !engaged || cancelIdle) return;
    stopListening();
    cancelIdle = whenIdle(work);
  };
  function onLoad() {
    loaded = true;
    ready();
  }
  function onEngaged(e: Event) {
    // Only the shopper's own input: an event a script dispatched says nothing about them.
    if (engaged || !e.isTrusted) return;
    engaged = true;
    for (const type of ENGAGEMENT_EVENTS) window.removeEventListener(type, onEngaged, true);
    ready();
  }
  if (!loaded) window.addEventListener("load", onLoad, { once: true });
  if (!engaged)
    for (const type of ENGAGEMENT_EVENTS) window.addEventListener(type, onEngaged, { capture: true, passive: true });
  ready();
  return () => {
    stopListening();
    cancelIdle?.();
  };
}

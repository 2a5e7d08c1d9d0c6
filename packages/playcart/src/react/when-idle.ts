// Work that only prepares for a later gesture (fetching a game's chunk before Play is pressed)
// waits until the page has loaded and the shopper has used it, then for the browser to be
// idle: a checkout that is loaded and left alone runs none of it. Run 2.5 s after the load
// event instead, the game's chunk (its request, the script inserted, compiled and run) fell
// inside the load that bench:checkout traces in most runs, and cost the page about 30 ms of
// main thread and 4 points of score there: work for a game the shopper had not reached for
// yet. A gesture that needs the work sooner does it itself (Play preloads on pointerenter,
// focus and touchstart).

/** The events that show a shopper using the page: a touch, a tap, a key, a scroll, a pointer moving over it. */
export const ENGAGEMENT_EVENTS = ["pointerdown", "pointermove", "touchstart", "keydown", "scroll", "wheel"] as const;

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
  function onEngaged() {
    if (engaged) return;
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

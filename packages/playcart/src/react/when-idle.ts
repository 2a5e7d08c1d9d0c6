// Work that only prepares for a later gesture (fetching a game's chunk before Play is pressed)
// waits until the page has loaded, then a moment more, then for the browser to be idle: it
// never competes with the page's own loading, hydration and first interactions. A gesture
// that needs the work sooner does it itself (Play preloads on pointerenter, focus, touchstart).

/** After the load event: long enough for the page's own late work (analytics, images) to settle. */
export const AFTER_LOAD_MS = 2500;

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

/** Runs `work` once the page has loaded, AFTER_LOAD_MS later, when the browser is idle; returns a cancel. */
export function afterLoadWhenIdle(work: () => void, delayMs = AFTER_LOAD_MS): () => void {
  let cancel = () => {};
  const later = () => {
    const timer = setTimeout(() => {
      cancel = whenIdle(work);
    }, delayMs);
    cancel = () => clearTimeout(timer);
  };
  if (document.readyState === "complete") later();
  else {
    window.addEventListener("load", later, { once: true });
    cancel = () => window.removeEventListener("load", later);
  }
  return () => cancel();
}

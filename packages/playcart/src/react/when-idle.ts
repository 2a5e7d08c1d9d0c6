// Work that may wait until the browser has nothing else to do (after hydration, between
// frames), with a deadline so a page that is never idle still gets it.

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

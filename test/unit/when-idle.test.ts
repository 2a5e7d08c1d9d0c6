// A game's chunk is fetched ahead of Play only once the checkout has loaded, a moment later,
// when the browser is idle: never during the page's own loading and hydration.
import { AFTER_LOAD_MS, afterLoadWhenIdle } from "playcart/internal/react/when-idle";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

type Listener = () => void;

describe("afterLoadWhenIdle", () => {
  let readyState: DocumentReadyState;
  let loadListeners: Listener[];
  let idle: Array<{ work: Listener; timeout?: number }>;

  beforeEach(() => {
    vi.useFakeTimers();
    readyState = "loading";
    loadListeners = [];
    idle = [];
    vi.stubGlobal("document", {
      get readyState() {
        return readyState;
      },
    });
    vi.stubGlobal("window", {
      addEventListener: (type: string, fn: Listener) => type === "load" && loadListeners.push(fn),
      removeEventListener: (type: string, fn: Listener) => {
        if (type === "load") loadListeners = loadListeners.filter((l) => l !== fn);
      },
    });
    vi.stubGlobal("requestIdleCallback", (work: Listener, opts?: { timeout?: number }) => {
      idle.push({ work, timeout: opts?.timeout });
      return idle.length;
    });
    vi.stubGlobal("cancelIdleCallback", (id: number) => {
      idle[id - 1] = { work: () => {} };
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const load = () => {
    readyState = "complete";
    for (const l of loadListeners.splice(0)) l();
  };

  it("waits for the load event, then AFTER_LOAD_MS, then an idle moment", () => {
    const work = vi.fn();
    afterLoadWhenIdle(work);
    vi.advanceTimersByTime(60_000);
    expect(idle).toHaveLength(0);
    load();
    vi.advanceTimersByTime(AFTER_LOAD_MS - 1);
    expect(idle).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(idle).toHaveLength(1);
    expect(work).not.toHaveBeenCalled();
    idle[0].work();
    expect(work).toHaveBeenCalledTimes(1);
  });

  it("on a page loaded already, counts from now", () => {
    readyState = "complete";
    afterLoadWhenIdle(() => {});
    vi.advanceTimersByTime(AFTER_LOAD_MS);
    expect(idle).toHaveLength(1);
  });

  it("cancelled at any stage, it never runs", () => {
    const work = vi.fn();
    afterLoadWhenIdle(work)();
    load();
    vi.advanceTimersByTime(AFTER_LOAD_MS);
    expect(idle).toHaveLength(0);

    const cancelLater = afterLoadWhenIdle(work);
    vi.advanceTimersByTime(AFTER_LOAD_MS / 2);
    cancelLater();
    vi.advanceTimersByTime(AFTER_LOAD_MS);
    expect(idle).toHaveLength(0);

    const cancelIdle = afterLoadWhenIdle(work);
    vi.advanceTimersByTime(AFTER_LOAD_MS);
    cancelIdle();
    for (const i of idle) i.work();
    expect(work).not.toHaveBeenCalled();
  });
});

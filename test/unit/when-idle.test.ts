// A game's chunk is fetched ahead of Play only once the checkout has loaded and the shopper has
// used it, when the browser is idle: a checkout loaded and left alone fetches no game.
import { afterEngagementWhenIdle, ENGAGEMENT_EVENTS } from "playcart/internal/react/when-idle";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

type Listener = (e: { isTrusted: boolean }) => void;

describe("afterEngagementWhenIdle", () => {
  let readyState: DocumentReadyState;
  let hasBeenActive: boolean;
  let listeners: Map<string, Set<Listener>>;
  let idle: Array<{ work: () => void; timeout?: number }>;

  beforeEach(() => {
    readyState = "loading";
    hasBeenActive = false;
    listeners = new Map();
    idle = [];
    vi.stubGlobal("document", {
      get readyState() {
        return readyState;
      },
    });
    vi.stubGlobal("navigator", {
      userActivation: {
        get hasBeenActive() {
          return hasBeenActive;
        },
      },
    });
    vi.stubGlobal("window", {
      addEventListener: (type: string, fn: Listener) => {
        if (!listeners.has(type)) listeners.set(type, new Set());
        listeners.get(type)!.add(fn);
      },
      removeEventListener: (type: string, fn: Listener) => listeners.get(type)?.delete(fn),
    });
    vi.stubGlobal("requestIdleCallback", (work: () => void, opts?: { timeout?: number }) => {
      idle.push({ work, timeout: opts?.timeout });
      return idle.length;
    });
    vi.stubGlobal("cancelIdleCallback", (id: number) => {
      idle[id - 1] = { work: () => {} };
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  const fire = (type: string, isTrusted = true) => {
    for (const l of [...(listeners.get(type) ?? [])]) l({ isTrusted });
  };
  const load = () => {
    readyState = "complete";
    fire("load");
  };
  const listening = () => [...listeners.values()].reduce((n, set) => n + set.size, 0);

  it("waits for the load event and the shopper's first use of the page, then an idle moment", () => {
    const work = vi.fn();
    afterEngagementWhenIdle(work);
    load();
    expect(idle, "loaded, left alone: nothing is scheduled").toHaveLength(0);
    fire("wheel");
    expect(idle).toHaveLength(1);
    expect(work).not.toHaveBeenCalled();
    idle[0].work();
    expect(work).toHaveBeenCalledTimes(1);
    expect(listening(), "no listener is left on the page").toBe(0);
  });

  it("a shopper using the page before it has loaded still waits for the load event", () => {
    afterEngagementWhenIdle(() => {});
    fire("touchstart");
    fire("keydown");
    expect(idle).toHaveLength(0);
    load();
    expect(idle).toHaveLength(1);
    expect(listening()).toBe(0);
  });

  it("each kind of input counts: a touch, a tap, a key, a wheel, a pointer moving", () => {
    readyState = "complete";
    for (const type of ENGAGEMENT_EVENTS) {
      idle = [];
      afterEngagementWhenIdle(() => {});
      expect(idle).toHaveLength(0);
      fire(type);
      expect(idle, type).toHaveLength(1);
    }
    expect(ENGAGEMENT_EVENTS).toEqual(
      expect.arrayContaining(["pointerdown", "pointermove", "touchstart", "keydown", "wheel"]),
    );
  });

  it("the page's own doings are not the shopper: a scroll, or an event a script dispatched", () => {
    readyState = "complete";
    afterEngagementWhenIdle(() => {});
    fire("scroll");
    fire("pointermove", false);
    fire("keydown", false);
    expect(idle).toHaveLength(0);
    fire("keydown");
    expect(idle).toHaveLength(1);
  });

  it("a page reached by a click in the store is in use already: idle after its load", () => {
    hasBeenActive = true;
    afterEngagementWhenIdle(() => {});
    expect(idle).toHaveLength(0);
    load();
    expect(idle).toHaveLength(1);
  });

  it("schedules the work once, however many events follow", () => {
    readyState = "complete";
    afterEngagementWhenIdle(() => {});
    fire("pointermove");
    fire("pointermove");
    fire("keydown");
    expect(idle).toHaveLength(1);
  });

  it("cancelled at any stage, it never runs and leaves no listener", () => {
    const work = vi.fn();
    afterEngagementWhenIdle(work)();
    expect(listening()).toBe(0);
    load();
    fire("wheel");
    expect(idle).toHaveLength(0);

    const cancelIdle = afterEngagementWhenIdle(work);
    fire("wheel");
    cancelIdle();
    for (const i of idle) i.work();
    expect(work).not.toHaveBeenCalled();
  });
});

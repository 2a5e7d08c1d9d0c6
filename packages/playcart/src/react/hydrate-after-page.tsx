"use client";

import { type ComponentType, type ReactNode, Suspense } from "react";

/**
 * `Part`, hydrated after the host's page, in a task of its own: each of Playcart's parts on a
 * host's page is exported so. React hydrates a page in one long task, and a server-rendered
 * Suspense boundary it meets is left for later, at a low priority that yields to the browser
 * between components: Playcart's parts then no longer lengthen the page's hydration task, the
 * longest of a checkout's load, which Lighthouse counts four times over (bench:checkout-metrics,
 * "longest task": Playcart's parts added about 14 ms to it at 1x; deferred, between -7 and +8 ms,
 * within the noise). Their buttons are disabled until hydrated (useEnabledWhenHydrated), so
 * nothing is pressed in between.
 *
 * Nothing inside suspends on the first render, so the server sends the part whole and the
 * fallback is never shown; a game's chunk suspends inside a boundary of its own.
 */
export function hydratedAfterPage<P extends object>(Part: ComponentType<P>): (props: P) => ReactNode {
  return function HydratedAfterPage(props: P) {
    return (
      <Suspense fallback={null}>
        <Part {...props} />
      </Suspense>
    );
  };
}

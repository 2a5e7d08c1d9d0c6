"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server's HTML and until React has hydrated this component, then true. A form
 * whose submit React handles stays disabled until then: pressed earlier (a slow phone, a
 * chunk still loading), the browser would submit it natively, reload the page and lose what
 * was typed.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

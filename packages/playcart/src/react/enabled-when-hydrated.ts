"use client";

import { type RefObject, useLayoutEffect } from "react";

/**
 * A button the server renders disabled and React enables once it has hydrated it. Pressed
 * before (a slow phone, its chunk still loading), a click would do nothing, or submit its form
 * natively: a reload that loses what was typed.
 *
 * Spread the result into the button and give it no `disabled` of its own. The server renders
 * `disabled`; the browser renders what `disabled` says, and hydration, which leaves a server
 * attribute as it is, is told not to report the difference. A layout effect then sets the
 * hydrated button's `disabled` to match. (A state that flipped once hydrated made React render
 * each such part a second time during the checkout's load; the prop must still say the truth
 * in the browser, because React drops a click on a button whose props say disabled.)
 */
export function useEnabledWhenHydrated(
  button: RefObject<HTMLButtonElement | null>,
  disabled = false,
): { disabled: boolean; suppressHydrationWarning: true } {
  // Once, on mount: a button React creates in the browser already has the right `disabled`, and
  // React keeps it up to date from then on.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the value at hydration is the one to set.
  useLayoutEffect(() => {
    if (button.current) button.current.disabled = disabled;
  }, []);
  return { disabled: typeof window === "undefined" || disabled, suppressHydrationWarning: true };
}

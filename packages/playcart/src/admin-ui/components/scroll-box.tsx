import type { ReactNode } from "react";

/**
 * A wide table's own horizontal scroller, so the page stays as wide as the screen. It is a
 * named region in the tab order: a keyboard user can focus it and scroll it with the arrow
 * keys even when the table inside has nothing focusable (axe: scrollable-region-focusable).
 * Its name differs from its section's: landmarks' names must be unique.
 */
export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section className="playcart-admin-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}

"use client";

// The rewards launcher: a small button, fixed in a corner of every page or placed in the
// host's own header. The panel (its script and its data) loads only when the shopper opens
// it, so a page pays for one button.
import { type ComponentType, useRef, useState } from "react";
import { useEnabledWhenHydrated } from "./enabled-when-hydrated.ts";
import { hydratedAfterPage } from "./hydrate-after-page.tsx";
import type { RewardsDialogProps } from "./rewards-dialog.tsx";

export type RewardsLauncherProps = {
  /** Playcart's panel route: GET <basePath>/panel. */
  endpoint?: string;
  /** Where a guest signs in or joins. */
  joinHref?: string;
  label?: string;
  /**
   * Fixed in the page's bottom corner (default), or false to sit where the host renders it
   * (a header): a fixed button can cover a pay button on a phone.
   */
  floating?: boolean;
};

const loadDialog = () => import("./rewards-dialog.tsx");

// Drawn, not the "★" character: few text fonts have that glyph, and the browser's search of the
// system's fonts for one cost the page's first layout tens of milliseconds on a slow phone. Drawn
// in CSS (a clipped square, styles.css), not as an inline <svg>: a page's first SVG makes
// Chromium load its SVG stylesheet and restyle the whole page.
const StarIcon = () => <span aria-hidden="true" className="playcart-rewards-star" />;

/** The rewards button, hydrated after the host's page (hydratedAfterPage). */
export const RewardsLauncher = hydratedAfterPage(RewardsLauncherNow);

function RewardsLauncherNow({
  endpoint = "/api/playcart/panel",
  joinHref,
  label = "Rewards",
  floating = true,
}: RewardsLauncherProps) {
  const [Dialog, setDialog] = useState<ComponentType<RewardsDialogProps> | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  // Disabled in the server's HTML until React has hydrated it: pressed earlier (a slow phone,
  // its chunk still loading), the click would do nothing and the panel would never open.
  const enabledWhenHydrated = useEnabledWhenHydrated(button);
  const open = async () => {
    const mod = await loadDialog();
    setDialog(() => mod.RewardsDialog);
  };
  return (
    <>
      <button
        ref={button}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={Dialog !== null}
        {...enabledWhenHydrated}
        onClick={open}
        // Warm the panel's script as the pointer or focus arrives, before the click.
        onPointerEnter={() => void loadDialog()}
        onFocus={() => void loadDialog()}
        className={floating ? "playcart-rewards-button playcart-rewards-floating" : "playcart-rewards-button"}
      >
        <StarIcon /> {label}
      </button>
      {Dialog && (
        <Dialog
          endpoint={endpoint}
          joinHref={joinHref}
          onClose={() => {
            setDialog(null);
            // Focus goes back to what opened the panel.
            button.current?.focus();
          }}
        />
      )}
    </>
  );
}

"use client";

// Playcart's rewards launcher for the store's header, fetched as a chunk of its own when the
// server renders it (Playcart on): imported by the header itself, it would sit in the chunk
// every page loads, with Playcart off too. The server renders its button into the HTML.
import type { RewardsLauncherProps } from "playcart/react";
import { lazy, Suspense } from "react";

const Launcher = lazy(() => import("./rewards-launcher-part").then((m) => ({ default: m.RewardsLauncher })));

export function RewardsLauncher(props: RewardsLauncherProps) {
  return (
    <Suspense fallback={null}>
      <Launcher {...props} />
    </Suspense>
  );
}

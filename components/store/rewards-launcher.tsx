"use client";

// Playcart's rewards launcher for the store's header, a chunk of its own that a page loads only
// when the server renders it (Playcart on): imported by the header itself, it would sit in the
// chunk every page loads, with Playcart off too. next/dynamic names the chunk in the HTML the
// server renders, so it comes with the page's scripts (see playcart-checkout.tsx).
import dynamic from "next/dynamic";
import type { RewardsLauncherProps } from "playcart/react";
import { ownBoundary } from "./own-boundary";

export const RewardsLauncher = dynamic<RewardsLauncherProps>(
  () => import("./rewards-launcher-part").then((m) => m.RewardsLauncher),
  { loading: ownBoundary },
);

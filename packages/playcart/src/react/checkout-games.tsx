"use client";

// The checkout's slot for Playcart: the offer card is its own chunk, so a page that renders
// no slot ships none of it. Plays go to the JSON play route unless the host passes `play`.
import { lazy, Suspense } from "react";
import type { GameLauncherProps } from "./game-launcher.tsx";

const Launcher = lazy(() => import("./game-launcher.tsx").then((m) => ({ default: m.GameLauncher })));

/** The checkout's game slot. Server components pass `playEndpoint` (a string); client code may pass `play`. */
export function CheckoutGames(props: GameLauncherProps) {
  return (
    <Suspense fallback={null}>
      <Launcher {...props} />
    </Suspense>
  );
}

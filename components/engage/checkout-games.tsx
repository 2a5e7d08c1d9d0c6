"use client";

// The checkout's slot for Playcart: the offer card is its own chunk, so a store running with
// PLAYCART_ENGAGE=off (or a page that renders no slot) ships none of it, and
// `npm run bench:play` can weigh exactly what the engagement layer adds to the checkout.
// Plays go to the JSON route (see play-route.ts).
import dynamic from "next/dynamic";
import type { GameOffer } from "playcart/client";
import { playViaRoute } from "./play-route";

const Launcher = dynamic(() => import("./game-launcher").then((m) => m.GameLauncher));

export function CheckoutGames({ offer, oddsHref }: { offer: GameOffer | null; oddsHref?: string }) {
  return <Launcher offer={offer} play={playViaRoute} oddsHref={oddsHref} />;
}

"use client";

// The checkout's slot for Playcart: the offer card is its own chunk, so a store running with
// PLAYCART_ENGAGE=off (or a page that renders no slot) ships none of it, and
// `npm run bench:play` can weigh exactly what the engagement layer adds to the checkout.
import dynamic from "next/dynamic";

export const CheckoutGames = dynamic(() => import("./game-launcher").then((m) => m.GameLauncher));

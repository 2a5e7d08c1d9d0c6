"use client";

// Playcart's parts of the checkout, a chunk of their own that a checkout loads only when the
// server renders them (Playcart on). Next bundles every client component a page imports into
// one chunk that the page loads whatever it renders, so imported by the page itself they
// would reach a checkout without Playcart too. next/dynamic, not React.lazy: the server
// renders them into the HTML and names their chunk there, so the browser fetches it with the
// page's own scripts. Fetched when hydration reached them, the chunk cost a slow phone one
// more round trip before the Play button worked, and delayed the page's load event as long.
import dynamic from "next/dynamic";
import type { RewardChooserProps } from "playcart/react";
import type { CheckoutGameSlotProps } from "./checkout-game-slot";
import { ownBoundary } from "./own-boundary";

// Each import() is written inside its dynamic() call, not shared through a helper: that is where
// Next's compiler finds the module whose chunk the HTML must name. The game slot and the
// exit-intent watcher are one part (checkout-game-slot.tsx): each part costs its own lazy start.
export const CheckoutGameSlot = dynamic<CheckoutGameSlotProps>(
  () => import("./playcart-checkout-parts").then((m) => m.CheckoutGameSlot),
  { loading: ownBoundary },
);
export const RewardChooser = dynamic<RewardChooserProps>(
  () => import("./playcart-checkout-parts").then((m) => m.RewardChooser),
  { loading: ownBoundary },
);

"use client";

// Playcart's parts of the checkout, fetched as a chunk of their own when the server renders one
// (Playcart on). Next bundles every client component a page imports into one chunk that the
// page loads whatever it renders, so imported by the page itself they would reach a checkout
// without Playcart too. The server still renders them into the HTML; each hydrates when the
// chunk arrives, behind its own Suspense boundary, so the rest of the page does not wait.
import type { CheckoutGamesProps, ExitIntentProps, RewardChooserProps } from "playcart/react";
import { lazy, Suspense } from "react";

const parts = () => import("./playcart-checkout-parts");
const Games = lazy(() => parts().then((m) => ({ default: m.CheckoutGames })));
const Exit = lazy(() => parts().then((m) => ({ default: m.ExitIntent })));
const Chooser = lazy(() => parts().then((m) => ({ default: m.RewardChooser })));

export function CheckoutGames(props: CheckoutGamesProps) {
  return (
    <Suspense fallback={null}>
      <Games {...props} />
    </Suspense>
  );
}

export function ExitIntent(props: ExitIntentProps) {
  return (
    <Suspense fallback={null}>
      <Exit {...props} />
    </Suspense>
  );
}

export function RewardChooser(props: RewardChooserProps) {
  return (
    <Suspense fallback={null}>
      <Chooser {...props} />
    </Suspense>
  );
}

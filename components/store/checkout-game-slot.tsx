"use client";

// Playcart's part of the checkout in one client component: the game slot and the exit-intent
// watcher. One next/dynamic part rather than one each: every dynamic part is a React.lazy that
// a phone initialises, suspends on and hydrates again on its own during the checkout's load.
// The watcher renders nothing until its nudge shows, and the nudge is a modal <dialog> in the
// top layer, so where it sits in the page changes nothing on screen.
import { CheckoutGames, type CheckoutGamesProps, ExitIntent, type ExitIntentProps } from "playcart/react";

export type CheckoutGameSlotProps = { games: CheckoutGamesProps; exit: ExitIntentProps };

export function CheckoutGameSlot({ games, exit }: CheckoutGameSlotProps) {
  return (
    <>
      <CheckoutGames {...games} />
      <ExitIntent {...exit} />
    </>
  );
}

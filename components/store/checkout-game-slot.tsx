"use client";

// Playcart's part of the checkout in one client component: the game slot and the exit-intent
// watcher. One next/dynamic part rather than one each: every dynamic part is a React.lazy that
// a phone initialises, suspends on and hydrates again on its own during the checkout's load.
// The watcher sits beside the slot's box, not in it: it renders nothing until its nudge shows,
// and the nudge is a modal <dialog> (in the top layer, out of the page's flow), so it never
// takes a place in the checkout's grid; inside the box it would make an empty box show.
import { CheckoutGames, type CheckoutGamesProps, ExitIntent, type ExitIntentProps } from "playcart/react";

export type CheckoutGameSlotProps = {
  /** The box the game goes in, as the page lays it out (it hides itself when the game shows nothing). */
  className: string;
  games: CheckoutGamesProps;
  exit: ExitIntentProps;
};

export function CheckoutGameSlot({ className, games, exit }: CheckoutGameSlotProps) {
  return (
    <>
      <div className={className}>
        <CheckoutGames {...games} />
      </div>
      <ExitIntent {...exit} />
    </>
  );
}

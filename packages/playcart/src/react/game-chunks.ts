// Each game is a chunk of its own, fetched before the shopper presses Play: when the browser
// is idle once the checkout has loaded and the shopper has used it (a touch, a scroll, a key,
// the pointer moving), or as soon as the Play button is pointed at, focused or touched. Play
// then renders a game that is already here.
import { type ComponentType, lazy } from "react";
import type { GameOffer } from "../client.ts";
import type { GameProps } from "./game-types.ts";
import { afterEngagementWhenIdle } from "./when-idle.ts";

type GameType = GameOffer["gameType"];
type Game = ComponentType<GameProps>;

// An advent door is a scratch card: offered anywhere else than its calendar, it plays as one.
const importers: Record<GameType, () => Promise<Game>> = {
  spin_wheel: () => import("./spin-wheel.tsx").then((m) => m.SpinWheel),
  shake_tree: () => import("./shake-tree.tsx").then((m) => m.ShakeTree),
  scratch_card: () => import("./scratch-card.tsx").then((m) => m.ScratchCard),
  advent_calendar: () => import("./scratch-card.tsx").then((m) => m.ScratchCard),
};

const fetching = new Map<GameType, Promise<Game>>();
const loaded = new Map<GameType, Game>();

/** Fetches a game's chunk once; a failed fetch may be tried again. */
export function loadGame(type: GameType): Promise<Game> {
  let pending = fetching.get(type);
  if (!pending) {
    pending = importers[type]().then((game) => {
      loaded.set(type, game);
      return game;
    });
    pending.catch(() => fetching.delete(type));
    fetching.set(type, pending);
  }
  return pending;
}

const suspending = {
  spin_wheel: lazy(() => loadGame("spin_wheel").then((game) => ({ default: game }))),
  shake_tree: lazy(() => loadGame("shake_tree").then((game) => ({ default: game }))),
  scratch_card: lazy(() => loadGame("scratch_card").then((game) => ({ default: game }))),
  advent_calendar: lazy(() => loadGame("advent_calendar").then((game) => ({ default: game }))),
};

/**
 * The component to render for a game: itself once its chunk is here, else a lazy one that
 * suspends while it arrives. Chosen once per opening, so a game is never swapped (and its
 * state lost) when the chunk lands mid-play.
 */
export const gameComponent = (type: GameType): Game => loaded.get(type) ?? suspending[type];

/** Fetches a game's chunk ahead of need; a failure shows when the game is opened. */
export function preloadGame(type: GameType): void {
  loadGame(type).catch(() => {});
}

/** Fetches a game's chunk once the page has loaded and the shopper has used it, when the browser is idle; returns a cancel. */
export const preloadOnceEngaged = (type: GameType): (() => void) => afterEngagementWhenIdle(() => preloadGame(type));

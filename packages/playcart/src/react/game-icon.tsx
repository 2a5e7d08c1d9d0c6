import type { GameOffer } from "../client.ts";

// A small badge for the offer card, drawn in CSS (styles.css, "game badge") rather than as an
// inline <svg>: on a checkout with no other SVG, the first one makes Chromium load its SVG
// stylesheet and restyle the whole page, about 3 ms of the load's main thread at 1x on the
// bench machine (12 ms at the 4x bench:checkout measures), for a decoration.
export function GameIcon({ type }: { type: GameOffer["gameType"] }) {
  return (
    <span className={`playcart-game-icon playcart-game-icon-${type}`} aria-hidden="true">
      <span className="playcart-game-glyph" />
    </span>
  );
}

import type { ReactNode } from "react";
import type { GameOffer } from "../client.ts";

// A small badge for the offer card, drawn inline so the checkout loads no image for it.
const PATHS: Record<GameOffer["gameType"], ReactNode> = {
  spin_wheel: (
    <>
      <circle cx="12" cy="12" r="8" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M12 4v16M4 12h16M6.3 6.3l11.4 11.4M17.7 6.3 6.3 17.7" stroke="currentColor" strokeWidth="1.5" />
      <circle cx="12" cy="12" r="2.2" fill="currentColor" />
    </>
  ),
  shake_tree: (
    <>
      <path d="M11 21v-6h2v6z" fill="currentColor" />
      <circle cx="12" cy="10" r="6.5" fill="currentColor" opacity="0.9" />
      <circle cx="9.5" cy="9" r="1.4" fill="#fde047" />
      <circle cx="14.5" cy="11.5" r="1.4" fill="#fde047" />
    </>
  ),
  scratch_card: (
    <>
      <rect x="3" y="6" width="18" height="12" rx="2" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M7 13.5c2-3 4 1 6-2s3 0 4-1" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </>
  ),
  advent_calendar: (
    <>
      <rect x="3" y="4" width="18" height="16" rx="2" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M3 12h18M12 4v16" stroke="currentColor" strokeWidth="1.5" />
      <circle cx="16.5" cy="8" r="1.5" fill="#fde047" />
    </>
  ),
};

export function GameIcon({ type }: { type: GameOffer["gameType"] }) {
  return (
    <span className="playcart-game-icon">
      <svg viewBox="0 0 24 24" aria-hidden="true">
        {PATHS[type]}
      </svg>
    </span>
  );
}

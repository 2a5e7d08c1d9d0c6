"use client";

import type { CSSProperties } from "react";

const COLORS = ["#f59e0b", "#e11d48", "#10b981", "#3b82f6", "#a855f7", "#f97316", "#facc15"];
const PIECES = 34;

// A fixed scatter (no Math.random in render): the same burst every time, different per piece.
const spread = (i: number, salt: number) => {
  const x = Math.sin(i * 12.9898 + salt * 78.233) * 43758.5453;
  return x - Math.floor(x);
};

/** A short burst of paper confetti, drawn with CSS only. Decorative. */
export function Confetti() {
  return (
    <div aria-hidden="true" className="playcart-confetti">
      {Array.from({ length: PIECES }, (_, i) => {
        const angle = (i / PIECES) * Math.PI * 2 + spread(i, 1);
        const reach = 70 + spread(i, 2) * 110;
        const style = {
          "--x": `${Math.cos(angle) * reach}px`,
          "--up": `${-40 - spread(i, 3) * 90}px`,
          "--y": `${60 + spread(i, 4) * 140}px`,
          "--r": `${(spread(i, 5) - 0.5) * 900}deg`,
          "--delay": `${spread(i, 6) * 0.18}s`,
          background: COLORS[i % COLORS.length],
          borderRadius: i % 3 === 0 ? "9999px" : "2px",
          width: i % 3 === 0 ? 8 : 7,
          height: i % 3 === 0 ? 8 : 13,
        } as CSSProperties;
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed set of decorative pieces, never reordered
        return <span key={i} className="playcart-confetti-piece" style={style} />;
      })}
    </div>
  );
}

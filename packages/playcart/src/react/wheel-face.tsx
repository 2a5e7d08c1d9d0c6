"use client";

// The wheel's drawing: the rim with its bulbs, the face with its slices and labels, the hub
// and its pointer. Memoised: a press re-renders the game, and at 4x CPU every element spared
// is time the first frame of the spin does not wait for.
import { memo, useId } from "react";
import { labelBaselines, labelPlacement, polar, SLICE_COLORS, slicePath, wrapLabel } from "./wheel-geometry.ts";

const R = 150;
const BULBS = 20;

export const WheelRim = memo(function WheelRim() {
  return (
    <svg viewBox="-170 -170 340 340" aria-hidden="true" className="playcart-fill playcart-wheel-rim">
      <circle r="169" fill="#7c2d12" />
      <circle r="160" fill="#9a3412" />
      {Array.from({ length: BULBS }, (_, i) => {
        const [x, y] = polar(160, (i * 360) / BULBS);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the rim's bulbs are fixed positions, never reordered
          <circle key={i} cx={x} cy={y} r="4.5" fill={i % 2 ? "#fef3c7" : "#fde047"} className="playcart-bulb" />
        );
      })}
    </svg>
  );
});

/** The slices and their labels, placed for `rotation` (where the wheel rests); `winner` lights up. */
export const WheelFace = memo(function WheelFace({
  segments,
  rotation,
  winner,
}: {
  segments: string[];
  rotation: number;
  winner: number | null;
}) {
  const shine = useId();
  const n = segments.length;
  return (
    <svg
      viewBox={`${-R - 2} ${-R - 2} ${2 * R + 4} ${2 * R + 4}`}
      role="img"
      aria-label={`Prize wheel: ${segments.join(", ")}`}
    >
      <defs>
        <radialGradient id={shine} cx="35%" cy="25%" r="75%">
          <stop offset="0" stopColor="#fff" stopOpacity="0.35" />
          <stop offset="0.6" stopColor="#fff" stopOpacity="0" />
          <stop offset="1" stopColor="#000" stopOpacity="0.18" />
        </radialGradient>
      </defs>
      {segments.map((_, i) => (
        <path
          // biome-ignore lint/suspicious/noArrayIndexKey: a slice is its position on the wheel (labels can repeat)
          key={i}
          d={slicePath(i, n, R)}
          fill={SLICE_COLORS[i % SLICE_COLORS.length].fill}
          stroke="#fff7ed"
          strokeWidth="3"
          className={winner === i ? "playcart-wheel-winner" : undefined}
        />
      ))}
      {segments.map((text, i) => {
        const lines = wrapLabel(text);
        const size = lines.length === 1 && text.length <= 8 ? 22 : 14;
        // Placed for where the wheel comes to rest, so every label reads upright there.
        const { rotate, flipped } = labelPlacement(i, n, rotation);
        const baselines = labelBaselines(lines.length, size, R, flipped);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a slice is its position on the wheel (labels can repeat)
          <g key={i} transform={`rotate(${rotate})`}>
            <text textAnchor="middle" fontSize={size} fontWeight="800" fill={SLICE_COLORS[i % SLICE_COLORS.length].ink}>
              {lines.map((line, k) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one fixed label, in order
                <tspan key={k} x="0" y={baselines[k]}>
                  {line}
                </tspan>
              ))}
            </text>
          </g>
        );
      })}
      <circle r={R} fill={`url(#${shine})`} />
    </svg>
  );
});

export const WheelHub = memo(function WheelHub() {
  return (
    <svg viewBox="-170 -170 340 340" aria-hidden="true" overflow="visible" className="playcart-fill playcart-wheel-hub">
      <circle r="30" fill="#fff7ed" stroke="#9a3412" strokeWidth="6" />
      <path d="M0 -15l4.4 9 9.9 1.4-7.2 7 1.7 9.8L0 7.6l-8.8 4.6 1.7-9.8-7.2-7 9.9-1.4z" fill="#f59e0b" />
      <g className="playcart-wheel-pointer">
        <path d="M-22 -184h44l-22 58z" fill="#e11d48" stroke="#fff" strokeWidth="5" strokeLinejoin="round" />
        <circle cy="-170" r="5" fill="#fff" />
      </g>
    </svg>
  );
});

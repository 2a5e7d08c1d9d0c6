// Wheel maths. Angles are degrees clockwise from 12 o'clock, where the pointer sits.

export const SLICE_COLORS = [
  { fill: "#fbbf24", ink: "#451a03" },
  { fill: "#e11d48", ink: "#ffffff" },
  { fill: "#059669", ink: "#ffffff" },
  { fill: "#fb923c", ink: "#431407" },
  { fill: "#2563eb", ink: "#ffffff" },
  { fill: "#9333ea", ink: "#ffffff" },
  { fill: "#0d9488", ink: "#ffffff" },
  { fill: "#f472b6", ink: "#500724" },
];

const mod = (a: number, n: number) => ((a % n) + n) % n;

export function polar(r: number, deg: number): [number, number] {
  const a = (deg * Math.PI) / 180;
  return [r * Math.sin(a), -r * Math.cos(a)];
}

/** The SVG path of slice i of n, centred on the origin. */
export function slicePath(i: number, n: number, r: number): string {
  if (n === 1) return `M0 ${-r}A${r} ${r} 0 1 1 0 ${r}A${r} ${r} 0 1 1 0 ${-r}Z`;
  const [x0, y0] = polar(r, (i * 360) / n);
  const [x1, y1] = polar(r, ((i + 1) * 360) / n);
  const f = (v: number) => v.toFixed(2);
  return `M0 0L${f(x0)} ${f(y0)}A${r} ${r} 0 ${360 / n > 180 ? 1 : 0} 1 ${f(x1)} ${f(y1)}Z`;
}

/**
 * The rotation that brings the middle of `segment` (give or take `jitter`, -0.5..0.5 of a
 * slice) under the pointer after `turns` full turns forward. Segment -1 (no prize drawn)
 * lands anywhere.
 */
export function landingRotation(current: number, segment: number, n: number, jitter: number, turns: number): number {
  const size = 360 / Math.max(1, n);
  const centre = segment >= 0 ? (segment + 0.5) * size + jitter * size * 0.6 : mod(jitter * 720, 360);
  const target = mod(-centre, 360);
  return current + turns * 360 + mod(target - current, 360);
}

/**
 * How the wheel slows from `speed` (degrees per ms) to rest over `distance` degrees: a
 * cubic-bezier whose opening slope is 2 (x1 0.25, y1 0.5), and the duration that makes
 * that slope the free spin's own speed (slope × distance / duration = speed), so the
 * landing takes over without a change of pace.
 */
export function glide(distance: number, speed: number): { durationMs: number; easing: string } {
  return { durationMs: (2 * Math.abs(distance)) / speed, easing: "cubic-bezier(0.25, 0.5, 0.35, 1)" };
}

/**
 * Where a wheel that spun off from `rest` stops when the play failed: back at `rest`'s
 * angle (the slice it showed before, so nothing looks drawn), at least `runout` degrees on.
 */
export function haltRotation(current: number, rest: number, runout = 120): number {
  const back = mod(rest - current, 360);
  return current + (back < runout ? back + 360 : back);
}

/** The slice under the pointer at a rotation. */
export function sliceAt(rotation: number, n: number): number {
  return Math.floor(mod(-rotation, 360) / (360 / n));
}

/** Breaks a prize label into at most three short lines for a slice. */
export function wrapLabel(label: string, width = 12): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length <= 3) return lines;
  return [
    ...lines.slice(0, 2),
    `${lines
      .slice(2)
      .join(" ")
      .slice(0, width - 1)}…`,
  ];
}

/** An angle in (-180, 180]. */
const signed = (deg: number) => {
  const a = mod(deg, 360);
  return a > 180 ? a - 360 : a;
};

/**
 * How slice i's label sits on a wheel turned by `wheelRotation`: `rotate` turns it about the
 * centre inside the disc. A label that would end up in the lower half of the screen is turned
 * half a turn more and read from the rim inwards, so on screen no label is tilted beyond ±90°.
 */
export function labelPlacement(i: number, n: number, wheelRotation: number): { rotate: number; flipped: boolean } {
  const centre = ((i + 0.5) * 360) / n;
  const onScreen = signed(centre + wheelRotation);
  const flipped = Math.abs(onScreen) > 90;
  return { rotate: signed(flipped ? centre - 180 : centre), flipped };
}

/**
 * The baselines of a label's lines, in its rotated frame (y grows downwards). The first line
 * is always on top as read: by the rim when upright, nearest the hub when flipped.
 */
export function labelBaselines(lineCount: number, size: number, radius: number, flipped: boolean): number[] {
  const step = size * 1.12;
  const rim = radius * 0.76;
  return Array.from({ length: lineCount }, (_, k) =>
    flipped ? rim - (lineCount - 1 - k) * step + size * 0.35 : -rim + k * step + size * 0.35,
  );
}

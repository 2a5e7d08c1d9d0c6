// The tree's drawing, without behaviour: canopy, apples and a golden prize apple.

export const GROUND_Y = 232;
export const PRIZE = { x: 204, y: 134, r: 15 };

const CANOPY: [number, number, number, string][] = [
  [100, 122, 46, "#166534"],
  [220, 122, 46, "#166534"],
  [160, 100, 64, "#15803d"],
  [122, 74, 42, "#16a34a"],
  [198, 74, 42, "#16a34a"],
  [160, 52, 40, "#22c55e"],
  [138, 110, 30, "#22c55e"],
];
const APPLES: [number, number][] = [
  [112, 104],
  [206, 96],
  [150, 136],
  [138, 64],
  [224, 136],
  [176, 48],
  [96, 138],
];
export const LEAVES: [number, number, string][] = [
  [110, 120, "0s"],
  [214, 110, "0.15s"],
  [150, 150, "0.3s"],
  [190, 70, "0.1s"],
  [128, 90, "0.45s"],
];

export function Apple({ x, y }: { x: number; y: number }) {
  return (
    <g transform={`translate(${x} ${y})`}>
      <circle r="8" fill="#dc2626" />
      <circle cx="-2.5" cy="-2.5" r="2.2" fill="#fff" opacity="0.55" />
      <path d="M0-8q3-5 7-4-2 4-7 4z" fill="#4ade80" />
    </g>
  );
}

export function GoldenApple() {
  const { r } = PRIZE;
  return (
    <g>
      <circle r={r + 7} fill="#fef08a" opacity="0.5" />
      <circle r={r} fill="#f59e0b" stroke="#b45309" strokeWidth="1.5" />
      <circle cx="-2" cy="-2" r={r - 4} fill="#fbbf24" />
      <ellipse
        cx={-r / 2.6}
        cy={-r / 2.6}
        rx={r / 3.4}
        ry={r / 4.5}
        fill="#fff"
        opacity="0.75"
        transform="rotate(-35)"
      />
      <path d={`M0 ${-r + 1}v-5`} stroke="#78350f" strokeWidth="2.5" strokeLinecap="round" />
      <path d={`M1 ${-r - 3}q5-8 12-6-3 7-12 6z`} fill="#4ade80" />
      <path
        d="M0-7L1.6-1.6 7 0 1.6 1.6 0 7-1.6 1.6-7 0-1.6-1.6Z"
        fill="#fff"
        transform={`translate(${r} ${-r}) scale(0.9)`}
        className="playcart-bulb"
      />
    </g>
  );
}

export function Trunk() {
  return (
    <>
      <path d={`M146 ${GROUND_Y}c4-30 4-60 0-92h28c-4 32-4 62 0 92z`} fill="#92400e" />
      <path d="M160 150l-34-26M162 140l30-22M158 168l-20-14" stroke="#92400e" strokeWidth="7" strokeLinecap="round" />
      <path d={`M152 ${GROUND_Y - 10}c2-20 2-45 0-70`} stroke="#78350f" strokeWidth="3" fill="none" opacity="0.5" />
    </>
  );
}

export function Canopy() {
  return (
    <>
      {CANOPY.map(([cx, cy, r, fill], i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a constant drawing, never reordered
        <circle key={i} cx={cx} cy={cy} r={r} fill={fill} />
      ))}
      {APPLES.map(([x, y], i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a constant drawing, never reordered
        <Apple key={i} x={x} y={y} />
      ))}
    </>
  );
}

export function Ground() {
  return (
    <>
      <ellipse cx="160" cy={GROUND_Y + 4} rx="140" ry="16" fill="#86efac" />
      <ellipse cx="160" cy={GROUND_Y + 2} rx="70" ry="7" fill="#4ade80" opacity="0.6" />
    </>
  );
}

export function Leaf({ x, y, delay }: { x: number; y: number; delay: string }) {
  return (
    <path
      d={`M${x} ${y}q6-8 12 0-6 8-12 0z`}
      fill="#22c55e"
      className="playcart-tree-leaf"
      style={{ ["--delay" as string]: delay, transformBox: "fill-box", transformOrigin: "center" }}
    />
  );
}

import { drawOne, odds } from "playcart/internal/games/draw";
import { describe, expect, it } from "vitest";

const prizes = [
  { id: "ten", weight: 5 },
  { id: "five", weight: 20 },
  { id: "ship", weight: 25 },
  { id: "none", weight: 50 },
];

// Upper tail of the chi-square distribution by the Wilson-Hilferty approximation.
function chiSquarePValue(stat: number, df: number): number {
  const z = (Math.cbrt(stat / df) - (1 - 2 / (9 * df))) / Math.sqrt(2 / (9 * df));
  // 1 - Phi(z) with Abramowitz-Stegun 26.2.17
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const d = 0.3989423 * Math.exp((-z * z) / 2);
  const tail = d * t * (0.3193815 + t * (-0.3565638 + t * (1.781478 + t * (-1.821256 + t * 1.330274))));
  return z >= 0 ? tail : 1 - tail;
}

describe("drawOne", () => {
  // With fair draws, p > 0.01 fails one run in a hundred by chance alone. A run of 100,000
  // draws is therefore repeated, up to three independent times, and must pass once: a fair
  // draw then fails one run in a million, while a misweighted one (p near 0 at this size)
  // fails all three every time.
  it("matches the configured weights over 100,000 cryptographic draws (chi-square p > 0.01)", () => {
    const n = 100_000;
    const total = prizes.reduce((s, p) => s + p.weight, 0);
    const pValues: number[] = [];
    for (let trial = 0; trial < 3 && !pValues.some((p) => p > 0.01); trial++) {
      const counts = new Map<string, number>();
      for (let i = 0; i < n; i++) {
        const p = drawOne(prizes)!;
        counts.set(p.id, (counts.get(p.id) ?? 0) + 1);
      }
      const stat = prizes.reduce((s, p) => {
        const expected = (n * p.weight) / total;
        return s + ((counts.get(p.id) ?? 0) - expected) ** 2 / expected;
      }, 0);
      pValues.push(chiSquarePValue(stat, prizes.length - 1));
    }
    expect(Math.max(...pValues), `p-values of the trials: ${pValues.join(", ")}`).toBeGreaterThan(0.01);
  });

  it("the p-value function rejects a skewed distribution (the check can fail)", () => {
    // 5 categories, counts off by 3 %: a stat far in the tail.
    expect(chiSquarePValue(300, 3)).toBeLessThan(0.001);
    expect(chiSquarePValue(1, 3)).toBeGreaterThan(0.5);
  });

  it("maps every ticket to the prize whose weight band holds it", () => {
    const seen = Array.from({ length: 100 }, (_, ticket) => drawOne(prizes, () => ticket)!.id);
    expect(seen.filter((id) => id === "ten")).toHaveLength(5);
    expect(seen.filter((id) => id === "five")).toHaveLength(20);
    expect(seen.filter((id) => id === "ship")).toHaveLength(25);
    expect(seen.filter((id) => id === "none")).toHaveLength(50);
  });

  it("drops sold-out (weight 0) prizes and renormalises the rest", () => {
    const left = prizes.map((p) => (p.id === "none" ? { ...p, weight: 0 } : p));
    const o = odds(left);
    expect(o.get("none")).toBe(0);
    expect(o.get("ten")).toBeCloseTo(0.1);
    expect(o.get("ship")).toBeCloseTo(0.5);
    for (let t = 0; t < 50; t++) expect(drawOne(left, () => t)!.id).not.toBe("none");
  });

  it("returns null when nothing can be won", () => {
    expect(drawOne([])).toBeNull();
    expect(drawOne([{ id: "a", weight: 0 }])).toBeNull();
  });
});

import { glide, haltRotation, landingRotation, sliceAt } from "playcart/internal/react/wheel-geometry";
import { describe, expect, it } from "vitest";

const mod = (a: number, n: number) => ((a % n) + n) % n;

/** The opening slope of a CSS cubic-bezier: y1 / x1. */
function openingSlope(easing: string): number {
  const [x1, y1] = /^cubic-bezier\(([^)]+)\)$/
    .exec(easing)![1]
    .split(",")
    .map((v) => Number(v.trim()));
  return y1 / x1;
}

describe("the wheel's landing after a free spin", () => {
  it("glides onto the drawn slice from wherever the free spin is, two to three turns on", () => {
    const wrong: string[] = [];
    let checked = 0;
    for (let n = 1; n <= 12; n++)
      for (let spun = -720; spun <= 4000; spun += 13.7)
        for (let segment = 0; segment < n; segment++)
          for (const jitter of [-0.5, 0, 0.49]) {
            const target = landingRotation(spun, segment, n, jitter, 2);
            const ahead = target - spun;
            if (sliceAt(target, n) !== segment || ahead < 720 || ahead >= 1080)
              wrong.push(`slice ${segment} of ${n} from ${spun}°: ${target}°`);
            checked++;
          }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(50_000);
  });

  it("starts the glide at the free spin's own speed, so the pace does not change", () => {
    const speed = 0.6; // degrees per ms
    for (const distance of [120, 720, 900, 1079]) {
      const { durationMs, easing } = glide(distance, speed);
      expect((openingSlope(easing) * distance) / durationMs).toBeCloseTo(speed, 9);
    }
    // Two to three turns at 0.6°/ms take 2.4 to 3.6 s.
    expect(glide(720, speed).durationMs).toBeCloseTo(2400, 6);
    expect(glide(1080, speed).durationMs).toBeCloseTo(3600, 6);
  });

  it("after a refused play, runs out forward to the angle it rested at before the press", () => {
    const wrong: string[] = [];
    for (let rest = -400; rest <= 400; rest += 37)
      for (let current = rest; current <= rest + 2000; current += 11.3) {
        const stop = haltRotation(current, rest);
        const off = mod(stop - rest, 360);
        if (Math.min(off, 360 - off) > 1e-9 || stop - current < 120 || stop - current >= 480)
          wrong.push(`from ${current}° (rested at ${rest}°): ${stop}°`);
      }
    expect(wrong).toEqual([]);
  });
});

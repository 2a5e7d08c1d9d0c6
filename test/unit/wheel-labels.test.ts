import { labelBaselines, labelPlacement } from "playcart/internal/react/wheel-geometry";
import { describe, expect, it } from "vitest";

// An angle in (-180, 180].
const signed = (deg: number) => {
  const a = ((deg % 360) + 360) % 360;
  return a > 180 ? a - 360 : a;
};

describe("wheel labels", () => {
  it("no label is tilted beyond ±90° on screen, at rest or wherever the wheel lands", () => {
    let checked = 0;
    for (let n = 1; n <= 12; n++)
      for (let wheel = -1080; wheel <= 1080; wheel += 7.5)
        for (let i = 0; i < n; i++) {
          const { rotate } = labelPlacement(i, n, wheel);
          expect(Math.abs(signed(rotate + wheel)), `slice ${i} of ${n}, wheel at ${wheel}°`).toBeLessThanOrEqual(90);
          checked++;
        }
    expect(checked).toBeGreaterThan(20_000);
  });

  it("turns the labels of the lower half half a turn, and leaves the upper half as it was", () => {
    // Five slices at rest: centres at 36°, 108°, 180°, 252° and 324°.
    expect([0, 1, 2, 3, 4].map((i) => labelPlacement(i, 5, 0))).toEqual([
      { rotate: 36, flipped: false },
      { rotate: -72, flipped: true },
      { rotate: 0, flipped: true },
      { rotate: 72, flipped: true },
      { rotate: -36, flipped: false },
    ]);
    // The wheel landed half a turn on: the slice now at the top reads upright again.
    expect(labelPlacement(2, 5, 180)).toEqual({ rotate: 180, flipped: false });
  });

  it("keeps a label in its own slice, first line on top as read", () => {
    const r = 150;
    for (const flipped of [false, true]) {
      const [first, second] = labelBaselines(2, 14, r, flipped);
      // In the label's frame the first line is above the second (y grows downwards).
      expect(first).toBeLessThan(second);
      // Upright labels sit towards the top of their frame (the slice's rim), flipped ones
      // towards the bottom, which is the same rim once the frame is turned half a turn.
      for (const y of [first, second]) {
        expect(Math.abs(y)).toBeGreaterThan(r * 0.5);
        expect(Math.abs(y)).toBeLessThan(r);
        expect(Math.sign(y)).toBe(flipped ? 1 : -1);
      }
    }
  });
});

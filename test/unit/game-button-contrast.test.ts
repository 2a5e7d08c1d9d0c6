// The games' white button text on the gradients styles.css paints behind it: at least 4.5:1
// (WCAG AA) at every point of the gradient. axe cannot measure text on a gradient, so this does.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const css = readFileSync(path.join(__dirname, "../../packages/playcart/src/react/styles.css"), "utf8");

type Rgb = [number, number, number];
const hex = (h: string): Rgb => [1, 3, 5].map((i) => Number.parseInt(h.slice(i, i + 2), 16)) as Rgb;
const luminance = (c: Rgb) => {
  const [r, g, b] = c.map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: Rgb, b: Rgb) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};
const mix = (a: Rgb, b: Rgb, t: number) => a.map((v, i) => v + (b[i] - v) * t) as Rgb;

/** The declarations of the first rule with exactly this selector. */
function rule(selector: string): string {
  const at = css.indexOf(`${selector} {`);
  if (at < 0) throw new Error(`No rule for ${selector} in styles.css`);
  return css.slice(at, css.indexOf("}", at));
}

/** The lowest contrast of `ink` against a gradient's stops and the colours between them. */
function lowestContrast(ink: Rgb, declarations: string): number {
  const stops = [
    ...(/background:\s*linear-gradient\(([^;]+)\);/.exec(declarations)?.[1] ?? "").matchAll(/#[0-9a-f]{6}/gi),
  ].map((m) => hex(m[0]));
  expect(stops.length, declarations).toBeGreaterThanOrEqual(2);
  let lowest = Number.POSITIVE_INFINITY;
  for (let s = 0; s + 1 < stops.length; s++)
    for (let t = 0; t <= 1; t += 0.05) lowest = Math.min(lowest, contrast(ink, mix(stops[s], stops[s + 1], t)));
  return lowest;
}

describe("the games' buttons", () => {
  const white: Rgb = [255, 255, 255];
  it("draw white text", () => {
    expect(rule(".playcart-game-button")).toMatch(/\bcolor:\s*#fff;/);
    expect(rule(".playcart-door-today")).toMatch(/\bcolor:\s*#fff;/);
  });
  for (const selector of [
    '.playcart-game-button[data-tone="wheel"]',
    '.playcart-game-button[data-tone="tree"]',
    '.playcart-game-button[data-tone="card"]',
    ".playcart-door-today",
  ])
    it(`${selector}: white text meets 4.5:1 across its gradient`, () => {
      expect(lowestContrast(white, rule(selector))).toBeGreaterThanOrEqual(4.5);
    });
});

// Alternating pairs of loads, one with Playcart and one without: the median of the per-pair
// differences, and how far that median could as well have landed.
import { seededRandom } from "./load";

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/**
 * Where the median of these differences could as well have landed: the 5th and 95th
 * percentiles of the medians of 2,000 resamples (with replacement) of the pairs. A floor
 * inside that range is not settled by this run.
 */
export function medianRange(xs: number[]): [number, number] {
  const random = seededRandom(1);
  const medians = Array.from({ length: 2_000 }, () =>
    median(Array.from({ length: xs.length }, () => xs[Math.floor(random() * xs.length)])),
  ).sort((a, b) => a - b);
  return [medians[Math.floor(medians.length * 0.05)], medians[Math.floor(medians.length * 0.95) - 1]];
}

export const signed = (n: number, digits = 0) => `${n >= 0 ? "+" : ""}${n.toFixed(digits)}`;

// Alternating pairs of loads, one with Playcart and one without: the median of the per-pair
// differences, and how far that median could as well have landed.
import { seededRandom } from "./load";

/** "on": the store with Playcart (or this build); "off": without it (or the other build). */
export type Side = "on" | "off";

/**
 * One `measure` each way first, so the servers' and the browser's first-use costs stay out of
 * the pairs; then `count` pairs, the order alternating from one pair to the next. `onPair` sees
 * each pair as it lands.
 */
export async function alternatePairs<T>(
  count: number,
  measure: (side: Side) => Promise<T>,
  onPair?: (pair: Record<Side, T>, index: number, order: Side[]) => void,
): Promise<Record<Side, T>[]> {
  await measure("on");
  await measure("off");
  const pairs: Record<Side, T>[] = [];
  for (let i = 0; i < count; i++) {
    const order: Side[] = i % 2 === 0 ? ["on", "off"] : ["off", "on"];
    const pair = {} as Record<Side, T>;
    for (const side of order) pair[side] = await measure(side);
    pairs.push(pair);
    onPair?.(pair, i, order);
  }
  return pairs;
}

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

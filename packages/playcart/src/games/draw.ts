// The draw: a weighted choice among the prizes still available, decided on the server (a play
// passes the provably fair Rng of fair-draw.ts). A sold-out prize drops out, which
// renormalises the odds of the rest.
import { randomInt } from "node:crypto";

export type Drawable = { id: string; weight: number };

/** Returns an integer in [0, max): node's CSPRNG unless a test injects its own. */
export type Rng = (max: number) => number;
export const cryptoRng: Rng = (max) => randomInt(max);

/** The candidates a draw picks among, in their order: those with a whole weight above zero. */
export function drawable<T extends Drawable>(candidates: T[]): T[] {
  return candidates.filter((c) => Number.isSafeInteger(c.weight) && c.weight > 0);
}

export function drawOne<T extends Drawable>(candidates: T[], rng: Rng = cryptoRng): T | null {
  const live = drawable(candidates);
  const total = live.reduce((sum, c) => sum + c.weight, 0);
  if (total === 0) return null;
  let ticket = rng(total);
  for (const c of live) {
    if (ticket < c.weight) return c;
    ticket -= c.weight;
  }
  throw new Error("draw: ticket out of range");
}

/** Each prize's chance given the prizes still available: what the public odds page shows. */
export function odds<T extends Drawable>(candidates: T[]): Map<string, number> {
  const total = candidates.reduce((sum, c) => sum + Math.max(0, c.weight), 0);
  return new Map(candidates.map((c) => [c.id, total > 0 ? Math.max(0, c.weight) / total : 0]));
}

// The provably fair draw: every play's outcome follows from a secret seed the store committed
// to (by publishing its SHA-256) before the period's first play, and the play's own id. Anyone
// holding the revealed seed can recompute it: nothing here is Playcart-specific beyond these
// few lines, and the README prints a standalone copy.
//
//   ticket bytes = HMAC-SHA256(key = seed bytes, message = "<playId>:<attempt>:<round>")
//   each 4-byte big-endian word w of round 0, 1, ...: accept the first w < floor(2^32 / total) * total
//   ticket      = w mod total                     (uniform in [0, total): rejection sampling)
//   outcome     = the prize whose cumulative weight range holds the ticket, prizes in draw order
//
// Draw order is the campaign's prize order (position, then id) among the prizes with a weight
// above zero that could still be won; the play records that list, so a verifier needs no table.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Rng } from "./draw.ts";

/** One prize as the draw saw it: [prizeId, weight]. */
export type DrawnAmong = [prizeId: string, weight: number][];

const WORD = 2 ** 32;
const SEED_HEX = /^[0-9a-f]{64}$/;

/** A fresh seed: 32 bytes from the CSPRNG, as lowercase hex. */
export function newSeed(): string {
  return randomBytes(32).toString("hex");
}

/** The published commitment to a seed: SHA-256 of its 32 bytes, as lowercase hex. */
export function commitmentOf(seedHex: string): string {
  return createHash("sha256").update(seedBytes(seedHex)).digest("hex");
}

/** Does the seed hash to the commitment (constant time; false for anything malformed)? */
export function seedMatches(seedHex: string, commitment: string): boolean {
  if (!SEED_HEX.test(seedHex) || !SEED_HEX.test(commitment)) return false;
  return timingSafeEqual(Buffer.from(commitmentOf(seedHex), "hex"), Buffer.from(commitment, "hex"));
}

function seedBytes(seedHex: string): Buffer {
  if (!SEED_HEX.test(seedHex)) throw new Error("draw seed: expected 64 lowercase hex characters");
  return Buffer.from(seedHex, "hex");
}

/**
 * A uniform integer in [0, total) from the seed, the play id and the draw's attempt number.
 * Rejection sampling: a word at or above the largest multiple of `total` below 2^32 would
 * favour the low tickets, so it is skipped (at most total/2^32 of the time).
 */
export function fairTicket(seedHex: string, playId: string, attempt: number, total: number): number {
  if (!Number.isSafeInteger(total) || total <= 0 || total > WORD) throw new Error("draw: total out of range");
  const key = seedBytes(seedHex);
  const limit = Math.floor(WORD / total) * total;
  for (let round = 0; round < 1000; round++) {
    const digest = createHmac("sha256", key).update(`${playId}:${attempt}:${round}`).digest();
    for (let at = 0; at < digest.length; at += 4) {
      const word = digest.readUInt32BE(at);
      if (word < limit) return word % total;
    }
  }
  // 8000 rejected words in a row: impossible in practice (each is rejected less than half the time).
  throw new Error("draw: no ticket accepted");
}

/** The prize a ticket lands on among `among`, in its order; null when nothing can be drawn. */
export function pickFrom(among: DrawnAmong, ticket: number): string | null {
  let rest = ticket;
  for (const [id, weight] of among) {
    if (rest < weight) return id;
    rest -= weight;
  }
  return null;
}

/** The whole draw, as a verifier recomputes it: the outcome's prize id, or null for none. */
export function fairOutcome(seedHex: string, playId: string, attempt: number, among: DrawnAmong): string | null {
  const total = among.reduce((sum, [, weight]) => sum + weight, 0);
  if (total === 0) return null;
  return pickFrom(among, fairTicket(seedHex, playId, attempt, total));
}

/** The draw's Rng for drawOne: its one call gets the fair ticket for that total. */
export function fairRng(seedHex: string, playId: string, attempt: number): Rng {
  return (total) => fairTicket(seedHex, playId, attempt, total);
}

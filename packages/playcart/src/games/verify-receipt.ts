// Checks a play's receipt the way a sceptical shopper would: the store's published commitment
// is the one on the receipt, the revealed seed hashes to it, the seed redraws the recorded
// outcome, and the store's own record of the play says the same. The first failing check is
// the verdict's reason.
import { eq } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import { plays } from "../core/schema.ts";
import { type DrawReceipt, decodeReceipt } from "./draw-receipt.ts";
import { seedOf } from "./draw-seeds.ts";
import { fairOutcome, seedMatches } from "./fair-draw.ts";

export type ReceiptCheck = {
  key: "receipt" | "commitment" | "seed" | "outcome" | "record";
  ok: boolean;
  /** What was checked and what was found, in words. */
  detail: string;
};

export type ReceiptVerdict = {
  /** verified: every check passed; failed: one did not (see reason); pending: the seed is not revealed yet. */
  status: "verified" | "failed" | "pending";
  reason: string;
  receipt: DrawReceipt | null;
  /** The revealed seed (null before the period ends). */
  seed: string | null;
  revealsAt: Date | null;
  checks: ReceiptCheck[];
};

export async function verifyReceipt(db: EngageDb, text: string, now: Date): Promise<ReceiptVerdict> {
  const checks: ReceiptCheck[] = [];
  const verdict = (status: ReceiptVerdict["status"], reason: string, rest: Partial<ReceiptVerdict> = {}) => ({
    status,
    reason,
    receipt: null,
    seed: null,
    revealsAt: null,
    checks,
    ...rest,
  });
  const fail = (check: ReceiptCheck, rest: Partial<ReceiptVerdict>) => {
    checks.push(check);
    return verdict("failed", check.detail, rest);
  };

  const receipt = decodeReceipt(text);
  if (!receipt)
    return fail(
      { key: "receipt", ok: false, detail: "This is not a Playcart draw receipt, or a field of it is invalid." },
      {},
    );
  checks.push({ key: "receipt", ok: true, detail: "The receipt is complete and well formed." });

  const stored = await seedOf(db, receipt.campaignId, receipt.period);
  if (!stored)
    return fail(
      { key: "commitment", ok: false, detail: "The store published no draw commitment for this campaign and period." },
      { receipt },
    );
  if (stored.commitment !== receipt.commitment)
    return fail(
      {
        key: "commitment",
        ok: false,
        detail: `The receipt's commitment is not the one the store published for ${receipt.period} (${stored.commitment}).`,
      },
      { receipt, revealsAt: stored.revealsAt },
    );
  checks.push({
    key: "commitment",
    ok: true,
    detail: `The commitment matches the one published for ${receipt.period}.`,
  });

  if (now < stored.revealsAt)
    return verdict(
      "pending",
      `The seed of ${receipt.period} is revealed when that store day ends, at ${stored.revealsAt.toISOString()}: this play can be checked from then.`,
      { receipt, revealsAt: stored.revealsAt },
    );
  const seed = stored.seed;
  const after = { receipt, seed, revealsAt: stored.revealsAt };
  if (receipt.seed !== undefined && !seedMatches(receipt.seed, receipt.commitment))
    return fail(
      { key: "seed", ok: false, detail: "The receipt's seed does not hash to its commitment: the seed was altered." },
      after,
    );
  if (receipt.seed !== undefined && receipt.seed !== seed)
    return fail({ key: "seed", ok: false, detail: "The receipt's seed is not the seed the store revealed." }, after);
  if (!seedMatches(seed, receipt.commitment))
    return fail(
      { key: "seed", ok: false, detail: "The revealed seed does not hash to the published commitment." },
      after,
    );
  checks.push({ key: "seed", ok: true, detail: "SHA-256 of the revealed seed equals the commitment." });

  const redrawn = fairOutcome(seed, receipt.playId, receipt.attempt, receipt.among);
  if (redrawn !== receipt.outcome)
    return fail(
      {
        key: "outcome",
        ok: false,
        detail: `Redrawn from the seed, play ${receipt.playId} (draw ${receipt.attempt}) gives ${redrawn ?? "no prize"}, not the receipt's ${receipt.outcome ?? "no prize"}.`,
      },
      after,
    );
  checks.push({ key: "outcome", ok: true, detail: "The seed and the play id redraw the receipt's outcome." });

  const mismatch = await recordMismatch(db, receipt);
  if (mismatch) return fail({ key: "record", ok: false, detail: mismatch }, after);
  checks.push({ key: "record", ok: true, detail: "The store's record of the play matches the receipt." });
  return verdict("verified", "This play was drawn fairly from the committed seed.", after);
}

/** How the store's record of the play differs from the receipt, or null when it does not. */
async function recordMismatch(db: EngageDb, receipt: DrawReceipt): Promise<string | null> {
  const [row] = await db
    .select({
      campaignId: plays.campaignId,
      prizeId: plays.prizeId,
      period: plays.drawPeriod,
      attempt: plays.drawAttempt,
      among: plays.drawAvailable,
    })
    .from(plays)
    .where(eq(plays.id, receipt.playId));
  if (!row) return `The store has no play ${receipt.playId}.`;
  if (row.campaignId !== receipt.campaignId) return "The store recorded this play for another campaign.";
  if (row.period !== receipt.period || row.attempt !== receipt.attempt)
    return "The store recorded this play's draw with another period or draw number.";
  if (JSON.stringify(row.among) !== JSON.stringify(receipt.among))
    return "The store recorded other prizes in this play's draw.";
  if (row.prizeId !== receipt.outcome) return "The store recorded another outcome for this play.";
  return null;
}

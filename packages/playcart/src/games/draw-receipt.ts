// A play's receipt: everything needed to check its draw once the period's seed is revealed.
// It travels as base64url JSON (a URL parameter, or text a shopper pastes); the verification
// page and the README's standalone script read the same fields.
import { z } from "zod";
import type { DrawnAmong } from "./fair-draw.ts";

export type DrawReceipt = {
  v: 1;
  campaignId: string;
  campaign: string;
  slug: string;
  /** The draw period (store day) whose seed drew this play. */
  period: string;
  /** SHA-256 of the period's seed, published before the period's first play. */
  commitment: string;
  /** When the seed is revealed (ISO instant): the play can be checked from then. */
  revealsAt: string;
  playId: string;
  /** Which draw of the play decided it: 1, or more when a drawn prize was taken by another play first. */
  attempt: number;
  /** The prizes the deciding draw picked among, in draw order: [prizeId, weight]. */
  among: DrawnAmong;
  /** The drawn prize's id (null: nothing could be drawn). */
  outcome: string | null;
  label: string;
  /** The revealed seed, when a verifier adds it (checked against the commitment and the store's). */
  seed?: string;
};

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
export const drawReceiptSchema = z.strictObject({
  v: z.literal(1),
  campaignId: z.uuid(),
  campaign: z.string().max(200),
  slug: z.string().max(100),
  period: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  commitment: hex64,
  revealsAt: z.iso.datetime({ offset: true }),
  playId: z.uuid(),
  attempt: z.number().int().min(1).max(1000),
  among: z
    .array(
      z.tuple([
        z.uuid(),
        z
          .number()
          .int()
          .min(1)
          .max(2 ** 31),
      ]),
    )
    .max(200),
  outcome: z.uuid().nullable(),
  label: z.string().max(300),
  seed: hex64.optional(),
});

/** The receipt as one URL-safe string. */
export function encodeReceipt(receipt: DrawReceipt): string {
  return Buffer.from(JSON.stringify(receipt), "utf8").toString("base64url");
}

/**
 * A receipt from what a shopper pasted or a link carried: the encoded string, the JSON itself,
 * or a verification URL with ?r=. Null when it is none of these or a field is not valid.
 */
export function decodeReceipt(text: string): DrawReceipt | null {
  const input = text.trim().slice(0, 20_000);
  if (!input) return null;
  let encoded = input;
  if (/^https?:\/\//i.test(input)) {
    try {
      encoded = new URL(input).searchParams.get("r") ?? "";
    } catch {
      return null;
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(encoded.startsWith("{") ? encoded : Buffer.from(encoded, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = drawReceiptSchema.safeParse(json);
  return parsed.success ? (parsed.data as DrawReceipt) : null;
}

// The fields Playcart reads from Stripe objects, validated: a payload that lacks them is
// rejected (400) rather than half-applied.
import { z } from "zod";

const idOrObject = z
  .union([z.string(), z.object({ id: z.string() })])
  .nullish()
  .transform((v) => (typeof v === "string" ? v : (v?.id ?? null)));
// Amounts are stored in integer columns: Stripe never sends a negative amount or one beyond
// them, so such a payload is refused (400) before anything is written.
const INT4_MAX = 2_147_483_647;
const amount = z.number().int().min(0).max(INT4_MAX);

const metadata = z
  .record(z.string(), z.string())
  .nullish()
  .transform((m) => m ?? {});

export const checkoutSessionSchema = z.object({
  id: z.string(),
  object: z.literal("checkout.session"),
  client_reference_id: z.string().nullish(),
  metadata,
  amount_total: amount.nullable(),
  currency: z.string().nullable(),
  payment_status: z.enum(["paid", "unpaid", "no_payment_required"]),
  payment_intent: idOrObject,
});
export type CheckoutSessionFields = z.infer<typeof checkoutSessionSchema>;

// payment_status as Stripe documents it: "no_payment_required" completes only a session with
// nothing to pay, and async_payment_succeeded is sent once the delayed payment is "paid".
export const completedSessionSchema = checkoutSessionSchema.refine(
  (s) => s.payment_status !== "no_payment_required" || s.amount_total === 0,
  { message: "no_payment_required with a non-zero amount_total", path: ["payment_status"] },
);
export const asyncSucceededSessionSchema = checkoutSessionSchema.refine((s) => s.payment_status === "paid", {
  message: "async_payment_succeeded must be paid",
  path: ["payment_status"],
});

export const chargeSchema = z
  .object({
    id: z.string(),
    object: z.literal("charge"),
    amount,
    amount_refunded: amount,
    currency: z.string(),
    payment_intent: idOrObject,
    metadata,
  })
  .refine((c) => c.amount_refunded <= c.amount, {
    message: "amount_refunded exceeds amount",
    path: ["amount_refunded"],
  });
export type ChargeFields = z.infer<typeof chargeSchema>;

export const disputeSchema = z.object({
  id: z.string(),
  object: z.literal("dispute"),
  charge: idOrObject,
  payment_intent: idOrObject,
  status: z.string(),
  metadata,
});
export type DisputeFields = z.infer<typeof disputeSchema>;

/** The default: client_reference_id, metadata.orderRef and metadata.order_id, all given ones agreeing. */
export function defaultOrderRefOfSession(s: {
  client_reference_id?: string | null;
  metadata: Record<string, string>;
}): string | null {
  const refs = [s.client_reference_id, s.metadata.orderRef, s.metadata.order_id].filter((v): v is string => Boolean(v));
  if (refs.length === 0 || refs.some((r) => r !== refs[0])) return null;
  return refs[0].length <= 200 ? refs[0] : null;
}

export const orderRefOfMetadata = (m: Record<string, string>) => m.orderRef || m.order_id || null;

// The fields Playcart reads from Stripe objects, validated: a payload that lacks them is
// rejected (400) rather than half-applied.
import { z } from "zod";

const idOrObject = z
  .union([z.string(), z.object({ id: z.string() })])
  .nullish()
  .transform((v) => (typeof v === "string" ? v : (v?.id ?? null)));
const metadata = z
  .record(z.string(), z.string())
  .nullish()
  .transform((m) => m ?? {});

export const checkoutSessionSchema = z.object({
  id: z.string(),
  object: z.literal("checkout.session"),
  client_reference_id: z.string().nullish(),
  metadata,
  amount_total: z.number().int().nullable(),
  currency: z.string().nullable(),
  payment_status: z.enum(["paid", "unpaid", "no_payment_required"]),
  payment_intent: idOrObject,
});
export type CheckoutSessionFields = z.infer<typeof checkoutSessionSchema>;

export const chargeSchema = z.object({
  id: z.string(),
  object: z.literal("charge"),
  amount: z.number().int(),
  amount_refunded: z.number().int().min(0),
  currency: z.string(),
  payment_intent: idOrObject,
  metadata,
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

/** The order a Checkout Session pays for: client_reference_id and metadata must agree. */
export function sessionOrderId(s: CheckoutSessionFields): string | null {
  const ids = [s.client_reference_id, s.metadata.order_id].filter((v): v is string => Boolean(v));
  if (ids.length === 0 || ids.some((id) => id !== ids[0])) return null;
  return z.uuid().safeParse(ids[0]).success ? ids[0] : null;
}

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

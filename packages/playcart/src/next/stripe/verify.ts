import Stripe from "stripe";

export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type VerifyResult = { ok: true; event: Stripe.Event } | { ok: false; error: string };

/** Verifies a webhook on its raw body with Stripe's own library (signature, 5-minute window, JSON). */
export function verifyStripeEvent(rawBody: string, signature: string | null, secret: string): VerifyResult {
  if (!signature) return { ok: false, error: "missing Stripe-Signature header" };
  try {
    const event = Stripe.webhooks.constructEvent(rawBody, signature, secret, SIGNATURE_TOLERANCE_SECONDS);
    if (!event || typeof event.id !== "string" || typeof event.type !== "string" || !event.data?.object) {
      return { ok: false, error: "payload is not a Stripe event" };
    }
    return { ok: true, event };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : "invalid webhook" };
  }
}

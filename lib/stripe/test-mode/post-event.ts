import "server-only";
import Stripe from "stripe";
import { webhookSecret } from "../webhook-secret";

/**
 * Signs an event with the webhook secret and posts it to this store's own webhook route,
 * so test payments run through exactly the code real Stripe events do.
 */
export async function postSignedEvent(
  origin: string,
  event: { id: string },
): Promise<{ ok: boolean; status: number; body: unknown }> {
  const payload = JSON.stringify(event);
  const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret() });
  const res = await fetch(new URL("/api/stripe/webhook", origin), {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": header },
    body: payload,
    cache: "no-store",
  });
  return { ok: res.ok, status: res.status, body: await res.json().catch(() => null) };
}

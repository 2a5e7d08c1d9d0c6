// POST <base>/stripe: Playcart's own Stripe webhook endpoint, added in Stripe's dashboard
// beside the host's fulfilment webhook. Authorised by the signature alone, verified on the
// raw body before anything is parsed or written. Unknown types and duplicates get 200: a 4xx
// makes Stripe retry for days.
import { BodyTooLarge, json, readBody } from "../http.ts";
import type { Runtime } from "../runtime.ts";
import { applyStripeEvent } from "../stripe/apply-event.ts";
import { verifyStripeEvent } from "../stripe/verify.ts";

export async function stripeRoute(rt: Runtime, req: Request): Promise<Response> {
  const { cfg } = rt;
  if (!cfg.stripeWebhookSecret) return json({ error: "stripe.webhookSecret is not configured" }, 404);
  let raw: string;
  try {
    raw = await readBody(req, cfg.stripeMaxBodyBytes);
  } catch (err) {
    if (err instanceof BodyTooLarge) return json({ error: "payload too large" }, 413, { connection: "close" });
    throw err;
  }
  const verified = verifyStripeEvent(raw, req.headers.get("stripe-signature"), cfg.stripeWebhookSecret);
  if (!verified.ok) return json({ error: verified.error }, 400);
  const now = await cfg.now();
  const result = await applyStripeEvent(await cfg.db(), verified.event, { adapter: cfg.adapter, now });
  if (result.status === "invalid") return json({ error: result.error }, 400);
  // Tier bonus, referral stamps and the store's rules follow from order.paid in the sweep.
  if (result.status === "applied") rt.sweepAfterResponse(now);
  return json({ received: true, ...result });
}

import Stripe from "stripe";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { fulfilCheckoutSession } from "@/lib/stripe/fulfil";

// The store's own fulfilment webhook: Stripe (or the test-payments edge) signs every event.
export async function POST(request: Request) {
  const payload = await request.text();
  const signature = request.headers.get("stripe-signature");
  if (!signature) return Response.json({ error: "missing Stripe-Signature" }, { status: 400 });
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(payload, signature, env().STRIPE_WEBHOOK_SECRET, 300);
  } catch (err) {
    return Response.json({ error: err instanceof Error ? err.message : "invalid signature" }, { status: 400 });
  }
  // Other event types are acknowledged, not refused: a 4xx makes Stripe retry for days.
  if (event.type !== "checkout.session.completed") return Response.json({ received: true, handled: false });
  const result = await fulfilCheckoutSession(getDb(), event.data.object);
  return Response.json({ received: true, result });
}

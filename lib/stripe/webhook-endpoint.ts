// What POST /api/stripe/webhook answers, independent of the router that mounts it: the raw
// body and the Stripe-Signature header in, a status and a JSON body out. Authorised by the
// signature alone (there is no user): verified on the raw body before anything is parsed or
// written.
// No "server-only" marker: the Pages API webhook route imports this, and the marker resolves
// only under the App Router's react-server condition. Nothing on the client imports it.
import { getPaymentsDb } from "@/db/client";
import { applyStripeEvent } from "./apply-event";
import { verifyStripeEvent } from "./verify";
import { webhookSecret } from "./webhook-secret";

export const MAX_WEBHOOK_BODY_BYTES = 512 * 1024;

export type WebhookReply = { status: number; body: Record<string, unknown> };

export async function receiveStripeWebhook(raw: string, signature: string | null): Promise<WebhookReply> {
  if (Buffer.byteLength(raw) > MAX_WEBHOOK_BODY_BYTES) return { status: 413, body: { error: "payload too large" } };
  const verified = verifyStripeEvent(raw, signature, webhookSecret());
  if (!verified.ok) return { status: 400, body: { error: verified.error } };

  const db = await getPaymentsDb();
  const result = await applyStripeEvent(db, verified.event);
  if (result.status === "invalid") return { status: 400, body: { error: result.error } };
  // Everything else a payment sets off (tier, tier bonus, referral stamp, bonus-points
  // rewards, reminder recovery, the store's rules) runs from its order.paid event, recorded
  // by the payment's own statement, in the scheduled sweep (/api/playcart/cron/events), not in this
  // process's response path: it is about 40 queries an event, ten times the payment itself,
  // and Stripe's deliveries must never queue behind it.
  // Unknown types and duplicates get 200 too: a 4xx would make Stripe retry for days.
  return { status: 200, body: { received: true, ...result } };
}

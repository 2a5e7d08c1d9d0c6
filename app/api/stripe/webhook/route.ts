// Stripe webhooks. Authorised by the signature alone (there is no user): verified on the
// raw body before anything is parsed or written.
import type { NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { applyStripeEvent } from "@/lib/stripe/apply-event";
import { verifyStripeEvent } from "@/lib/stripe/verify";
import { webhookSecret } from "@/lib/stripe/webhook-secret";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 512 * 1024;

// A plain Response: this route answers every checkout's payment, and NextResponse's
// cookie-aware wrapper is work it never needs.
const reply = (body: object, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

export async function POST(req: NextRequest) {
  const raw = await req.text();
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES) return reply({ error: "payload too large" }, 413);
  const verified = verifyStripeEvent(raw, req.headers.get("stripe-signature"), webhookSecret());
  if (!verified.ok) return reply({ error: verified.error }, 400);

  const db = await getDb();
  const result = await applyStripeEvent(db, verified.event);
  if (result.status === "invalid") return reply({ error: result.error }, 400);
  // Everything else a payment sets off (tier, tier bonus, referral stamp, bonus-points
  // rewards, reminder recovery, the store's rules) runs from its order.paid event, recorded
  // by the payment's own statement, in the scheduled sweep (/api/cron/events), not in this
  // process's response path: it is about 40 queries an event, ten times the payment itself,
  // and Stripe's deliveries must never queue behind it.
  // Unknown types and duplicates get 200 too: a 4xx would make Stripe retry for days.
  return reply({ received: true, ...result });
}

// Stripe webhooks. Authorised by the signature alone (there is no user): verified on the
// raw body before anything is parsed or written.
import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { applyStripeEvent } from "@/lib/stripe/apply-event";
import { verifyStripeEvent } from "@/lib/stripe/verify";
import { webhookSecret } from "@/lib/stripe/webhook-secret";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 512 * 1024;

export async function POST(req: NextRequest) {
  const raw = await req.text();
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES) return NextResponse.json({ error: "payload too large" }, { status: 413 });
  const verified = verifyStripeEvent(raw, req.headers.get("stripe-signature"), webhookSecret());
  if (!verified.ok) return NextResponse.json({ error: verified.error }, { status: 400 });

  const result = await applyStripeEvent(await getDb(), verified.event);
  if (result.status === "invalid") return NextResponse.json({ error: result.error }, { status: 400 });
  // Unknown types and duplicates get 200 too: a 4xx would make Stripe retry for days.
  return NextResponse.json({ received: true, ...result });
}

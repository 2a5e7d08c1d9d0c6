// Stripe webhooks. Authorised by the signature alone (there is no user): verified on the
// raw body before anything is parsed or written.
import { after, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { sweepEventsAfterResponse } from "@/lib/store/event-sweep";
import { creditBonusRewards, recordRecoveries } from "@/lib/engage";
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
  if (result.status === "applied") {
    // Loyalty rules (tiers, referrals, badges) run after the response, never in its statement.
    sweepEventsAfterResponse();
    const orderId = result.orderId;
    if (orderId && (result.outcome === "fulfilled" || result.outcome === "already_paid")) {
      // A bonus-points reward used on a paid order pays out after the response too; crediting
      // is keyed per reward, so redeliveries and retries credit nothing twice.
      after(() => creditBonusRewards(db, orderId).catch((err) => console.error(`[playcart] bonus points for order ${orderId} not credited`, err)));
    }
    // A paid order within 7 days of a reminder click counts as recovered, and stops that
    // shopper's remaining reminders (the cron job catches up anything missed).
    if (orderId && result.outcome === "fulfilled") {
      after(() => recordRecoveries(db, { orderRef: orderId }).catch((err) => console.error("[playcart] recovery not recorded", err)));
    }
  }
  // Unknown types and duplicates get 200 too: a 4xx would make Stripe retry for days.
  return reply({ received: true, ...result });
}

// Saves this browser's web-push subscription for the contact of its cart. The browser asks
// for permission only after the shopper presses a button (components/engage/push-opt-in).
import type { NextRequest } from "next/server";
import { savePushSubscription } from "playcart";
import { z } from "zod";
import { getDb } from "@/db/client";
import { loadCart } from "@/lib/store/cart";
import { currentShopper } from "@/lib/store/owner";
import { fromThisStore } from "@/lib/store/same-origin-json";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 4_096;

export async function POST(req: NextRequest) {
  if (!fromThisStore(req))
    return Response.json({ error: "push subscriptions are saved from the store's own pages" }, { status: 403 });
  const shopper = await currentShopper();
  const db = await getDb();
  // Who to remind: the account, or the email given at checkout for this browser's cart.
  const cart = shopper.sessionId || shopper.userId ? await loadCart(db, shopper) : null;
  const email = shopper.viewer?.email ?? cart?.email;
  if (!email) return Response.json({ error: "no contact for this browser yet" }, { status: 403 });
  const raw = await req.text();
  if (raw.length > MAX_BODY_BYTES) return Response.json({ error: "body too large" }, { status: 413 });
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return Response.json({ error: "body must be JSON" }, { status: 400 });
  }
  try {
    await savePushSubscription(db, email, body as never);
  } catch (err) {
    if (err instanceof z.ZodError)
      return Response.json(
        { error: "not a push subscription", issues: err.issues.map((i) => i.path.join(".")) },
        { status: 400 },
      );
    throw err;
  }
  return Response.json({ subscribed: true }, { status: 201 });
}

// POST <base>/push: saves this browser's web-push subscription for the contact of its cart
// (or account). The browser asks for permission only after the shopper presses a button.
import { z } from "zod";
import { savePushSubscription } from "../../reminders/index.ts";
import { fromSameOrigin, json, readJson } from "../http.ts";
import type { Runtime } from "../runtime.ts";

const MAX_BODY_BYTES = 4_096;

export async function pushRoute(rt: Runtime, req: Request): Promise<Response> {
  if (!fromSameOrigin(req)) return json({ error: "push subscriptions are saved from the store's own pages" }, 403);
  const { cfg } = rt;
  const shopper = await cfg.adapter.shopper({ request: req, create: false });
  // Who to remind: the account, or the email given at checkout for this browser's cart.
  const cart = shopper ? await cfg.adapter.cart(shopper) : null;
  const email = (shopper?.signedIn ? shopper.email : null) ?? cart?.email;
  if (!email) return json({ error: "no contact for this browser yet" }, 403);
  const body = await readJson(req, MAX_BODY_BYTES);
  if (!body.ok) return body.response;
  try {
    await savePushSubscription(await cfg.db(), email, body.value as never);
  } catch (err) {
    if (err instanceof z.ZodError)
      return json({ error: "not a push subscription", issues: err.issues.map((i) => i.path.join(".")) }, 400);
    throw err;
  }
  return json({ subscribed: true }, 201);
}

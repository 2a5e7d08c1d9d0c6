// POST <base>/shared {channel}: a signed-in customer shared or copied their referral link (or a
// badge or stamp card carrying it). Counted once per customer, browser and channel for the
// referral participation KPI; a guest or another site's page is refused.
import { z } from "zod";
import { findCustomerByEmail } from "../../core/customers.ts";
import { recordEvent } from "../../engine/index.ts";
import { fromSameOrigin, json, readJson } from "../http.ts";
import type { Runtime } from "../runtime.ts";

export const SHARE_CHANNELS = ["share", "copy", "x", "facebook", "whatsapp", "email"] as const;
const sharedInput = z.object({ channel: z.enum(SHARE_CHANNELS) });

export async function sharedRoute(rt: Runtime, req: Request): Promise<Response> {
  if (!fromSameOrigin(req)) return json({ error: "This is answered only to the store's own pages." }, 403);
  const body = await readJson(req, 256);
  if (!body.ok) return body.response;
  const input = sharedInput.safeParse(body.value);
  if (!input.success) return json({ error: "Unknown share channel." }, 400);
  const { cfg } = rt;
  const shopper = await cfg.adapter.shopper({ request: req, create: false });
  if (!shopper?.id || !shopper.signedIn || !shopper.email) return json({ error: "Sign in to share your link." }, 403);
  const db = await cfg.db();
  const customer = await findCustomerByEmail(db, shopper.email);
  if (!customer) return json({ error: "Sign in to share your link." }, 403);
  await recordEvent(db, {
    type: "referral.shared",
    key: `${customer.id}:${shopper.id}:${input.data.channel}`,
    customerId: customer.id,
    sessionRef: shopper.id,
    payload: { channel: input.data.channel },
    occurredAt: await cfg.now(),
  });
  return json({ ok: true });
}

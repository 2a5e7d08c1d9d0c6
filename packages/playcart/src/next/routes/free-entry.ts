// POST <base>/free-entry {slug, email, requestId}: the free method of entry. No purchase and no
// cart: anyone may ask for a free play of a campaign that offers one, from the store's own
// pages, one per email each time the game opens (games/free-entry.ts). Rate-limited per browser
// like a play; the prize is kept for the email given.
import { z } from "zod";
import { freeEntryPlay, PlayError } from "../../games/index.ts";
import { fromSameOrigin, json, readJson } from "../http.ts";
import { playOutcome } from "../play.ts";
import { emailInput } from "../remembered-email.ts";
import type { Runtime } from "../runtime.ts";

const MAX_BODY_BYTES = 1_024;

const freeEntryInput = z.object({
  slug: z.string().regex(/^[a-z0-9-]{1,100}$/),
  email: emailInput,
  requestId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
});

const STATUS: Record<string, number> = { invalid: 400, forbidden: 403, rate_limited: 429, not_found: 404 };
const refused = (code: string, message: string) => json({ status: "error", code, message }, STATUS[code] ?? 200);

export async function freeEntryRoute(rt: Runtime, req: Request): Promise<Response> {
  if (!fromSameOrigin(req)) return refused("forbidden", "Free entries are made from the store's own pages.");
  const body = await readJson(req, MAX_BODY_BYTES, "play");
  if (!body.ok) return body.response;
  const input = freeEntryInput.safeParse(body.value);
  if (!input.success) return refused("invalid", input.error.issues[0]?.message ?? "That request was not valid.");
  const { cfg } = rt;
  const shopper = await cfg.adapter.shopper({ request: req, create: true });
  if (!(await rt.allowPlay(shopper?.id ?? `free:${input.data.email.toLowerCase()}`)))
    return refused("rate_limited", "Too many tries in a minute. Take a breath and try again.");
  const now = await cfg.now();
  try {
    const result = await freeEntryPlay(await cfg.db(), {
      ...input.data,
      device: shopper?.id ?? null,
      now,
      timeZone: cfg.timeZone,
    });
    if (result.eventPending) rt.sweepAfterResponse(now);
    // No cart: a free play's prize is never this order's saving.
    return json(playOutcome(cfg, { ...result, playsLeft: 0 }));
  } catch (err) {
    if (err instanceof PlayError) return refused(err.code, err.message);
    console.error("[playcart] free entry failed", err);
    return json({ status: "error", code: "error", message: "The free play could not be made. Try again." }, 500);
  }
}

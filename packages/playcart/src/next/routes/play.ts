// POST <base>/play {campaignId, requestId, token}: a play as a plain JSON route. Authorised like a
// server action: the shopper is whom the host's adapter says this browser is, from the store's own pages.
import { fromSameOrigin, json, readJson } from "../http.ts";
import { playFor } from "../play.ts";
import type { Runtime } from "../runtime.ts";

const MAX_BODY_BYTES = 2_048;
const STATUS: Record<string, number> = {
  invalid: 400,
  forbidden: 403,
  not_offered: 403,
  rate_limited: 429,
  not_found: 404,
  error: 500,
};

export async function playRoute(rt: Runtime, req: Request): Promise<Response> {
  if (!fromSameOrigin(req))
    return json({ status: "error", code: "forbidden", message: "Plays are made from the store's own pages." }, 403);
  const body = await readJson(req, MAX_BODY_BYTES, "play");
  if (!body.ok) return body.response;
  // The shopper's assumed email is looked up only if the play needs it (playFor).
  const shopper = await rt.cfg.adapter.shopperAnswer({ request: req, create: true });
  const outcome = await playFor(rt, shopper, body.value, req.headers);
  // Refusals (no plays left, closed, replayed...) are answers, not failures: 200 with the code.
  return json(
    outcome,
    outcome.status === "ok" ? 200 : Object.hasOwn(STATUS, outcome.code) ? STATUS[outcome.code] : 200,
  );
}

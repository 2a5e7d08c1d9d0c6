// POST /api/engage/play {campaignId, requestId}: the same play as the checkout's server
// action, as a plain JSON route (for host stores without server actions, and the benchmark).
// Authorised like the action: the shopper is this browser's session cookie (set if absent)
// and the signed-in account, never anything in the body.
import { getDb } from "@/db/client";
import { currentShopperForWrite } from "@/lib/store/owner";
import { playFromRequest } from "@/lib/store/play-request";
import { fromThisStore } from "@/lib/store/same-origin-json";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 2_048;
const STATUS: Record<string, number> = { invalid: 400, rate_limited: 429, not_found: 404, error: 500 };

// no-transform: next start's gzip would otherwise compress this small body, which cost more
// CPU per play (a zlib stream per response) than the draw itself. no-store: a play is never cached.
const reply = (body: object, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store, no-transform" },
  });

export async function POST(req: Request) {
  if (!fromThisStore(req))
    return reply({ status: "error", code: "forbidden", message: "Plays are made from the store's own pages." }, 403);
  const raw = await req.text();
  if (raw.length > MAX_BODY_BYTES)
    return reply({ status: "error", code: "invalid", message: "That game request was too large." }, 413);
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return reply({ status: "error", code: "invalid", message: "That game request was not valid JSON." }, 400);
  }
  const shopper = await currentShopperForWrite();
  const outcome = await playFromRequest(await getDb(), shopper, body);
  // Refusals (no plays left, closed, replayed...) are answers, not failures: 200 with the code.
  return reply(outcome, outcome.status === "ok" ? 200 : (STATUS[outcome.code] ?? 200));
}

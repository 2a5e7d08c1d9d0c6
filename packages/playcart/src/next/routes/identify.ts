// POST <base>/identify {email, consent?}: the first-order game's email step. The shopper says
// who is playing; Playcart remembers the email for this browser (signed cookie), records the
// contact (and the consent, only if ticked, with the checkbox's exact wording) and answers
// whether the first-order game is theirs, in words when it is not. A bad email changes nothing.
import { z } from "zod";
import { recordConsent, trackCart } from "../../reminders/index.ts";
import { consentWordingOf } from "../consent.ts";
import { judgeEmail } from "../email-first.ts";
import { fromSameOrigin, json, readJson } from "../http.ts";
import { emailInput, rememberEmailCookie } from "../remembered-email.ts";
import type { Runtime } from "../runtime.ts";
import { cartSummary, playShopper, trackedItems } from "../shopper.ts";

const MAX_BODY_BYTES = 1_024;

const identifyInput = z.object({ email: emailInput, consent: z.boolean().optional() });

const refused = (code: string, message: string, status: number) => json({ status: "error", code, message }, status);

export async function identifyRoute(rt: Runtime, req: Request): Promise<Response> {
  if (!fromSameOrigin(req)) return refused("forbidden", "This is answered only to the store's own pages.", 403);
  const body = await readJson(req, MAX_BODY_BYTES, "play");
  if (!body.ok) return body.response;
  const input = identifyInput.safeParse(body.value);
  if (!input.success) return refused("invalid", input.error.issues[0]?.message ?? "That email was not valid.", 400);
  const { cfg } = rt;
  const shopper = await cfg.adapter.shopper({ request: req, create: true });
  if (!shopper?.id) return refused("forbidden", "Games are played from the store's own pages.", 403);
  // Whether an email has ordered before is worth hiding from scripts: the play limit applies.
  if (!(await rt.allowPlay(shopper.id)))
    return refused("rate_limited", "Too many tries in a minute. Take a breath and try again.", 429);

  const { email, consent } = input.data;
  const cart = await cfg.adapter.cart(shopper);
  const now = await cfg.now();
  const db = await cfg.db();
  await db.transaction(async (tx) => {
    if (consent) await recordConsent(tx, { email, wording: consentWordingOf(cfg), source: "checkout_game", now });
    if (cart && cart.lines.length > 0)
      await trackCart(tx, {
        cartRef: cart.ref,
        email,
        sessionRef: shopper.id,
        currency: cfg.currency,
        items: trackedItems(cart.lines),
        now,
      });
  });
  // Judged as the checkout will judge this browser from now on (a signed-in shopper is their account).
  const identity = playShopper(shopper, cart, email);
  const verdict = identity.email
    ? await judgeEmail(rt, {
        shopper: { ...identity, email: identity.email },
        cart: cartSummary(cart?.lines ?? []),
        now,
      })
    : { firstOrder: false, message: null };
  return json({ status: "ok", ...verdict }, 200, {
    "set-cookie": rememberEmailCookie(cfg, shopper.id, email),
  });
}

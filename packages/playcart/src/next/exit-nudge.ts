// The exit nudge's server side: claims this session's one nudge and, only once it is shown,
// offers the comeback game in it, with an offer token for the "nudge" placement (and logs
// that offer). The
// checkout page never ships the comeback game otherwise (except after a reminder's link).
import { headers as requestHeaders } from "next/headers.js";
import { z } from "zod";
import { findCustomerByEmail } from "../core/customers.ts";
import { recordEvent } from "../engine/index.ts";
import { claimNudge, findOffer, type Offer } from "../games/index.ts";
import type { Shopper } from "./config.ts";
import { cameBackFromReminder } from "./cookies.ts";
import { offerWithToken } from "./offers.ts";
import type { Runtime } from "./runtime.ts";
import { cartSummary, playShopper } from "./shopper.ts";

const exitTrigger = z.enum(["pointer_top", "tab_hidden", "back", "idle"]);

export type NudgeDecision = { show: boolean; offer: Offer | null };

/**
 * Shown once per shopper session, only with a cart still to buy. The comeback game rides
 * along unless the checkout already offers it (a shopper back from a reminder).
 */
export async function exitNudgeFor(
  rt: Runtime,
  shopper: Shopper | null,
  headers: Headers,
  rawTrigger: unknown,
): Promise<NudgeDecision> {
  const none = { show: false, offer: null };
  const trigger = exitTrigger.safeParse(rawTrigger);
  if (!trigger.success || !shopper?.id) return none;
  const { cfg } = rt;
  const cart = await cfg.adapter.cart(shopper);
  if (!cart || cart.lines.length === 0) return none;
  const identity = playShopper(shopper, cart);
  const db = await cfg.db();
  const now = await cfg.now();
  const customer = identity.email ? await findCustomerByEmail(db, identity.email) : undefined;
  const show = await claimNudge(db, {
    sessionRef: shopper.id,
    cartRef: cart.ref,
    customerId: customer?.id ?? null,
    trigger: trigger.data,
    now,
  });
  if (!show || cameBackFromReminder(headers)) return { show, offer: null };
  const comeback = await findOffer(db, {
    placement: "comeback",
    shopper: identity,
    cart: cartSummary(cart.lines),
    now,
    timeZone: cfg.timeZone,
  });
  const offer = await offerWithToken(rt, comeback, "nudge", shopper, now);
  // The nudge shows its game now: that is an offer, logged like the checkout's (one per
  // campaign, session and cart), so the comeback game's plays and orders have their offer.
  if (offer)
    await recordEvent(db, {
      type: "game.offered",
      key: `${offer.campaignId}:${shopper.id}:${cart.ref}`,
      customerId: customer?.id ?? null,
      sessionRef: shopper.id,
      campaignId: offer.campaignId,
      payload: { placement: "nudge" },
      occurredAt: now,
    });
  return { show, offer };
}

/** The request's headers: the given Request's, the given Headers, or the server action's own. */
export const headersOf = async (input: { request?: Request; headers?: Headers }) =>
  input.request?.headers ?? input.headers ?? (await requestHeaders());

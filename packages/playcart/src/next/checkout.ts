// The checkout page's server helper: the game to offer (with its offer token; the exit
// nudge's game comes from playcart.exitNudge once the nudge shows), and the reward that
// applies now, decided exactly as priceOrder will decide it. The view,
// the offer and any holdout are logged after the response, once per session and cart. The
// offer logged is the one the page shows, and the view shows one game: after its last play
// the same game keeps the slot (findPlacement), so the refresh that follows a play never logs
// another campaign's offer that the shopper does not see.
import { headers as requestHeaders } from "next/headers.js";
import { after } from "next/server.js";
import { findCustomerByEmail } from "../core/customers.ts";
import { recordEvent } from "../engine/index.ts";
import { type CartSummary, findPlacement, type Offer, type PlayShopper } from "../games/index.ts";
import { balances } from "../ledger/index.ts";
import { customerProfile, type TierProgress, tierProgress } from "../loyalty/index.ts";
import type { Cart, Shopper } from "./config.ts";
import { consentWordingOf } from "./consent.ts";
import { cameBackFromReminder } from "./cookies.ts";
import { FIRST_ORDER } from "./email-first.ts";
import type { IncentiveNotice } from "./incentive-notice.ts";
import { offerWithToken } from "./offers.ts";
import { rememberedEmailOfRequest } from "./remembered-email.ts";
import { type RewardPreview, rewardPreviews } from "./reward-options.ts";
import type { Runtime } from "./runtime.ts";
import { cartSummary, playShopper } from "./shopper.ts";

export type { RewardPreview };

export type CheckoutView = {
  shopper: Shopper | null;
  cart: Cart | null;
  /** The email Playcart assumes for this shopper (prefill), never proof of identity. */
  email: string | null;
  /** The game to show in the checkout (the comeback game for a shopper back from a reminder), with its offer token. */
  offer: Offer | null;
  /**
   * The offer is a first-order game and Playcart does not know who is shopping: the game asks
   * for the email first (CheckoutGames' email step, posting to `ui.identifyEndpoint`).
   */
  emailFirst: boolean;
  /** The notice of financial incentive the email step shows (a shopper joins there); null without an email step. */
  incentiveNotice: IncentiveNotice | null;
  cameBack: boolean;
  reward: RewardPreview | null;
  /** Every reward of the shopper that applies to this cart, best first (reward is the first): the checkout's choice. */
  rewardOptions: RewardPreview[];
  /** What the reward takes off this order's total now (its discount plus the delivery it waives); 0 without one. */
  offMinor: number;
  /** A known shopper's points and tier (the rewards panel); null before Playcart knows them. */
  points: { balance: number; held: number; pending: number; progress: TierProgress } | null;
  /** What <PlaycartCheckout> needs from the config: the play route, Playcart's own odds pages, the currency, the reminder checkbox's wording. */
  ui: { playEndpoint: string; identifyEndpoint: string; oddsBase: string; currency: string; consentWording: string };
};

export type CheckoutInput = {
  request?: Request;
  headers?: Headers;
  games?: boolean;
  /** The shopper's cart when the page has already read it (skips adapter.cart: one cart read per checkout). */
  cart?: Cart | null;
};

export async function checkoutView(rt: Runtime, input: CheckoutInput = {}): Promise<CheckoutView> {
  const { cfg } = rt;
  const headers = input.request?.headers ?? input.headers ?? (await requestHeaders());
  const cameBack = cameBackFromReminder(headers);
  const shopper = await cfg.adapter.shopper({ request: input.request ?? null, create: false });
  const cart = !shopper ? null : input.cart !== undefined ? input.cart : await cfg.adapter.cart(shopper);
  const ui = {
    playEndpoint: `${cfg.basePath}/play`,
    identifyEndpoint: `${cfg.basePath}/identify`,
    oddsBase: `${cfg.basePath}/odds`,
    currency: cfg.currency,
    consentWording: consentWordingOf(cfg),
  };
  const empty = {
    shopper,
    cart,
    email: shopper?.email ?? null,
    offer: null,
    emailFirst: false,
    incentiveNotice: null,
    cameBack,
    reward: null,
    rewardOptions: [],
    offMinor: 0,
    points: null,
    ui,
  };
  if (!shopper || !cart || cart.lines.length === 0) return empty;
  const identity = playShopper(shopper, cart, await rememberedEmailOfRequest(cfg, { ...input, headers }, shopper));
  const db = await cfg.db();
  const now = await cfg.now();
  const summary = cartSummary(cart.lines);
  const games = input.games !== false;
  const placementOf = async () => {
    const heldOut: string[] = [];
    // One read of who the shopper is, for both placements.
    const profile = await customerProfile(db, { email: identity.email, userRef: identity.userRef, now });
    for (const placement of ["checkout_first_order", "checkout_returning"] as const) {
      const found = await findPlacement(db, {
        placement,
        shopper: identity,
        cart: summary,
        now,
        timeZone: cfg.timeZone,
        profile,
      });
      if (found.heldOut) heldOut.push(found.heldOut.campaignId);
      if (found.offer) return { offer: found.offer, placement, heldOut };
      // One game per checkout: a game played out here keeps the slot (see findPlacement).
      if (found.playedOut) break;
    }
    return { offer: null, placement: null, heldOut };
  };
  const [placement, rewardOptions, back, points] = await Promise.all([
    games ? placementOf() : null,
    rewardPreviews(rt, identity, cart, now),
    // The comeback game only for a shopper back from a reminder's link (the nudge offers it otherwise).
    games && cameBack
      ? findPlacement(db, { placement: "comeback", shopper: identity, cart: summary, now, timeZone: cfg.timeZone })
      : null,
    pointsOf(rt, identity, now),
  ]);
  const reward = rewardOptions[0] ?? null;
  const comeback = back?.offer ?? null;
  // The comeback game, offered or played out, keeps the slot: the checkout's own game is then
  // neither shown nor held out here.
  const comebackSlot = Boolean(comeback || back?.playedOut);
  const offer = comebackSlot
    ? await offerWithToken(rt, comeback, "comeback", shopper, now)
    : await offerWithToken(rt, placement?.offer ?? null, "checkout", shopper, now);
  if (games && placement) {
    // What the page shows is what is logged.
    const shown = { offer, heldOut: comebackSlot ? [] : placement.heldOut };
    const log = () =>
      recordCheckoutView(rt, identity, cart.ref, summary, shown, now).catch((err) =>
        console.error("[playcart] checkout view not logged", err),
      );
    try {
      after(log);
    } catch {
      await log();
    }
  }
  const emailFirst = Boolean(
    !comebackSlot && placement?.offer && placement.placement === FIRST_ORDER && !identity.email,
  );
  return {
    ...empty,
    email: identity.email ?? null,
    offer,
    emailFirst,
    // Cached per instance (incentive-notice.ts): no query on the checkout's path.
    incentiveNotice: emailFirst ? await rt.incentiveNotice() : null,
    reward,
    rewardOptions,
    offMinor: (reward?.discountMinor ?? 0) + (reward?.shippingWaivedMinor ?? 0),
    points,
  };
}

async function pointsOf(rt: Runtime, shopper: PlayShopper, now: Date): Promise<CheckoutView["points"]> {
  if (!shopper.email && !shopper.userRef) return null;
  const db = await rt.cfg.db();
  const customer = shopper.email ? await findCustomerByEmail(db, shopper.email) : undefined;
  if (!customer) return null;
  const [balance, progress] = await Promise.all([
    balances(db, customer.id),
    tierProgress(db, { email: shopper.email, userRef: shopper.userRef, now }),
  ]);
  return { balance: balance.available, held: balance.held, pending: balance.pending, progress };
}

async function recordCheckoutView(
  rt: Runtime,
  shopper: PlayShopper,
  cartRef: string,
  cart: CartSummary,
  { offer, heldOut }: { offer: Offer | null; heldOut: string[] },
  now: Date,
) {
  const db = await rt.cfg.db();
  const session = shopper.sessionRef ?? "none";
  const customer = shopper.email ? await findCustomerByEmail(db, shopper.email) : undefined;
  const base = { customerId: customer?.id ?? null, sessionRef: shopper.sessionRef ?? null, occurredAt: now };
  // The cart and whether the shopper was signed in, in the shape the engine's context reads:
  // rules on this event and a campaign's forecast judge audiences on them.
  const payload = { cart, signedIn: Boolean(shopper.signedIn) };
  await recordEvent(db, {
    type: "checkout.viewed",
    key: `${session}:${cartRef}`,
    ...base,
    valueMinor: cart.valueMinor,
    payload,
  });
  if (offer)
    await recordEvent(db, {
      type: "game.offered",
      key: `${offer.campaignId}:${session}:${cartRef}`,
      ...base,
      campaignId: offer.campaignId,
    });
  for (const campaignId of heldOut)
    await recordEvent(db, { type: "game.held_out", key: `${campaignId}:${session}:${cartRef}`, ...base, campaignId });
}

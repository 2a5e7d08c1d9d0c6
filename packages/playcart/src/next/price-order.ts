// priceOrder: the discount an order gets, decided on the server and reserved for that order
// in one transaction (the host's, when it passes one), with what Playcart needs later
// (categories for affinity, the session and referral code for referrals).
import type { EngageDb } from "../core/db.ts";
import { EngageError } from "../core/errors.ts";
import { recordOrderPlaced } from "../loyalty/index.ts";
import { recordConsent, trackCart } from "../reminders/index.ts";
import {
  applicableRewards,
  hasEffect,
  isOwnReward,
  releaseOrderRewards,
  reserveReward,
  rewardOwnerOf,
} from "../rewards/index.ts";
import type { Cart, Shopper } from "./config.ts";
import { CONSENT_FIELD, consentWordingOf } from "./consent.ts";
import { referralCodeOf } from "./cookies.ts";
import { rememberEmailInAction } from "./remembered-email.ts";
import { RewardChangedError, rewardChange, shownRewardOf } from "./reward-change.ts";
import { rewardChoiceOf } from "./reward-choice.ts";
import type { Runtime } from "./runtime.ts";
import { cartSummary, rewardLines, trackedItems } from "./shopper.ts";

export type PriceOrderInput = {
  /** The host's id for the order, known before it is written (for example a UUID it generates). */
  orderRef: string;
  /** Default: the adapter's shopper of this request (a server action) and their cart. */
  shopper?: Shopper;
  cart?: Cart;
  /** The email the order is placed with (defaults to the cart's). */
  email?: string;
  /**
   * A reward the shopper picked (default: the form's `playcart_reward` field); refused unless
   * it is theirs and applies. Otherwise the one worth most.
   */
  rewardId?: string | null;
  /**
   * The reward the checkout showed the shopper (null: none); default: the form's
   * PLAYCART_SHOWN_REWARD_FIELD (rendered by <PlaycartCheckout form>). When it is given and the
   * order would get another (or none), priceOrder places nothing and throws
   * RewardChangedError, whose message says why and the new total: show it before payment.
   */
  shownRewardId?: string | null;
  /** The referral code this browser came with; default: Playcart's referral cookie in `headers`. */
  referralCode?: string | null;
  headers?: Headers;
  /** The host's transaction, so the order row and the reservation commit together. */
  db?: EngageDb;
  /**
   * The checkout form as posted: when it carried Playcart's reminder checkbox (ticked), the
   * shopper's consent is recorded with the checkbox's exact wording.
   */
  form?: FormData;
  /** Consent given through the host's own checkbox: its exact wording (null: none given). */
  consent?: string | null;
};

export type PricedOrder = {
  discountMinor: number;
  shippingWaivedMinor: number;
  /** What comes off the order's total: the discount plus the delivery waived. */
  offMinor: number;
  bonusPoints: number;
  label: string | null;
  rewardId: string | null;
};

export async function priceOrder(rt: Runtime, given: PriceOrderInput): Promise<PricedOrder> {
  const { cfg } = rt;
  const shopper = given.shopper ?? (await cfg.adapter.shopper({ request: null, create: true }));
  const cart = given.cart ?? (shopper ? await cfg.adapter.cart(shopper) : null);
  if (!shopper || !cart) throw new EngageError("invalid:input", "There is no cart to place an order for.");
  const input = { ...given, shopper, cart };
  const email = input.email ?? input.cart.email;
  if (!email) throw new EngageError("invalid:input", "An order needs an email.");
  const now = await cfg.now();
  const run = async (tx: EngageDb): Promise<PricedOrder> => {
    // Placing again re-decides the reward from scratch.
    await releaseOrderRewards(tx, input.orderRef);
    const shopper = {
      email,
      userRef: input.shopper.userRef,
      deviceId: input.shopper.id,
      sessionRef: input.shopper.id,
      signedIn: input.shopper.signedIn,
    };
    const options = await applicableRewards(tx, {
      shopper,
      cartRef: input.cart.ref,
      lines: rewardLines(input.cart.lines),
      cart: cartSummary(input.cart.lines),
      shippingMinor: input.cart.shippingMinor,
      now,
      timeZone: cfg.timeZone,
    });
    // A reward the shopper chose is the one they were shown; otherwise the checkout's own (if the host says).
    const requested = input.rewardId ?? rewardChoiceOf(input.form);
    const hostShown = shownRewardOf(input);
    const shown = requested ?? hostShown;
    const pick = requested ? options.find((o) => o.reward.id === requested) : options[0];
    // A choice that is not among the shopper's own rewards at all is refused outright; one of
    // theirs that no longer applies is explained below, when the host shows rewards.
    if (requested && !pick && (hostShown === undefined || !(await isOwnReward(tx, requested, shopper))))
      throw new EngageError("invalid:input", "That reward is not available to you for this order.");
    const used = pick && hasEffect(pick) ? pick : null;
    if (shown !== undefined && (used?.reward.id ?? null) !== shown) {
      const change = await rewardChange(tx, {
        shownId: shown,
        applied: used ?? options[0] ?? null,
        shopper: { ...shopper, email },
        lines: rewardLines(input.cart.lines),
        cart: cartSummary(input.cart.lines),
        shippingMinor: input.cart.shippingMinor,
        currency: cfg.currency,
        now,
        timeZone: cfg.timeZone,
      });
      // The checkout, shown again, reads this email: its totals are then the ones just explained.
      await rememberEmailInAction(cfg, input.shopper.id, email);
      throw new RewardChangedError(change);
    }
    if (used) {
      const reserved = await reserveReward(tx, {
        rewardId: used.reward.id,
        orderRef: input.orderRef,
        owner: rewardOwnerOf(shopper),
        now,
      });
      if (!reserved) throw new EngageError("invalid:input", "That reward was just used on another order.");
    }
    // The order's cart is followed from now on: unpaid, it is abandoned and reminded (with consent).
    const consent = input.consent ?? (input.form?.get(CONSENT_FIELD) === "on" ? consentWordingOf(cfg) : null);
    if (consent) await recordConsent(tx, { email, wording: consent, source: "checkout", now });
    await trackCart(tx, {
      cartRef: input.cart.ref,
      email,
      sessionRef: input.shopper.id,
      currency: cfg.currency,
      items: trackedItems(input.cart.lines),
      now,
    });
    await recordOrderPlaced(tx, {
      orderRef: input.orderRef,
      email,
      sessionRef: input.shopper.id,
      referralCode:
        input.referralCode !== undefined ? input.referralCode : input.headers ? referralCodeOf(input.headers) : null,
      lines: input.cart.lines.map((l) => ({
        category: l.category,
        amountMinor: l.unitPriceMinor * l.quantity,
        quantity: l.quantity,
      })),
    });
    await rememberEmailInAction(cfg, input.shopper.id, email);
    const discountMinor = used?.discountMinor ?? 0;
    const shippingWaivedMinor = used?.shippingWaivedMinor ?? 0;
    return {
      discountMinor,
      shippingWaivedMinor,
      offMinor: discountMinor + shippingWaivedMinor,
      bonusPoints: used?.bonusPoints ?? 0,
      label: used?.reward.label ?? null,
      rewardId: used?.reward.id ?? null,
    };
  };
  return input.db ? run(input.db) : (await cfg.db()).transaction(run);
}

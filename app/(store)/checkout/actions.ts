"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { RewardChangedError } from "playcart/next";
import { getDb } from "@/db/client";
import { type ActionState, formObject, invalid } from "@/lib/action-state";
import { paymentsMode } from "@/lib/env";
import { playcart } from "@/lib/playcart";
import { afterCheckout } from "@/lib/store/abandonment";
import { actionError } from "@/lib/store/action-errors";
import { formatMoney } from "@/lib/store/money";
import { placeOrder } from "@/lib/store/orders";
import { storeOrigin } from "@/lib/store/origin";
import { currentShopperForWrite } from "@/lib/store/owner";
import { checkoutInput } from "@/lib/store/validation";
import { createCheckoutSession } from "@/lib/stripe/checkout-session";

/**
 * The reward the checkout showed no longer applies (or another does): nothing was placed. The
 * form says why and the total now due, and offers to continue at that price or go back.
 */
export type PriceChange = { message: string; total: string; shownRewardId: string };
export type CheckoutState = ActionState & { priceChange?: PriceChange };

export async function placeOrderAction(_prev: CheckoutState, form: FormData): Promise<CheckoutState> {
  const input = checkoutInput.safeParse(formObject(form));
  if (!input.success) return invalid(input.error);
  let next: string;
  try {
    const shopper = await currentShopperForWrite();
    const db = await getDb();
    const order = await placeOrder(db, shopper, input.data.email, {
      referralCode: playcart.referralCode(await headers()),
      shownRewardId: input.data.shownRewardId ?? null,
      rewardId: input.data.playcart_reward ?? null,
    });
    // Consent (only if ticked), the cart report for abandonment, the exit nudge's conversion.
    await afterCheckout(db, {
      email: input.data.email,
      consent: input.data.marketingConsent === "yes",
      cartId: order.cartId,
      sessionId: shopper.sessionId,
      orderId: order.id,
      totalMinor: order.totalMinor,
    });
    next = paymentsMode() === "stripe" ? await createCheckoutSession(db, order, storeOrigin()) : `/pay/${order.id}`;
  } catch (err) {
    if (err instanceof RewardChangedError)
      return {
        status: "invalid",
        message: err.message,
        priceChange: {
          message: err.message,
          total: formatMoney(err.change.totalMinor),
          shownRewardId: err.change.applied?.id ?? "",
        },
      };
    return actionError(err);
  }
  redirect(next);
}

"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { type ActionState, formObject, invalid } from "@/lib/action-state";
import { paymentsMode } from "@/lib/env";
import { playcart } from "@/lib/playcart";
import { afterCheckout } from "@/lib/store/abandonment";
import { actionError } from "@/lib/store/action-errors";
import { placeOrder } from "@/lib/store/orders";
import { requestOrigin } from "@/lib/store/origin";
import { currentShopperForWrite } from "@/lib/store/owner";
import { checkoutInput } from "@/lib/store/validation";
import { createCheckoutSession } from "@/lib/stripe/checkout-session";

export async function placeOrderAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = checkoutInput.safeParse(formObject(form));
  if (!input.success) return invalid(input.error);
  let next: string;
  try {
    const shopper = await currentShopperForWrite();
    const db = await getDb();
    const order = await placeOrder(db, shopper, input.data.email, {
      referralCode: playcart.referralCode(await headers()),
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
    next =
      paymentsMode() === "stripe" ? await createCheckoutSession(db, order, await requestOrigin()) : `/pay/${order.id}`;
  } catch (err) {
    return actionError(err);
  }
  redirect(next);
}

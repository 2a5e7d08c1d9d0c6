"use server";

import { eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { orders } from "@/db/schema";
import { type ActionState, formObject, invalid } from "@/lib/action-state";
import { paymentsMode } from "@/lib/env";
import { actionError } from "@/lib/store/action-errors";
import { canView } from "@/lib/store/orders";
import { selfOrigin } from "@/lib/store/origin";
import { currentShopper } from "@/lib/store/owner";
import { orderIdInput } from "@/lib/store/validation";
import { checkoutSessionCompleted } from "@/lib/stripe/test-mode/events";
import { postSignedEvent } from "@/lib/stripe/test-mode/post-event";

async function payableOrder(form: FormData) {
  if (paymentsMode() !== "test")
    return {
      error: { status: "forbidden", message: "Test payments are off: this store takes real payments." } as ActionState,
    };
  const input = orderIdInput.safeParse(formObject(form));
  if (!input.success) return { error: invalid(input.error) };
  const shopper = await currentShopper();
  const [order] = await (await getDb()).select().from(orders).where(eq(orders.id, input.data.orderId));
  if (
    !order ||
    !canView(order, { sessionId: shopper.sessionId, userId: shopper.userId, email: shopper.viewer?.email ?? null })
  ) {
    return { error: { status: "forbidden", message: "This order is not yours to pay." } as ActionState };
  }
  return { order };
}

/** Test mode: "the card is charged" and Stripe's checkout.session.completed is delivered. */
export async function payTestAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  let orderId: string;
  try {
    const { order, error } = await payableOrder(form);
    if (error) return error;
    orderId = order.id;
    if (order.status === "pending") {
      const res = await postSignedEvent(selfOrigin(), checkoutSessionCompleted(order));
      if (!res.ok)
        return { status: "error", message: `The payment could not be recorded (webhook answered ${res.status}).` };
    } else if (order.status !== "paid") {
      return { status: "invalid", message: `This order is ${order.status} and cannot be paid.` };
    }
  } catch (err) {
    return actionError(err);
  }
  // The webhook converted the cart: the header's cart count must not show it any more.
  revalidatePath("/", "layout");
  redirect(`/orders/${orderId}`);
}

/** Test mode: a declined card. Like Stripe Checkout, nothing changes and the shopper may retry. */
export async function declineTestAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const { error } = await payableOrder(form);
    if (error) return error;
  } catch (err) {
    return actionError(err);
  }
  return {
    status: "invalid",
    message: "Your card was declined (test card 4000 0000 0000 0002). You have not been charged.",
  };
}

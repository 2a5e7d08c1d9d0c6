// Stripe-shaped events for test payments (no STRIPE_SECRET_KEY). They carry the same
// fields a real Checkout Session and Charge carry, so fulfilment cannot tell them apart.
import Stripe from "stripe";

type OrderRef = { id: string; totalMinor: number; currency: string; email: string; paymentAttempt: number };

const hex = (orderId: string) => orderId.replace(/-/g, "");
export const testPaymentIntentId = (orderId: string) => `pi_test_${hex(orderId)}`;
const now = () => Math.floor(Date.now() / 1000);

export function stripeEvent(id: string, type: string, object: Record<string, unknown>) {
  return {
    id,
    object: "event",
    api_version: Stripe.API_VERSION,
    created: now(),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
}

export function checkoutSessionCompleted(order: OrderRef) {
  const sessionId = `cs_test_${hex(order.id)}_${order.paymentAttempt}`;
  return stripeEvent(`evt_test_${hex(order.id)}_completed`, "checkout.session.completed", {
    id: sessionId,
    object: "checkout.session",
    mode: "payment",
    status: "complete",
    payment_status: "paid",
    client_reference_id: order.id,
    metadata: { order_id: order.id },
    amount_subtotal: order.totalMinor,
    amount_total: order.totalMinor,
    currency: order.currency,
    customer_email: order.email,
    customer_details: { email: order.email },
    payment_intent: testPaymentIntentId(order.id),
    livemode: false,
    created: now(),
  });
}

/** A refund bringing the charge's cumulative amount_refunded to `amountRefundedMinor`. */
export function chargeRefunded(order: OrderRef, amountRefundedMinor: number) {
  return stripeEvent(`evt_test_${hex(order.id)}_refunded_${amountRefundedMinor}`, "charge.refunded", {
    id: `ch_test_${hex(order.id)}`,
    object: "charge",
    amount: order.totalMinor,
    amount_captured: order.totalMinor,
    amount_refunded: amountRefundedMinor,
    refunded: amountRefundedMinor >= order.totalMinor,
    currency: order.currency,
    paid: true,
    status: "succeeded",
    payment_intent: testPaymentIntentId(order.id),
    metadata: { order_id: order.id },
    livemode: false,
    created: now(),
  });
}

// TEST PAYMENTS ONLY. A Stripe-shaped checkout.session.completed event for an order, with the
// fields a real Checkout Session carries, so the webhooks cannot tell it from Stripe's own.
import Stripe from "stripe";

type PayableOrder = { id: string; totalMinor: number; subtotalMinor: number; currency: string; email: string };

export function checkoutSessionCompleted(order: PayableOrder) {
  const hex = order.id.replace(/-/g, "");
  const created = Math.floor(Date.now() / 1000);
  return {
    id: `evt_test_${hex}_completed`,
    object: "event",
    api_version: Stripe.API_VERSION,
    created,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: "checkout.session.completed",
    data: {
      object: {
        id: `cs_test_${hex}`,
        object: "checkout.session",
        mode: "payment",
        status: "complete",
        payment_status: "paid",
        client_reference_id: order.id,
        metadata: { orderRef: order.id },
        amount_subtotal: order.subtotalMinor,
        amount_total: order.totalMinor,
        currency: order.currency,
        customer_email: order.email,
        customer_details: { email: order.email },
        payment_intent: `pi_test_${hex}`,
        livemode: false,
        created,
      },
    },
  };
}

// Stripe webhook payloads built from Stripe's own fixtures (test/fixtures/stripe/, see its
// README): take the resource, override what Playcart reads, wrap it in the `event` fixture,
// sign it like Stripe does.
import { randomBytes, randomUUID } from "node:crypto";
import type { Order } from "playcart/next";
import Stripe from "stripe";
import stripeFixtures from "../fixtures/stripe/fixtures3.json";
import { TEST_WEBHOOK_SECRET } from "./server";

type Json = Record<string, unknown>;
const resources: Record<string, Json> = stripeFixtures.resources;

export function fixture(name: string): Json {
  const r = resources[name];
  if (!r) throw new Error(`test/fixtures/stripe/fixtures3.json has no resources["${name}"]`);
  return structuredClone(r);
}

export const uniqueId = (prefix: string) => `${prefix}_${randomBytes(10).toString("hex")}`;
const nowSeconds = () => Math.floor(Date.now() / 1000);

export type OrderRef = {
  id: string;
  totalMinor: number;
  currency: string;
  email: string;
  paymentIntentId?: string | null;
};

/** An order as a host's Playcart adapter describes it (one line of beans), with a PaymentIntent of its own. */
export function adapterOrder(totalMinor: number, email?: string) {
  const ref = randomUUID();
  return {
    ref,
    id: ref,
    email: email ?? `shopper-${ref.slice(0, 8)}@example.test`,
    paidAt: null,
    lines: [{ productRef: "beans", name: "Beans", category: "coffee", unitPriceMinor: totalMinor, quantity: 1 }],
    subtotalMinor: totalMinor,
    discountMinor: 0,
    shippingMinor: 0,
    totalMinor,
    currency: "usd",
    paymentIntentId: `pi_${ref.replace(/-/g, "")}`,
  } satisfies Order & OrderRef;
}

/** A Checkout Session for the order (paid by default), carrying its id in both places. */
export function checkoutSession(order: OrderRef, overrides: Json = {}): Json {
  return {
    ...fixture("checkout.session"),
    id: uniqueId("cs_test"),
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
    payment_intent: order.paymentIntentId ?? null,
    livemode: false,
    created: nowSeconds(),
    ...overrides,
  };
}

/** The order's charge with a cumulative amount_refunded. */
export function charge(order: OrderRef, amountRefunded: number, overrides: Json = {}): Json {
  return {
    ...fixture("charge"),
    id: `ch_${order.id.replace(/-/g, "")}`,
    object: "charge",
    amount: order.totalMinor,
    amount_captured: order.totalMinor,
    amount_refunded: amountRefunded,
    captured: true,
    paid: true,
    refunded: amountRefunded >= order.totalMinor,
    status: "succeeded",
    currency: order.currency,
    payment_intent: order.paymentIntentId ?? null,
    metadata: {},
    livemode: false,
    ...overrides,
  };
}

/** A dispute on the order's charge. Stripe's statuses: needs_response, under_review, won, lost, ... */
export function dispute(order: OrderRef, status: string, overrides: Json = {}): Json {
  return {
    ...fixture("dispute"),
    id: `dp_${order.id.replace(/-/g, "")}`,
    object: "dispute",
    amount: order.totalMinor,
    currency: order.currency,
    charge: `ch_${order.id.replace(/-/g, "")}`,
    payment_intent: order.paymentIntentId ?? null,
    status,
    metadata: {},
    livemode: false,
    ...overrides,
  };
}

export type StripeEventJson = Json & { id: string; type: string };

/** Wraps an object in Stripe's event fixture. */
export function stripeEvent(type: string, object: Json, id = uniqueId("evt_test")): StripeEventJson {
  return {
    ...fixture("event"),
    id,
    object: "event",
    type,
    api_version: Stripe.API_VERSION,
    created: nowSeconds(),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object },
  } as StripeEventJson;
}

export type Delivery = { payload: string; header: string };

/** Signs a payload (an event or any raw string) like Stripe does. */
export function sign(event: StripeEventJson | string, opts: { secret?: string; timestamp?: number } = {}): Delivery {
  const payload = typeof event === "string" ? event : JSON.stringify(event);
  const header = Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: opts.secret ?? TEST_WEBHOOK_SECRET,
    timestamp: opts.timestamp ?? nowSeconds(),
  });
  return { payload, header };
}

export type WebhookResponse = { status: number; body: Record<string, unknown> };

/** POSTs to /api/stripe/webhook; `header: null` sends no Stripe-Signature at all. */
export async function post(baseUrl: string, payload: string, header: string | null): Promise<WebhookResponse> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (header !== null) headers["stripe-signature"] = header;
  const res = await fetch(`${baseUrl}/api/stripe/webhook`, { method: "POST", headers, body: payload });
  const text = await res.text();
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text);
  } catch {
    body = { raw: text };
  }
  return { status: res.status, body };
}

/** Signs and delivers an event. */
export async function deliver(baseUrl: string, event: StripeEventJson): Promise<WebhookResponse> {
  const { payload, header } = sign(event);
  return post(baseUrl, payload, header);
}

/** Runs `fn` over the items with at most `concurrency` in flight at once. */
export async function inParallel<T, R>(
  items: T[],
  concurrency: number,
  fn: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= items.length) return;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/** Fisher-Yates with a seeded generator, so a failing order can be replayed. */
export function shuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  const rand = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

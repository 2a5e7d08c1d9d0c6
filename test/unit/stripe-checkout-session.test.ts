// With STRIPE_SECRET_KEY, checkout creates a Stripe Checkout Session priced from the
// database, carrying the order id, with one idempotency key per payment attempt, and a
// single-use coupon for the reward the server chose. Checked against FakeStripeApi.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { carts, orderItems, orders, products } from "@/db/schema";
import { seed } from "@/db/seed";
import { startFakeStripeApi } from "../support/fake-stripe-api";
import { createMemoryDb } from "../support/pglite";

let fake: Awaited<ReturnType<typeof startFakeStripeApi>>;
let handle: Awaited<ReturnType<typeof createMemoryDb>>;

beforeAll(async () => {
  fake = await startFakeStripeApi();
  Object.assign(process.env, {
    AUTH_SECRET: "unit-test-secret-unit-test-secret",
    STRIPE_SECRET_KEY: "sk_test_playcart_unit",
    STRIPE_WEBHOOK_SECRET: "whsec_playcart_unit",
    STRIPE_API_BASE: fake.url,
  });
  handle = await createMemoryDb();
  await seed(handle.db);
});

afterAll(async () => {
  await fake?.close();
  await handle?.close();
});

async function orderWith(lines: { slug: string; quantity: number }[], discountMinor = 0, shippingMinor = 0) {
  const db = handle.db;
  const [cart] = await db
    .insert(carts)
    .values({ sessionId: `s${Math.random().toString(36).slice(2).padEnd(40, "x")}` })
    .returning();
  const priced = await Promise.all(
    lines.map(async (l) => ({ ...l, product: (await db.select().from(products).where(eq(products.slug, l.slug)))[0] })),
  );
  const subtotal = priced.reduce((s, l) => s + l.product.priceMinor * l.quantity, 0);
  const [order] = await db
    .insert(orders)
    .values({
      cartId: cart.id,
      sessionId: cart.sessionId,
      email: "buyer@example.com",
      currency: "usd",
      subtotalMinor: subtotal,
      discountMinor,
      shippingMinor,
      totalMinor: subtotal - discountMinor + shippingMinor,
      discountLabel: discountMinor ? "10% off" : null,
    })
    .returning();
  await db.insert(orderItems).values(
    priced.map((l) => ({
      orderId: order.id,
      productId: l.product.id,
      productName: l.product.name,
      unitPriceMinor: l.product.priceMinor,
      quantity: l.quantity,
    })),
  );
  return order;
}

describe("createCheckoutSession (Stripe mode, FakeStripeApi)", () => {
  it("prices line items from the database, carries the order id, and keys each attempt", async () => {
    const { createCheckoutSession } = await import("@/lib/stripe/checkout-session");
    const order = await orderWith([
      { slug: "house-espresso", quantity: 2 },
      { slug: "butter-croissant", quantity: 1 },
    ]);
    const url = await createCheckoutSession(handle.db, order, "http://shop.test");
    expect(url).toMatch(/^https:\/\/checkout\.stripe\.test\/pay\//);

    const sessionCall = fake.requests.filter((r) => r.path === "/v1/checkout/sessions").at(-1)!;
    const f = sessionCall.form;
    expect(f.get("mode")).toBe("payment");
    expect(f.get("client_reference_id")).toBe(order.id);
    expect(f.get("metadata[order_id]")).toBe(order.id);
    expect(f.get("payment_intent_data[metadata][order_id]")).toBe(order.id);
    expect(f.get("line_items[0][price_data][unit_amount]")).toBe("1450");
    expect(f.get("line_items[0][quantity]")).toBe("2");
    expect(f.get("line_items[1][price_data][unit_amount]")).toBe("350");
    expect(f.get("line_items[0][price_data][currency]")).toBe("usd");
    expect(f.get("success_url")).toBe(`http://shop.test/orders/${order.id}?session_id={CHECKOUT_SESSION_ID}`);
    expect(f.has("discounts[0][coupon]")).toBe(false);
    expect(sessionCall.headers["idempotency-key"]).toBe(`playcart:order:${order.id}:attempt:1`);

    // A second attempt (the shopper came back from Stripe and tried again) gets a new key.
    const [again] = await handle.db.select().from(orders).where(eq(orders.id, order.id));
    await createCheckoutSession(handle.db, again, "http://shop.test");
    const second = fake.requests.filter((r) => r.path === "/v1/checkout/sessions").at(-1)!;
    expect(second.headers["idempotency-key"]).toBe(`playcart:order:${order.id}:attempt:2`);
    const [stored] = await handle.db.select().from(orders).where(eq(orders.id, order.id));
    expect(stored.stripeSessionId).toMatch(/^cs_test_fake_/);
  });

  it("passes the server's reward as a single-use coupon, so Stripe charges the order total", async () => {
    const { createCheckoutSession } = await import("@/lib/stripe/checkout-session");
    const order = await orderWith([{ slug: "stoneware-mug", quantity: 1 }], 180);
    await createCheckoutSession(handle.db, order, "http://shop.test");
    const coupon = fake.requests.filter((r) => r.path === "/v1/coupons").at(-1)!;
    expect(coupon.form.get("amount_off")).toBe("180");
    expect(coupon.form.get("currency")).toBe("usd");
    expect(coupon.form.get("duration")).toBe("once");
    expect(coupon.form.get("max_redemptions")).toBe("1");
    expect(coupon.headers["idempotency-key"]).toBe(`playcart:order:${order.id}:attempt:1:coupon`);
    const session = fake.requests.filter((r) => r.path === "/v1/checkout/sessions").at(-1)!;
    expect(session.form.get("discounts[0][coupon]")).toMatch(/^coupon_fake_/);
    expect(session.form.get("line_items[0][price_data][unit_amount]")).toBe("1800");
  });

  it("passes the server's delivery fee as the session's shipping, and none when it is free or waived", async () => {
    const { createCheckoutSession } = await import("@/lib/stripe/checkout-session");
    const order = await orderWith([{ slug: "house-espresso", quantity: 1 }], 0, 495);
    expect(order.totalMinor).toBe(1450 + 495);
    await createCheckoutSession(handle.db, order, "http://shop.test");
    const session = fake.requests.filter((r) => r.path === "/v1/checkout/sessions").at(-1)!;
    expect(session.form.get("shipping_options[0][shipping_rate_data][type]")).toBe("fixed_amount");
    expect(session.form.get("shipping_options[0][shipping_rate_data][fixed_amount][amount]")).toBe("495");
    expect(session.form.get("shipping_options[0][shipping_rate_data][fixed_amount][currency]")).toBe("usd");

    const free = await orderWith([{ slug: "house-espresso", quantity: 1 }], 0, 0);
    await createCheckoutSession(handle.db, free, "http://shop.test");
    const freeSession = fake.requests.filter((r) => r.path === "/v1/checkout/sessions").at(-1)!;
    expect([...freeSession.form.keys()].some((k) => k.startsWith("shipping_options"))).toBe(false);
  });
});

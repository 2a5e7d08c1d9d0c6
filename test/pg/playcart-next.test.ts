// playcart/next on a real Postgres: createPlaycart's one catch-all route (routing and each
// route's own authorisation), and its Stripe endpoint earning, clawing back and holding
// points from events signed by Stripe's own library, exactly once per event.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import {
  balances,
  ensureCustomer,
  findCustomerByEmail,
  mintOfferToken,
  offerSecretOf,
  referralCodeFor,
} from "playcart";
import { saveSettings } from "playcart/internal/core/settings";
import {
  createPlaycart,
  type Order,
  type Playcart,
  type PlaycartAdminOptions,
  type PlaycartConfig,
  PlaycartConfigError,
} from "playcart/next";
import { campaigns, customers, events, ledgerEntries, orderRewards, prizes } from "playcart/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../support/pg";
import { adapterOrder, charge, checkoutSession, dispute, sign, stripeEvent } from "../support/stripe-events";

const SECRET = "whsec_playcartnext0123456789abcdefghijklmnop";
const CRON = "cron-secret-0123456789abcdef";
const BASE = "https://shop.example.test/api/playcart";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let playcart: Playcart;
const orders = new Map<string, Order>();

beforeAll(async () => {
  t = await createTestDatabase();
  // Refunds and disputes of released points: no return window here (pending points:
  // test/pg/points-lots-concurrency.test.ts).
  await saveSettings(t.db, { returnWindowDays: 0 });
  playcart = createPlaycart({
    db: t.db,
    secret: "a-host-secret-0123456789",
    // The app server's requests name another host (BASE below is how tests reach it).
    publicOrigin: "https://shop.example.com",
    timeZone: "Europe/Berlin",
    currency: "usd",
    cronSecret: CRON,
    stripe: { webhookSecret: SECRET, maxBodyBytes: 64 * 1024 },
    adapter: {
      // A browser is its x-test-shopper header here (x-test-member: signed in as that email);
      // a host reads its own session cookie.
      shopper: ({ request }) => {
        const id = request?.headers.get("x-test-shopper");
        const member = request?.headers.get("x-test-member") ?? null;
        return id ? { id, email: member, userRef: null, signedIn: Boolean(member) } : null;
      },
      cart: () => null,
      order: (ref) => orders.get(ref) ?? null,
    },
  });
});
afterAll(() => t?.drop());

function newOrder(totalMinor: number) {
  const o = adapterOrder(totalMinor);
  orders.set(o.ref, o);
  return o;
}

const call = (path: string, init: RequestInit = {}) =>
  init.method === "POST"
    ? playcart.handlers.POST(new Request(`${BASE}${path}`, init))
    : playcart.handlers.GET(new Request(`${BASE}${path}`, init));

async function deliver(event: ReturnType<typeof stripeEvent> | string, header?: string) {
  const signed = sign(event, { secret: SECRET });
  const res = await call("/stripe", {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": header ?? signed.header },
    body: signed.payload,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function pointsOf(email: string) {
  const customer = await findCustomerByEmail(t.db, email);
  return customer ? await balances(t.db, customer.id) : { available: 0, held: 0 };
}

describe("routing and authorisation", () => {
  it("answers 404 outside its routes and 405 for a wrong method", async () => {
    expect((await call("/nope")).status).toBe(404);
    expect((await call("")).status).toBe(404);
    expect((await call("/play")).status).toBe(405);
    expect((await call("/cron/other")).status).toBe(404);
    expect((await playcart.handlers.GET(new Request("https://shop.example.test/elsewhere/play"))).status).toBe(404);
  });

  it("refuses the cron without the bearer secret, and runs it with it", async () => {
    expect((await call("/cron/events")).status).toBe(401);
    expect((await call("/cron/reminders", { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
    const ok = await call("/cron/events", { headers: { authorization: `Bearer ${CRON}` } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({
      birthdays: expect.any(Number),
      processed: expect.any(Number),
      fired: expect.any(Number),
    });
  });

  it("takes plays only as JSON from the store's own pages, within a size limit", async () => {
    const headers = { "content-type": "application/json", "x-test-shopper": "browser-1" };
    const body = JSON.stringify({ campaignId: randomUUID(), requestId: "r".repeat(20) });
    const crossSite = await call("/play", {
      method: "POST",
      headers: { ...headers, "sec-fetch-site": "cross-site" },
      body,
    });
    expect(crossSite.status).toBe(403);
    const asForm = await call("/play", { method: "POST", headers: { ...headers, "content-type": "text/plain" }, body });
    expect(asForm.status).toBe(403);
    expect((await call("/play", { method: "POST", headers, body: "{not json" })).status).toBe(400);
    expect(
      (await call("/play", { method: "POST", headers, body: JSON.stringify({ x: "a".repeat(5_000) }) })).status,
    ).toBe(413);
    const invalid = await call("/play", { method: "POST", headers, body: JSON.stringify({ campaignId: "x" }) });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ status: "error", code: "invalid" });
    const noShopper = await call("/play", { method: "POST", headers: { "content-type": "application/json" }, body });
    expect(noShopper.status).toBe(403);
    // A game this browser was not offered (here: none at all) is refused before any lookup.
    const unoffered = await call("/play", { method: "POST", headers, body });
    expect(unoffered.status).toBe(403);
    expect(await unoffered.json()).toMatchObject({ status: "error", code: "not_offered" });
  });

  it("refuses a browser's plays past playsPerMinute (default 20) with 429, and only that browser's", async () => {
    const play = (shopper: string) =>
      call("/play", {
        method: "POST",
        headers: { "content-type": "application/json", "x-test-shopper": shopper },
        body: JSON.stringify({ campaignId: randomUUID(), requestId: randomUUID().replace(/-/g, "") }),
      });
    // Not offered (no game here), but each counts as a try at the draw.
    for (let i = 0; i < 20; i++) expect((await play("browser-hammering")).status).toBe(403);
    const limited = await play("browser-hammering");
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ status: "error", code: "rate_limited" });
    expect((await play("browser-calm")).status).toBe(403);
  });

  it("shows a confirmation on GET unsubscribe and refuses a forged token", async () => {
    expect((await call("/unsubscribe/forged.token")).status).toBe(400);
    expect((await call("/unsubscribe/forged.token", { method: "POST" })).status).toBe(400);
  });

  it("sends a bad or expired reminder link to the cart page", async () => {
    const res = await call("/comeback/forged.token");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/cart?link=expired");
  });

  it("redirects a referral link to the store's public origin, never the request's host", async () => {
    const member = `referrer-${randomUUID().slice(0, 8)}@example.test`;
    const customer = await ensureCustomer(t.db, { email: member });
    const code = await referralCodeFor(t.db, customer.id);
    const res = await call(`/r/${code}`, { headers: { "x-test-shopper": "friend-browser" } });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("https://shop.example.com/");
    expect(res.headers.get("set-cookie")).toMatch(new RegExp(`^pc_ref=${code}; .*; Secure$`));
    const unknown = await call("/r/nosuchcode", { headers: { "x-test-shopper": "friend-browser" } });
    expect(unknown.headers.get("location")).toBe("https://shop.example.com/");
    expect(unknown.headers.get("set-cookie")).toBeNull();
  });

  it("records a member's share once per browser and channel, and refuses guests and other sites", async () => {
    const member = `sharer-${randomUUID().slice(0, 8)}@example.test`;
    const customer = await ensureCustomer(t.db, { email: member });
    const json = { "content-type": "application/json", "x-test-shopper": "sharer-browser" };
    const body = JSON.stringify({ channel: "copy" });
    const shares = () =>
      t.db
        .select({ payload: events.payload })
        .from(events)
        .where(and(eq(events.type, "referral.shared"), eq(events.customerId, customer.id)));
    expect((await call("/shared", { method: "POST", headers: json, body })).status).toBe(403); // a guest
    const asMember = { ...json, "x-test-member": member };
    const crossSite = { ...asMember, "sec-fetch-site": "cross-site" };
    expect((await call("/shared", { method: "POST", headers: crossSite, body })).status).toBe(403);
    const bad = JSON.stringify({ channel: "carrier-pigeon" });
    expect((await call("/shared", { method: "POST", headers: asMember, body: bad })).status).toBe(400);
    expect(await shares()).toEqual([]);
    for (let i = 0; i < 2; i++)
      expect((await call("/shared", { method: "POST", headers: asMember, body })).status).toBe(200);
    expect(await shares()).toEqual([{ payload: { channel: "copy" } }]);
  });
});

describe("the Stripe endpoint", () => {
  it("refuses a bad or missing signature and an oversize body, writing nothing", async () => {
    const o = newOrder(4_200);
    const event = stripeEvent("checkout.session.completed", checkoutSession(o));
    expect((await deliver(event, "t=1,v1=deadbeef")).status).toBe(400);
    const forged = sign(event, { secret: "whsec_someoneelse0123456789" });
    expect((await deliver(event, forged.header)).status).toBe(400);
    const missing = await call("/stripe", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(missing.status).toBe(400);
    const big = await deliver(JSON.stringify({ pad: "x".repeat(70 * 1024) }));
    expect(big.status).toBe(413);
    expect(await pointsOf(o.email)).toMatchObject({ available: 0 });
  });

  it("acknowledges unknown event types, prototype keys included, and ignores them", async () => {
    for (const type of ["customer.created", "__proto__", "constructor", "toString", "hasOwnProperty"]) {
      const res = await deliver(stripeEvent(type, { id: "obj_1", object: "thing" }));
      expect(res.status, type).toBe(200);
      expect(res.body).toMatchObject({ received: true, status: "ignored" });
    }
  });

  it("refuses amounts and payment states Stripe never sends with a 400, writing nothing", async () => {
    const o = newOrder(8_900);
    const counts = async () =>
      Promise.all([events, ledgerEntries, orderRewards, customers].map((table) => t.db.$count(table)));
    const before = await counts();
    const session = (overrides: Record<string, unknown>) =>
      checkoutSession(o, { payment_intent: o.paymentIntentId, ...overrides });
    const refused = [
      stripeEvent("checkout.session.completed", session({ amount_total: -8_900 })),
      stripeEvent("checkout.session.completed", session({ amount_total: 2 ** 31 })),
      stripeEvent("checkout.session.completed", session({ payment_status: "no_payment_required" })),
      stripeEvent("checkout.session.async_payment_succeeded", session({ payment_status: "unpaid" })),
      stripeEvent("charge.refunded", charge(o, 1_000, { amount: -8_900 })),
      stripeEvent("charge.refunded", charge(o, -1)),
      stripeEvent("charge.refunded", charge(o, 9_000)),
    ];
    for (const event of refused) {
      const res = await deliver(event);
      expect(res.status, JSON.stringify(event.data)).toBe(400);
      expect(String(res.body.error)).toContain(event.type);
    }
    expect(await counts()).toEqual(before);
    expect(await pointsOf(o.email)).toMatchObject({ available: 0 });
    // The same order, paid as Stripe sends it, then earns.
    const paid = await deliver(stripeEvent("checkout.session.completed", session({})));
    expect(paid.body).toMatchObject({ status: "applied", outcome: "earned", points: 89 });
  });

  it("earns points once from a paid Checkout Session, however often it is delivered", async () => {
    const o = newOrder(4_250);
    const event = stripeEvent("checkout.session.completed", checkoutSession(o, { payment_intent: o.paymentIntentId }));
    const first = await deliver(event);
    expect(first).toMatchObject({ status: 200, body: { status: "applied", outcome: "earned", points: 42 } });
    expect(await pointsOf(o.email)).toMatchObject({ available: 42 });
    const again = await deliver(event);
    expect(again).toMatchObject({ status: 200, body: { status: "duplicate" } });
    // Concurrent redeliveries: still one application.
    const racing = await Promise.all(Array.from({ length: 5 }, () => deliver(event)));
    expect(racing.every((r) => r.status === 200 && r.body.status === "duplicate")).toBe(true);
    // A different event for the same order (Stripe may send both) adds nothing either: it
    // reports the order's points, and the ledger keeps one earn entry.
    const async = stripeEvent(
      "checkout.session.async_payment_succeeded",
      checkoutSession(o, { payment_intent: o.paymentIntentId }),
    );
    expect((await deliver(async)).body).toMatchObject({ status: "applied", outcome: "earned", points: 42 });
    expect(await pointsOf(o.email)).toMatchObject({ available: 42 });
  });

  it("earns nothing for an unpaid session, a wrong amount or an unknown order", async () => {
    const o = newOrder(3_000);
    const unpaid = stripeEvent("checkout.session.completed", checkoutSession(o, { payment_status: "unpaid" }));
    expect((await deliver(unpaid)).body).toMatchObject({ outcome: "awaiting_payment" });
    const short = stripeEvent("checkout.session.completed", checkoutSession(o, { amount_total: 100 }));
    expect((await deliver(short)).body).toMatchObject({ outcome: "amount_mismatch" });
    const stranger = stripeEvent("checkout.session.completed", checkoutSession({ ...o, id: randomUUID() }));
    expect((await deliver(stranger)).body).toMatchObject({ outcome: "unknown_order" });
    expect(await pointsOf(o.email)).toMatchObject({ available: 0 });
  });

  it("claws back in proportion to the cumulative refund, and a stale refund changes nothing", async () => {
    const o = newOrder(10_000);
    await deliver(stripeEvent("checkout.session.completed", checkoutSession(o, { payment_intent: o.paymentIntentId })));
    expect(await pointsOf(o.email)).toMatchObject({ available: 100 });
    const partial = await deliver(stripeEvent("charge.refunded", charge(o, 2_500)));
    expect(partial.body).toMatchObject({ status: "applied", outcome: "refund_recorded", orderRef: o.ref });
    expect(await pointsOf(o.email)).toMatchObject({ available: 75 });
    await deliver(stripeEvent("charge.refunded", charge(o, 1_000))); // older, smaller cumulative amount
    expect(await pointsOf(o.email)).toMatchObject({ available: 75 });
    await deliver(stripeEvent("charge.refunded", charge(o, 10_000)));
    expect(await pointsOf(o.email)).toMatchObject({ available: 0 });
    const [row] = await t.db.select().from(orderRewards).where(eq(orderRewards.orderRef, o.ref));
    expect(row.amountRefundedMinor).toBe(10_000);
  });

  it("holds points while a dispute is open and releases them when it is won", async () => {
    const o = newOrder(6_000);
    await deliver(stripeEvent("checkout.session.completed", checkoutSession(o, { payment_intent: o.paymentIntentId })));
    await deliver(stripeEvent("charge.dispute.created", dispute(o, "needs_response")));
    expect(await pointsOf(o.email)).toMatchObject({ available: 0, held: 60 });
    await deliver(stripeEvent("charge.dispute.closed", dispute(o, "won")));
    expect(await pointsOf(o.email)).toMatchObject({ available: 60, held: 0 });
  });

  it("removes the held points when a dispute is lost", async () => {
    const o = newOrder(5_000);
    await deliver(stripeEvent("checkout.session.completed", checkoutSession(o, { payment_intent: o.paymentIntentId })));
    await deliver(stripeEvent("charge.dispute.created", dispute(o, "needs_response")));
    await deliver(stripeEvent("charge.dispute.closed", dispute(o, "lost")));
    expect(await pointsOf(o.email)).toMatchObject({ available: 0, held: 0 });
  });
});

describe("refunds and disputes that arrive before their payment", () => {
  const paid = (o: ReturnType<typeof newOrder>) =>
    stripeEvent("checkout.session.completed", checkoutSession(o, { payment_intent: o.paymentIntentId }));

  it("keeps a refund that names only its payment and claws back when the payment arrives", async () => {
    const o = newOrder(10_000);
    const early = await deliver(stripeEvent("charge.refunded", charge(o, 2_500)));
    expect(early).toMatchObject({ status: 200, body: { status: "applied", outcome: "refund_parked" } });
    expect((await deliver(paid(o))).body).toMatchObject({ outcome: "earned", points: 100 });
    expect(await pointsOf(o.email)).toMatchObject({ available: 75 });
    const [row] = await t.db.select().from(orderRewards).where(eq(orderRewards.orderRef, o.ref));
    expect(row.amountRefundedMinor).toBe(2_500);
  });

  it("keeps a refund that names its order in metadata, largest cumulative amount first or last", async () => {
    const o = newOrder(8_000);
    const meta = { metadata: { orderRef: o.ref }, payment_intent: null };
    await deliver(stripeEvent("charge.refunded", charge(o, 4_000, meta)));
    await deliver(stripeEvent("charge.refunded", charge(o, 2_000, meta))); // older, smaller
    await deliver(paid(o));
    expect(await pointsOf(o.email)).toMatchObject({ available: 40 });
  });

  it("holds points for a dispute opened before the payment, and removes them for one already lost", async () => {
    const held = newOrder(6_000);
    expect((await deliver(stripeEvent("charge.dispute.created", dispute(held, "needs_response")))).body).toMatchObject({
      outcome: "dispute_parked",
    });
    await deliver(paid(held));
    expect(await pointsOf(held.email)).toMatchObject({ available: 0, held: 60 });

    const lost = newOrder(5_000);
    await deliver(stripeEvent("charge.dispute.created", dispute(lost, "needs_response")));
    await deliver(stripeEvent("charge.dispute.closed", dispute(lost, "lost")));
    await deliver(paid(lost));
    expect(await pointsOf(lost.email)).toMatchObject({ available: 0, held: 0 });
  });

  it("never loses a refund racing its payment", async () => {
    const racing = Array.from({ length: 6 }, () => newOrder(10_000));
    const results = await Promise.all(
      racing.flatMap((o) => [deliver(paid(o)), deliver(stripeEvent("charge.refunded", charge(o, 5_000)))]),
    );
    expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
    for (const o of racing) expect(await pointsOf(o.email)).toMatchObject({ available: 50 });
  });

  it("applies a refund that arrives while its payment is being recorded", async () => {
    const o = newOrder(10_000);
    let refund: Promise<Awaited<ReturnType<typeof deliver>>> | undefined;
    // The host records the payment in its own transaction; the refund arrives before it commits.
    await t.db.transaction(async (tx) => {
      await playcart.orderPaid({ orderRef: o.ref, paymentRef: o.paymentIntentId, db: tx });
      refund = deliver(stripeEvent("charge.refunded", charge(o, 5_000)));
      await new Promise((r) => setTimeout(r, 300));
    });
    expect(await refund).toMatchObject({ status: 200, body: { outcome: "refund_recorded" } });
    expect(await pointsOf(o.email)).toMatchObject({ available: 50 });
  });

  it("ignores a refund in another currency than the order was paid in", async () => {
    const o = newOrder(10_000);
    await deliver(paid(o));
    const yen = await deliver(stripeEvent("charge.refunded", charge(o, 10_000, { currency: "jpy" })));
    expect(yen).toMatchObject({ status: 200, body: { outcome: "currency_mismatch" } });
    expect(await pointsOf(o.email)).toMatchObject({ available: 100 });
  });

  it("single-endpoint mode keeps a refund and a dispute given before orderPaid", async () => {
    const o = newOrder(4_000);
    await playcart.orderRefunded({ orderRef: o.ref, amountRefundedMinor: 1_000 });
    await playcart.orderDisputed({ orderRef: o.ref, status: "open" });
    expect(await playcart.orderPaid({ orderRef: o.ref })).toBe(40);
    expect(await pointsOf(o.email)).toMatchObject({ available: 0, held: 30 });
  });
});

describe("hardening", () => {
  it("refuses a streamed body past the limit without Content-Length, without reading it all", async () => {
    const chunk = new TextEncoder().encode("x".repeat(8 * 1024));
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        c.enqueue(chunk);
      },
    });
    const req = new Request(`${BASE}/stripe`, {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": "t=1,v1=x" },
      body: endless,
      duplex: "half",
    } as RequestInit);
    expect(req.headers.get("content-length")).toBeNull();
    expect((await playcart.handlers.POST(req)).status).toBe(413);
    expect(pulled).toBeLessThan(20);
  });

  it("earns once when the paid and the async-succeeded events for one order race", async () => {
    const o = newOrder(4_200);
    const session = checkoutSession(o, { payment_intent: o.paymentIntentId });
    const results = await Promise.all(
      ["checkout.session.completed", "checkout.session.async_payment_succeeded", "checkout.session.completed"].map(
        (type) => deliver(stripeEvent(type, session)),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(await pointsOf(o.email)).toMatchObject({ available: 42 });
  });

  it("orderPaid earns nothing when the amount paid is not the order's total", async () => {
    const o = newOrder(2_000);
    expect(await playcart.orderPaid({ orderRef: o.ref, amountPaidMinor: 200_000 })).toBe(0);
    expect(await pointsOf(o.email)).toMatchObject({ available: 0 });
    await expect(playcart.orderPaid({ orderRef: o.ref, amountPaidMinor: -5 })).rejects.toThrow(/amountPaidMinor/);
    await expect(playcart.orderRefunded({ orderRef: o.ref, amountRefundedMinor: 1.5 })).rejects.toThrow(
      /amountRefundedMinor/,
    );
  });

  it("refuses an order from the adapter that is not well formed, consuming no event", async () => {
    const o = newOrder(3_100);
    orders.set(o.ref, { ...o, totalMinor: "3100" as unknown as number });
    await expect(playcart.orderPaid({ orderRef: o.ref })).rejects.toThrow(/adapter.order/);
    const event = stripeEvent("checkout.session.completed", checkoutSession(o, { payment_intent: o.paymentIntentId }));
    expect((await deliver(event)).status).toBe(500);
    orders.set(o.ref, o);
    expect((await deliver(event)).body).toMatchObject({ status: "applied", outcome: "earned", points: 31 });
  });

  it("earns from an order with only the fields Playcart needs (lines and amounts besides the total are the host's)", async () => {
    const o = newOrder(2_500);
    const { lines: _lines, subtotalMinor: _s, discountMinor: _d, shippingMinor: _sh, ...bare } = o;
    orders.set(o.ref, bare);
    const event = stripeEvent("checkout.session.completed", checkoutSession(o, { payment_intent: o.paymentIntentId }));
    expect((await deliver(event)).body).toMatchObject({ status: "applied", outcome: "earned", points: 25 });
    orders.set(o.ref, { ...o, lines: [{ productRef: "beans" }] as unknown as Order["lines"] });
    await expect(playcart.orderPaid({ orderRef: o.ref })).rejects.toThrow(/lines/);
  });

  it("checks the config with clear errors, at creation or at first use", () => {
    const good = {
      db: t.db,
      secret: "a-host-secret-0123456789",
      timeZone: "Europe/Berlin",
      currency: "usd",
      adapter: { shopper: () => null, cart: () => null, order: () => null },
    } as PlaycartConfig;
    const bad = (patch: Record<string, unknown>) => () => createPlaycart({ ...good, ...patch } as PlaycartConfig);
    expect(bad({ timeZone: undefined })).toThrow(PlaycartConfigError);
    expect(bad({ timeZone: undefined })).toThrow(/timeZone/);
    expect(bad({ timeZone: "Mars/Olympus" })).toThrow(/timeZone/);
    expect(bad({ currency: "euro" })).toThrow(/currency/);
    expect(bad({ secret: undefined })).toThrow(/secret/);
    expect(bad({ stripe: { webhookSecret: SECRET, maxBodyBytes: Number.NaN } })).toThrow(/maxBodyBytes/);
    expect(bad({ playsPerMinute: 0 })).toThrow(/playsPerMinute/);
    const later = createPlaycart(() => ({ ...good, timeZone: "" }));
    expect(() => later.referralCode(new Headers())).not.toThrow();
    return expect(later.checkout()).rejects.toThrow(/timeZone/);
  });
});

describe("single-endpoint mode (the host's own webhook calls Playcart)", () => {
  it("orderPaid earns from the adapter's order once; orderRefunded claws back", async () => {
    const o = newOrder(2_000);
    expect(await playcart.orderPaid({ orderRef: o.ref })).toBe(20);
    expect(await playcart.orderPaid({ orderRef: o.ref })).toBe(20); // the order's points, not earned twice
    expect(await pointsOf(o.email)).toMatchObject({ available: 20 });
    await playcart.orderRefunded({ orderRef: o.ref, amountRefundedMinor: 1_000 });
    expect(await pointsOf(o.email)).toMatchObject({ available: 10 });
    await playcart.orderDisputed({ orderRef: o.ref, status: "open" });
    expect(await pointsOf(o.email)).toMatchObject({ available: 0, held: 10 });
  });
});

describe("what a small host leaves to Playcart", () => {
  const guestStore = (admin?: PlaycartAdminOptions) =>
    createPlaycart({
      db: t.db,
      secret: "a-host-secret-0123456789",
      timeZone: "Europe/Berlin",
      currency: "EUR",
      admin,
      adapter: {
        // A store of guests answers with the browser's key alone ("" is no browser).
        shopper: ({ request }) => request?.headers.get("x-test-shopper") ?? "guest-browser",
        cart: ({ id }) =>
          id === "guest-browser"
            ? {
                ref: "guest-cart",
                email: null,
                shippingMinor: 490,
                lines: [{ productRef: "tea", name: "Tea", category: "tea", unitPriceMinor: 1200, quantity: 2 }],
              }
            : null,
        order: () => null,
      },
    });

  it("reads a bare shopper key as a guest, and prices that guest's cart", async () => {
    const priced = await guestStore().priceOrder({ orderRef: randomUUID(), email: "guest@example.test" });
    expect(priced).toMatchObject({ discountMinor: 0, shippingWaivedMinor: 0, offMinor: 0, rewardId: null });
    const page = (headers: Record<string, string>) =>
      guestStore().checkout({ request: new Request("https://shop.example.test/checkout", { headers }) });
    expect((await page({})).shopper).toEqual({ id: "guest-browser", email: null, userRef: null, signedIn: false });
    expect((await page({})).offMinor).toBe(0);
    expect((await page({ "x-test-shopper": "" })).shopper).toBeNull();
  });

  it("names a this-order prize's saving on the cart as the order is then priced", async () => {
    const [campaign] = await t.db
      .insert(campaigns)
      .values({
        slug: `saving-${randomUUID().slice(0, 8)}`,
        name: "Ten percent wheel",
        gameType: "spin_wheel",
        // A returning shoppers' game: a guest plays it without the first-order email step.
        placement: "checkout_returning",
        status: "live",
        // No holdout: this guest must be offered the game, whatever the campaign's id.
        holdoutPercent: 0,
        rewardScope: "this_order",
        rewardValidDays: 1,
      })
      .returning({ id: campaigns.id });
    await t.db.insert(prizes).values({
      campaignId: campaign.id,
      position: 0,
      label: "10% off",
      weight: 1,
      rewardType: "percent_off",
      rewardValue: 10,
      costMinor: 100,
    });
    const store = guestStore();
    // The token the checkout would have shown this guest with the game.
    const token = mintOfferToken(offerSecretOf("a-host-secret-0123456789"), {
      campaignId: campaign.id,
      placement: "checkout",
      holder: { id: "guest-browser", userRef: null },
      now: new Date(),
    });
    const outcome = await store.play({ campaignId: campaign.id, requestId: randomUUID(), token });
    // The guest cart: 2 x 12.00 = 24.00, so 10% off saves 2.40.
    expect(outcome).toMatchObject({
      status: "ok",
      won: true,
      reward: { label: "10% off", scope: "this_order", savingMinor: 240, currency: "eur" },
    });
    // The outcome names the reward it issued: the one the order is then priced with, sent as shown with no change to explain.
    const rewardId = outcome.status === "ok" ? outcome.reward?.id : undefined;
    expect(rewardId).toEqual(expect.any(String));
    const priced = await store.priceOrder({
      orderRef: randomUUID(),
      email: "saver@example.test",
      shownRewardId: rewardId,
    });
    expect(priced.offMinor).toBe(240);
    expect(priced.rewardId).toBe(rewardId);
  });

  it("uses the cart a checkout page already read instead of reading it again", async () => {
    const request = new Request("https://shop.example.test/checkout");
    const given = { ref: "page-cart", email: null, shippingMinor: 0, lines: [] };
    // The adapter's cart for this browser is guest-cart; the view shows the one the page passed.
    expect((await guestStore().checkout({ request, cart: given })).cart).toEqual(given);
    expect((await guestStore().checkout({ request })).cart?.ref).toBe("guest-cart");
  });

  it("mounts the admin on the same database, currency and time zone, behind the host's authorize", async () => {
    const owner = guestStore({ basePath: "/admin/playcart", authorize: async () => ({ actor: "owner" }) });
    expect(owner.admin.config).toMatchObject({
      basePath: "/admin/playcart",
      currency: "eur",
      timeZone: "Europe/Berlin",
    });
    expect(await owner.admin.act("not-an-action", { status: "idle" }, new FormData())).toMatchObject({
      status: "invalid",
    });
  });

  it("hides the admin from a request the host answers with notFound", async () => {
    const hidden = guestStore({ basePath: "/admin/playcart", authorize: async () => "notFound" });
    expect(await hidden.admin.act("createCampaign", { status: "idle" }, new FormData())).toMatchObject({
      status: "forbidden",
    });
    const csv = await hidden.admin.exportCsv(new Request("https://shop.example.test/admin/playcart/kpis/export"));
    expect(csv.status).toBe(404);
  });

  it("says what to configure when a host uses the admin without config.admin", () => {
    expect(() => guestStore().admin.config).toThrow(/config\.admin/);
  });
});

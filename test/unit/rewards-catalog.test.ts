// Earn and burn: catalog purchases through the ledger, bonus-points rewards credited once
// when their order is paid, free shipping in totals, and the tier progress numbers.
import { randomUUID } from "node:crypto";
import { and, eq, like, sql } from "drizzle-orm";
import {
  buyCatalogItem,
  creditBonusRewards,
  ensureCustomer,
  InsufficientPointsError,
  postEntry,
  processPendingEvents,
  rewardOwnerOf,
  saveSettings,
} from "playcart";
import { DEFAULT_SETTINGS } from "playcart/internal/core/settings";
import { progressFor, tierProgress } from "playcart/internal/loyalty/tier-progress";
import { catalogItems, events, ledgerEntries, pointBalances, rewards } from "playcart/schema";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { orders, products } from "@/db/schema";
import { seed } from "@/db/seed";
import { addToCart } from "@/lib/store/cart";
import { placeOrder } from "@/lib/store/orders";
import {
  FREE_SHIPPING_FROM_MINOR,
  priceLines,
  SHIPPING_FEE_MINOR,
  shippingFor,
  withDiscount,
} from "@/lib/store/pricing";
import { purchaseReward } from "@/lib/store/reward-purchase";
import { applyStripeEvent } from "@/lib/stripe/apply-event";
import { createMemoryDb } from "../support/pglite";
import { charge, checkoutSession, stripeEvent } from "../support/stripe-events";

let handle: Awaited<ReturnType<typeof createMemoryDb>>;
let db: Db;
const NOW = new Date("2026-11-20T12:00:00Z");

beforeAll(async () => {
  process.env.AUTH_SECRET ??= "unit-test-secret-unit-test-secret";
  handle = await createMemoryDb();
  db = handle.db;
  await seed(db);
});
afterAll(async () => handle?.close());

const item = async (slug: string) => (await db.select().from(catalogItems).where(eq(catalogItems.slug, slug)))[0];
const balanceOf = async (customerId: string) =>
  (
    await db
      .select()
      .from(pointBalances)
      .where(and(eq(pointBalances.customerId, customerId), eq(pointBalances.account, "available")))
  )[0]?.balance ?? 0;
const count = async (table: typeof ledgerEntries | typeof rewards | typeof events) =>
  (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n;

async function customerWith(points: number, email = `burn-${randomUUID().slice(0, 8)}@example.test`) {
  const customer = await ensureCustomer(db, { email });
  if (points > 0)
    await postEntry(db, {
      customerId: customer.id,
      delta: points,
      kind: "earn",
      reason: "test",
      sourceKey: `test:${customer.id}`,
    });
  return customer;
}
const owner = (email: string) =>
  rewardOwnerOf({ email, deviceId: `dev-${email}`, sessionRef: `sess-${email}`, signedIn: true });

describe("the reward catalog", () => {
  it("is seeded with a 20-point pastry, free shipping and money off", async () => {
    expect((await item("free-croissant")).pointsCost).toBe(20);
    expect((await item("free-croissant")).productRef).toBe("butter-croissant");
    expect((await item("free-shipping")).rewardType).toBe("free_shipping");
  });

  it("buying burns the points through one redeem entry and issues a next-order reward", async () => {
    const c = await customerWith(50);
    const croissant = await item("free-croissant");
    const bought = await buyCatalogItem(db, {
      customerId: c.id,
      itemId: croissant.id,
      requestId: randomUUID(),
      owner: owner(c.email),
      now: NOW,
    });
    expect(bought).toMatchObject({ pointsSpent: 20, replayed: false, label: croissant.name });
    expect(await balanceOf(c.id)).toBe(30);
    const entries = await db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.customerId, c.id), eq(ledgerEntries.kind, "redeem")));
    expect(entries.map((e) => e.delta)).toEqual([-20]);
    const [reward] = await db.select().from(rewards).where(eq(rewards.id, bought.rewardId));
    expect(reward).toMatchObject({
      customerId: c.id,
      scope: "next_order",
      status: "issued",
      rewardType: "free_product",
      productRef: "butter-croissant",
    });
  });

  it("too few points: refused, and nothing is written (no reward, entry or event)", async () => {
    const c = await customerWith(19);
    const before = { entries: await count(ledgerEntries), rewards: await count(rewards), events: await count(events) };
    const croissant = await item("free-croissant");
    await expect(
      buyCatalogItem(db, {
        customerId: c.id,
        itemId: croissant.id,
        requestId: randomUUID(),
        owner: owner(c.email),
        now: NOW,
      }),
    ).rejects.toBeInstanceOf(InsufficientPointsError);
    expect({ entries: await count(ledgerEntries), rewards: await count(rewards), events: await count(events) }).toEqual(
      before,
    );
    expect(await balanceOf(c.id)).toBe(19);
  });

  it("a replayed purchase returns the same reward and spends nothing more", async () => {
    const c = await customerWith(40);
    const croissant = await item("free-croissant");
    const requestId = randomUUID();
    const first = await buyCatalogItem(db, {
      customerId: c.id,
      itemId: croissant.id,
      requestId,
      owner: owner(c.email),
      now: NOW,
    });
    const again = await buyCatalogItem(db, {
      customerId: c.id,
      itemId: croissant.id,
      requestId,
      owner: owner(c.email),
      now: NOW,
    });
    expect(again).toMatchObject({ rewardId: first.rewardId, replayed: true, pointsSpent: 0 });
    expect(await balanceOf(c.id)).toBe(20);
  });

  it("an unknown or inactive item is refused", async () => {
    const c = await customerWith(100);
    await expect(
      buyCatalogItem(db, {
        customerId: c.id,
        itemId: randomUUID(),
        requestId: randomUUID(),
        owner: owner(c.email),
        now: NOW,
      }),
    ).rejects.toThrow("not in the catalog");
    expect(await balanceOf(c.id)).toBe(100);
  });

  it("the purchase action prices from the catalog: forged points, price or discount fields change nothing", async () => {
    const email = `forger-${randomUUID().slice(0, 8)}@example.test`;
    const c = await customerWith(70, email);
    const five = await item("five-off");
    const viewer = { id: randomUUID(), email, name: null, isAdmin: false };
    const state = await purchaseReward(
      db,
      { sessionId: "s".repeat(40), userId: viewer.id, viewer },
      {
        itemId: five.id,
        requestId: randomUUID().replace(/-/g, ""),
        pointsCost: "1",
        price: "0",
        discount: "100",
        rewardValue: "99999",
      },
    );
    expect(state.status).toBe("ok");
    expect(await balanceOf(c.id)).toBe(10);
    const [reward] = await db
      .select()
      .from(rewards)
      .where(and(eq(rewards.customerId, c.id), eq(rewards.rewardType, "amount_off")));
    expect(reward.rewardValue).toBe(500);
  });

  it("the purchase action refuses a guest and writes nothing", async () => {
    const before = await count(rewards);
    const five = await item("five-off");
    const state = await purchaseReward(
      db,
      { sessionId: "g".repeat(40), userId: null, viewer: null },
      { itemId: five.id, requestId: "x".repeat(20) },
    );
    expect(state.status).toBe("unauthenticated");
    expect(await count(rewards)).toBe(before);
  });
});

describe("free shipping", () => {
  it("a flat fee below the threshold, free from it; nothing for an empty cart", () => {
    expect(shippingFor(0)).toBe(0);
    expect(shippingFor(FREE_SHIPPING_FROM_MINOR - 1)).toBe(SHIPPING_FEE_MINOR);
    expect(shippingFor(FREE_SHIPPING_FROM_MINOR)).toBe(0);
    const { totals } = priceLines([
      { productId: "p", slug: "x", name: "X", image: "", categorySlug: "c", priceMinor: 1450, quantity: 1 },
    ]);
    expect(totals).toMatchObject({
      subtotalMinor: 1450,
      shippingMinor: SHIPPING_FEE_MINOR,
      totalMinor: 1450 + SHIPPING_FEE_MINOR,
    });
    expect(withDiscount(totals, 200)).toMatchObject({
      discountMinor: 200,
      shippingMinor: SHIPPING_FEE_MINOR,
      totalMinor: 1250 + SHIPPING_FEE_MINOR,
    });
    expect(withDiscount(totals, 0, { waiveShipping: true })).toMatchObject({ shippingMinor: 0, totalMinor: 1450 });
  });

  async function cartWith(slug: string, quantity = 1) {
    const sessionId = `sess_${randomUUID().replace(/-/g, "")}`;
    const [p] = await db.select().from(products).where(eq(products.slug, slug));
    await addToCart(db, { sessionId, userId: null }, p.id, quantity);
    return { sessionId, price: p.priceMinor * quantity };
  }

  it("an order below the threshold pays the fee; a free-shipping reward removes it and is reserved", async () => {
    const plain = await cartWith("house-espresso");
    const order = await placeOrder(db, { sessionId: plain.sessionId, userId: null }, "ship@example.test");
    expect(order).toMatchObject({
      subtotalMinor: plain.price,
      shippingMinor: SHIPPING_FEE_MINOR,
      totalMinor: plain.price + SHIPPING_FEE_MINOR,
      rewardId: null,
    });

    const waived = await cartWith("house-espresso");
    const [reward] = await db
      .insert(rewards)
      .values({
        sessionRef: waived.sessionId,
        identityKeys: [`device:${waived.sessionId}`],
        label: "Free shipping",
        rewardType: "free_shipping",
        rewardValue: 0,
        scope: "next_order",
        expiresAt: new Date(Date.now() + 86_400_000),
      })
      .returning();
    const free = await placeOrder(db, { sessionId: waived.sessionId, userId: null }, "ship@example.test");
    expect(free).toMatchObject({
      subtotalMinor: waived.price,
      discountMinor: 0,
      shippingMinor: 0,
      totalMinor: waived.price,
      rewardId: reward.id,
      discountLabel: "Free shipping",
    });
    expect((await db.select().from(rewards).where(eq(rewards.id, reward.id)))[0]).toMatchObject({
      status: "reserved",
      orderRef: free.id,
    });
  });

  it("an order from the threshold ships free without using a free-shipping reward", async () => {
    const big = await cartWith("burr-grinder");
    await db.insert(rewards).values({
      sessionRef: big.sessionId,
      identityKeys: [`device:${big.sessionId}`],
      label: "Free shipping",
      rewardType: "free_shipping",
      rewardValue: 0,
      scope: "next_order",
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    const order = await placeOrder(db, { sessionId: big.sessionId, userId: null }, "ship@example.test");
    expect(order).toMatchObject({ shippingMinor: 0, totalMinor: big.price, rewardId: null });
  });
});

describe("bonus-points rewards", () => {
  it("are credited once, after the order they were used on is paid, however often it is called", async () => {
    const email = `bonus-${randomUUID().slice(0, 8)}@example.test`;
    const sessionId = `sess_${randomUUID().replace(/-/g, "")}`;
    const [p] = await db.select().from(products).where(eq(products.slug, "burr-grinder"));
    await addToCart(db, { sessionId, userId: null }, p.id, 1);
    const [reward] = await db
      .insert(rewards)
      .values({
        sessionRef: sessionId,
        identityKeys: [`device:${sessionId}`],
        label: "25 bonus stars",
        rewardType: "bonus_points",
        rewardValue: 25,
        scope: "next_order",
        expiresAt: new Date(Date.now() + 86_400_000),
      })
      .returning();
    const order = await placeOrder(db, { sessionId, userId: null }, email);
    expect(order).toMatchObject({ rewardId: reward.id, totalMinor: p.priceMinor });
    expect(await creditBonusRewards(db, order.id)).toBe(0); // not paid yet

    const paid = await applyStripeEvent(
      db,
      stripeEvent(
        "checkout.session.completed",
        checkoutSession({ ...order, paymentIntentId: null }),
      ) as unknown as Stripe.Event,
    );
    expect(paid).toMatchObject({ status: "applied", outcome: "fulfilled" });
    const results = [
      await creditBonusRewards(db, order.id),
      await creditBonusRewards(db, order.id),
      await creditBonusRewards(db, order.id),
    ];
    expect(results).toEqual([25, 0, 0]);
    const bonus = await db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.orderRef, order.id), eq(ledgerEntries.kind, "bonus")));
    expect(bonus.map((e) => e.delta)).toEqual([25]);
    const earned = await db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.orderRef, order.id), eq(ledgerEntries.kind, "earn")));
    expect(bonus[0].customerId).toBe(earned[0].customerId);
    expect((await db.select().from(orders).where(eq(orders.id, order.id)))[0].status).toBe("paid");
  });

  it("are credited by the engine when it processes the order.paid event, once", async () => {
    const email = `engine-bonus-${randomUUID().slice(0, 8)}@example.test`;
    const sessionId = `sess_${randomUUID().replace(/-/g, "")}`;
    const [p] = await db.select().from(products).where(eq(products.slug, "burr-grinder"));
    await addToCart(db, { sessionId, userId: null }, p.id, 1);
    await db.insert(rewards).values({
      sessionRef: sessionId,
      identityKeys: [`device:${sessionId}`],
      label: "40 bonus stars",
      rewardType: "bonus_points",
      rewardValue: 40,
      scope: "next_order",
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    const order = await placeOrder(db, { sessionId, userId: null }, email);
    await applyStripeEvent(
      db,
      stripeEvent(
        "checkout.session.completed",
        checkoutSession({ ...order, paymentIntentId: null }),
      ) as unknown as Stripe.Event,
    );
    const clock = { now: new Date(), timeZone: "Europe/Berlin" };
    await processPendingEvents(db, clock);
    await processPendingEvents(db, clock);
    const bonus = await db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.orderRef, order.id), eq(ledgerEntries.kind, "bonus")));
    expect(bonus.map((e) => e.delta)).toEqual([40]);
    expect(await creditBonusRewards(db, order.id)).toBe(0);
  });
});

describe("bonus-points rewards on a refunded order", () => {
  it("are clawed back in proportion: half on a half refund, the rest on the full refund, never twice", async () => {
    const email = `refund-bonus-${randomUUID().slice(0, 8)}@example.test`;
    const sessionId = `sess_${randomUUID().replace(/-/g, "")}`;
    const [p] = await db.select().from(products).where(eq(products.slug, "burr-grinder"));
    await addToCart(db, { sessionId, userId: null }, p.id, 1);
    const [reward] = await db
      .insert(rewards)
      .values({
        sessionRef: sessionId,
        identityKeys: [`device:${sessionId}`],
        label: "40 bonus stars",
        rewardType: "bonus_points",
        rewardValue: 40,
        scope: "next_order",
        expiresAt: new Date(Date.now() + 86_400_000),
      })
      .returning();
    const order = await placeOrder(db, { sessionId, userId: null }, email);
    const ref = { ...order, paymentIntentId: `pi_${randomUUID().replace(/-/g, "")}` };
    await applyStripeEvent(
      db,
      stripeEvent("checkout.session.completed", checkoutSession(ref)) as unknown as Stripe.Event,
    );
    const clock = { now: new Date(), timeZone: "Europe/Berlin" };
    await processPendingEvents(db, clock);
    // The credit and its clawbacks share the reward's source key as a prefix.
    const bonusEntries = async () =>
      (
        await db
          .select()
          .from(ledgerEntries)
          .where(like(ledgerEntries.sourceKey, `reward-bonus:${reward.id}%`))
          .orderBy(ledgerEntries.id)
      ).map((e) => e.delta);
    expect(await bonusEntries()).toEqual([40]);

    const refund = async (amountRefunded: number) => {
      await applyStripeEvent(
        db,
        stripeEvent("charge.refunded", charge(ref, amountRefunded)) as unknown as Stripe.Event,
      );
      await processPendingEvents(db, clock);
      await processPendingEvents(db, clock);
    };
    await refund(Math.floor(order.totalMinor / 2));
    expect(await bonusEntries()).toEqual([40, -20]);
    await refund(Math.floor(order.totalMinor / 2)); // the same cumulative amount again: nothing more
    expect(await bonusEntries()).toEqual([40, -20]);
    await refund(order.totalMinor);
    expect(await bonusEntries()).toEqual([40, -20, -20]);
  });
});

describe("tier progress", () => {
  const tiers = DEFAULT_SETTINGS.tiers; // Green 0, Gold $200, Platinum $500

  it("shows the current tier, the next one and how much more to spend", () => {
    expect(progressFor(tiers, 0, 365)).toMatchObject({
      current: { name: "green" },
      next: { name: "gold" },
      remainingMinor: 20_000,
      percent: 0,
    });
    expect(progressFor(tiers, 15_000, 365)).toMatchObject({
      current: { name: "green" },
      next: { name: "gold" },
      remainingMinor: 5_000,
      percent: 75,
    });
    expect(progressFor(tiers, 20_000, 365)).toMatchObject({
      current: { name: "gold" },
      next: { name: "platinum" },
      remainingMinor: 30_000,
      percent: 0,
    });
    expect(progressFor(tiers, 35_000, 365)).toMatchObject({
      current: { name: "gold" },
      remainingMinor: 15_000,
      percent: 50,
    });
    expect(progressFor(tiers, 80_000, 365)).toMatchObject({
      current: { name: "platinum" },
      next: null,
      remainingMinor: 0,
      percent: 100,
    });
  });

  it("counts net spend inside the trailing window only, with the configured thresholds", async () => {
    const email = `tier-${randomUUID().slice(0, 8)}@example.test`;
    const c = await ensureCustomer(db, { email });
    await db.execute(sql`
      INSERT INTO playcart_order_rewards (order_ref, customer_id, currency, amount_paid_minor, amount_refunded_minor, points_base, paid_at) VALUES
        (${`o1-${c.id}`}, ${c.id}, 'usd', 12000, 2000, 100, ${"2026-10-01T00:00:00Z"}),
        (${`o2-${c.id}`}, ${c.id}, 'usd', 9000, 0, 90, ${"2024-01-01T00:00:00Z"})`);
    const p = await tierProgress(db, { email, now: NOW });
    expect(p).toMatchObject({
      trailingSpendMinor: 10_000,
      current: { name: "green" },
      next: { name: "gold" },
      remainingMinor: 10_000,
      percent: 50,
      windowDays: 365,
    });
    await saveSettings(db, {
      tiers: [
        { name: "green", label: "Green", minSpendMinor: 0 },
        { name: "gold", label: "Gold", minSpendMinor: 8_000 },
      ],
    });
    try {
      expect(await tierProgress(db, { email, now: NOW })).toMatchObject({
        current: { name: "gold" },
        next: null,
        remainingMinor: 0,
      });
    } finally {
      await saveSettings(db, { tiers: DEFAULT_SETTINGS.tiers });
    }
  });
});

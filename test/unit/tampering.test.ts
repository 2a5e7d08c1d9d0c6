// Issue 3 acceptance, tampering: what the browser sends besides "which game" and a nonce is
// ignored; a replayed play is refused; another customer's reward is refused and nothing changes.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { mintOfferToken } from "playcart/internal/games/offer-token";
import { playFor } from "playcart/internal/next/play";
import { resolveConfig } from "playcart/internal/next/resolve-config";
import { createRuntime } from "playcart/internal/next/runtime";
import { campaigns, plays, prizes, rewards } from "playcart/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { orders, products } from "@/db/schema";
import { seed } from "@/db/seed";
import { playcartConfig } from "@/lib/playcart";
import { addToCart, CartError } from "@/lib/store/cart";
import { placeOrder } from "@/lib/store/orders";
import { SHIPPING_FEE_MINOR } from "@/lib/store/pricing";
import { checkoutInput } from "@/lib/store/validation";
import { createMemoryDb } from "../support/pglite";

let handle: Awaited<ReturnType<typeof createMemoryDb>>;
let db: Db;
let campaignId: string;
let jackpotId: string;

/** A play as the play route and the checkout's action make it, through the demo's Playcart config and adapter. */
let runtime: ReturnType<typeof createRuntime> | undefined;
function playFromRequest(database: Db, shopper: { sessionId: string; userId: string | null }, raw: unknown) {
  runtime ??= createRuntime(resolveConfig({ ...playcartConfig(), db: () => database }));
  // The store knows who is playing: a first-order game is judged on the email before it is played.
  const email = `${shopper.sessionId}@shoppers.test`;
  return playFor(runtime, { id: shopper.sessionId, email, userRef: shopper.userId, signedIn: false }, raw);
}

/** The token the checkout gives this browser with the game (a play must carry it). */
function offeredTo(sessionId: string) {
  runtime ??= createRuntime(resolveConfig({ ...playcartConfig(), db: () => db }));
  const holder = { id: sessionId, userRef: null };
  return mintOfferToken(runtime.cfg.offerSecret, { campaignId, placement: "checkout", holder, now: new Date() });
}

beforeAll(async () => {
  process.env.AUTH_SECRET ??= "unit-test-secret-unit-test-secret";
  handle = await createMemoryDb();
  db = handle.db;
  // The store's adapter reads the app's database handle: give it this one.
  (globalThis as { __playcartDb?: unknown }).__playcartDb = Promise.resolve({
    db,
    close: handle.close,
    kind: "pglite",
  });
  await seed(db);
  // A game that can only give "no prize": the jackpot has weight 0, so only a forged request could name it.
  const [c] = await db
    .insert(campaigns)
    .values({
      slug: "tamper",
      name: "Tamper",
      gameType: "spin_wheel",
      placement: "checkout_first_order",
      status: "live",
      allowance: { default: 50 },
      rewardScope: "this_order",
      holdoutPercent: 0,
    })
    .returning();
  campaignId = c.id;
  const rows = await db
    .insert(prizes)
    .values([
      {
        campaignId,
        position: 0,
        label: "Jackpot: 100% off",
        weight: 0,
        rewardType: "percent_off",
        rewardValue: 100,
        costMinor: 10_000,
      },
      { campaignId, position: 1, label: "Try again", weight: 1, rewardType: "none" },
    ])
    .returning();
  jackpotId = rows[0].id;
});
afterAll(async () => handle?.close());

const session = () => `s${randomUUID().replace(/-/g, "")}`;
const guest = (sessionId = session()) => ({ sessionId, userId: null, viewer: null });
const nonce = () => randomUUID().replace(/-/g, "");
const count = async (table: typeof plays | typeof rewards | typeof orders) =>
  (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n;

describe("a play request", () => {
  it("ignores a prize, amount, price or discount sent with it: the server's draw decides", async () => {
    const shopper = guest();
    const forged = {
      campaignId,
      requestId: nonce(),
      token: offeredTo(shopper.sessionId),
      prizeId: jackpotId,
      won: true,
      amount: 100_000,
      price: 1,
      discount: 100,
      segment: 0,
      label: "Jackpot: 100% off",
    };
    const outcome = await playFromRequest(db, shopper, forged);
    expect(outcome).toMatchObject({ status: "ok", won: false, label: "Try again", reward: null });
    const [jackpot] = await db.select().from(prizes).where(eq(prizes.id, jackpotId));
    expect(jackpot.wins).toBe(0);
    expect(await db.select().from(rewards).where(eq(rewards.campaignId, campaignId))).toHaveLength(0);
  });

  it("a replayed play (same nonce) is rejected and records nothing more", async () => {
    const shopper = guest();
    const request = { campaignId, requestId: nonce(), token: offeredTo(shopper.sessionId) };
    expect(await playFromRequest(db, shopper, request)).toMatchObject({ status: "ok" });
    const before = await count(plays);
    expect(await playFromRequest(db, shopper, request)).toMatchObject({ status: "error", code: "replayed" });
    const other = guest();
    expect(await playFromRequest(db, other, { ...request, token: offeredTo(other.sessionId) })).toMatchObject({
      status: "error",
      code: "replayed",
    });
    expect(await count(plays)).toBe(before);
  });

  it("a malformed request is refused before anything runs", async () => {
    const before = await count(plays);
    for (const bad of [
      {},
      { campaignId: "x", requestId: nonce() },
      { campaignId, requestId: "short" },
      "campaign",
      null,
    ]) {
      expect(await playFromRequest(db, guest(), bad)).toMatchObject({ status: "error", code: "invalid" });
    }
    expect(await count(plays)).toBe(before);
  });
});

describe("checkout", () => {
  async function cart(slug = "house-espresso") {
    const sessionId = session();
    const [p] = await db.select().from(products).where(eq(products.slug, slug));
    await addToCart(db, { sessionId, userId: null }, p.id, 1);
    return { sessionId, price: p.priceMinor };
  }

  it("takes only the email from the form: prices, totals and discounts sent along are dropped", async () => {
    const input = checkoutInput.parse({
      email: "t@example.test",
      price: "1",
      totalMinor: "1",
      discount: "100",
      shippingMinor: "0",
      rewardId: randomUUID(),
    });
    expect(input).toEqual({ email: "t@example.test" });
    const { sessionId, price } = await cart();
    const order = await placeOrder(db, { sessionId, userId: null }, input.email);
    expect(order).toMatchObject({
      subtotalMinor: price,
      discountMinor: 0,
      shippingMinor: SHIPPING_FEE_MINOR,
      totalMinor: price + SHIPPING_FEE_MINOR,
    });
  });

  it("another customer's reward id is refused, and nothing changes", async () => {
    const alice = await cart();
    const [theirs] = await db
      .insert(rewards)
      .values({
        sessionRef: alice.sessionId,
        identityKeys: [`device:${alice.sessionId}`, "email:alice@example.test"],
        label: "$5 off",
        rewardType: "amount_off",
        rewardValue: 500,
        scope: "next_order",
        expiresAt: new Date(Date.now() + 86_400_000),
      })
      .returning();
    const mallory = await cart();
    const ordersBefore = await count(orders);
    await expect(
      placeOrder(db, { sessionId: mallory.sessionId, userId: null }, "alice@example.test", { rewardId: theirs.id }),
    ).rejects.toBeInstanceOf(CartError);
    expect(await count(orders)).toBe(ordersBefore);
    const [after] = await db.select().from(rewards).where(eq(rewards.id, theirs.id));
    expect(after).toMatchObject({ status: "issued", orderRef: null });
    // Without naming it, Mallory's order does not pick it up either.
    const order = await placeOrder(db, { sessionId: mallory.sessionId, userId: null }, "alice@example.test");
    expect(order).toMatchObject({ rewardId: null, discountMinor: 0 });
  });
});

// Every reward a shopper holds, and the reward they choose at checkout, on a real Postgres:
// the rewards panel (playcart.rewardsPanel and GET <basePath>/panel) for a guest and a member,
// and priceOrder honouring a chosen reward only when it is the shopper's own and applies.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { ensureCustomer, identityKeys, postEntry, saveRule } from "playcart";
import { type Cart, createPlaycart, type Playcart, type Shopper } from "playcart/next";
import { campaigns, catalogItems, orderFacts, rewards } from "playcart/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../support/pg";

// A pinned clock: every expiry below is relative to it, never to today.
const NOW = new Date("2031-05-14T10:00:00Z");
const DAY = 86_400_000;
const BASE = "https://shop.example.test/api/playcart";
const MEMBER = "Member.Person@example.test";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let playcart: Playcart;
let wheelId: string;

// A browser is its x-test-shopper header; x-test-member signs it in as MEMBER.
function shopperOf(request: Request | null): Shopper | null {
  const id = request?.headers.get("x-test-shopper");
  if (!id) return null;
  const member = request?.headers.get("x-test-member") === "1";
  return { id, email: member ? MEMBER : null, userRef: member ? "user-1" : null, signedIn: member };
}

const coffeeCart = (ref: string): Cart => ({
  ref,
  email: null,
  shippingMinor: 0,
  lines: [{ productRef: "beans", name: "Beans", category: "coffee", unitPriceMinor: 3_000, quantity: 1 }],
});

type RewardSeed = Partial<typeof rewards.$inferInsert> & { label: string };
async function issue(seed: RewardSeed): Promise<string> {
  const [row] = await t.db
    .insert(rewards)
    .values({
      identityKeys: [],
      rewardType: "amount_off",
      rewardValue: 100,
      scope: "next_order",
      expiresAt: new Date(NOW.getTime() + 7 * DAY),
      ...seed,
    })
    .returning({ id: rewards.id });
  return row.id;
}

const request = (path: string, headers: Record<string, string>, init: RequestInit = {}) =>
  new Request(`${BASE}/${path}`, { ...init, headers });

beforeAll(async () => {
  t = await createTestDatabase();
  playcart = createPlaycart({
    db: t.db,
    secret: "a-host-secret-0123456789",
    // Links are at the store's public origin, whatever host a request names.
    publicOrigin: "https://shop.example.test",
    timeZone: "Europe/Berlin",
    currency: "usd",
    now: () => NOW,
    adapter: {
      shopper: ({ request }) => shopperOf(request),
      cart: (s) => coffeeCart(`cart-${s.id}`),
      order: () => null,
    },
  });
  const [wheel] = await t.db
    .insert(campaigns)
    .values({
      slug: "held-wheel",
      name: "Spin to win up to 10% off",
      gameType: "spin_wheel",
      placement: "checkout_first_order",
      status: "live",
      rewardScope: "this_order",
    })
    .returning({ id: campaigns.id });
  wheelId = wheel.id;
  await t.db.insert(catalogItems).values([
    { slug: "croissant", name: "A free croissant", pointsCost: 20, rewardType: "amount_off", rewardValue: 300 },
    { slug: "five-off", name: "$5 off", pointsCost: 400, rewardType: "amount_off", rewardValue: 500 },
  ]);
  await saveRule(t.db, {
    slug: "big-basket",
    name: "Big basket bonus",
    trigger: "order.paid",
    outcomes: [{ type: "grant_points", points: 25 }],
    status: "live",
  });
});
afterAll(() => t?.drop());

describe("the rewards a shopper holds (the panel)", () => {
  it("shows a guest the prizes this browser won, with expiry and where each applies, and nothing of anyone else's", async () => {
    const guest = `guest-${randomUUID()}`;
    const other = `guest-${randomUUID()}`;
    await issue({
      label: "10% off",
      rewardType: "percent_off",
      rewardValue: 10,
      maxDiscountMinor: 2_000,
      scope: "this_order",
      sessionRef: guest,
      identityKeys: identityKeys({ deviceId: guest }),
      campaignId: wheelId,
      expiresAt: new Date(NOW.getTime() + DAY),
    });
    await issue({
      label: "Tea treat",
      categoryRef: "tea",
      identityKeys: identityKeys({ deviceId: guest }),
    });
    await issue({ label: "Expired", identityKeys: identityKeys({ deviceId: guest }), expiresAt: NOW });
    await issue({ label: "Used", identityKeys: identityKeys({ deviceId: guest }), status: "redeemed" });
    await issue({ label: "Not yours", sessionRef: other, identityKeys: identityKeys({ deviceId: other }) });

    const res = await playcart.handlers.GET(request("panel", { "x-test-shopper": guest }));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("no-store");
    const panel = await res.json();
    expect(panel.member).toBe(false);
    expect(panel.points).toBeNull();
    expect(panel.referral).toBeNull();
    // Soonest expiry first.
    expect(panel.rewards).toEqual([
      expect.objectContaining({
        label: "10% off",
        value: "10% off (up to $20.00)",
        where: "This order",
        source: "Spin the wheel",
        expires: "Expires May 15, 2031",
        status: "issued",
      }),
      expect.objectContaining({ label: "Tea treat", value: "$1.00 off", where: "Your next order, tea only" }),
    ]);
    expect(panel.waysToEarn).toEqual([
      "1 point for every $1.00 you spend",
      "Gold members earn 1.25x points",
      "Platinum members earn 1.5x points",
      "Big basket bonus: 25 points",
    ]);
    // The first reward a guest can aim for.
    expect(panel.nextReward).toMatchObject({ name: "A free croissant", pointsNeeded: 20 });
  });

  it("hides a this-order prize from another browser of the same account (it could not use it there)", async () => {
    const phone = `phone-${randomUUID()}`;
    const laptop = `laptop-${randomUUID()}`;
    await issue({
      label: "Phone-only prize",
      scope: "this_order",
      sessionRef: phone,
      identityKeys: identityKeys({ userRef: "user-2", deviceId: phone }),
    });
    const held = async (id: string) =>
      (await playcart.rewardsPanel({ request: request("panel", { "x-test-shopper": id }) })).rewards.map(
        (r) => r.label,
      );
    expect(await held(phone)).toContain("Phone-only prize");
    expect(await held(laptop)).not.toContain("Phone-only prize");
  });

  it("shows a member every reward held by account, email and browser, their points, what they buy and a referral link", async () => {
    const browser = `member-${randomUUID()}`;
    const customer = await ensureCustomer(t.db, { email: MEMBER, userRef: "user-1" });
    await postEntry(t.db, {
      customerId: customer.id,
      delta: 340,
      kind: "adjust",
      reason: "test",
      sourceKey: `t:${browser}`,
    });
    // A rule's reward knows the email (normalised), a catalog reward the account too.
    await issue({
      label: "Birthday $5 off",
      rewardValue: 500,
      customerId: customer.id,
      identityKeys: identityKeys({ email: MEMBER }),
    });
    await issue({
      label: "A free croissant",
      customerId: customer.id,
      sourceKey: `catalog:${customer.id}:r1`,
      identityKeys: identityKeys({ email: MEMBER, userRef: "user-1" }),
      expiresAt: new Date(NOW.getTime() + 30 * DAY),
    });
    const panel = await playcart.rewardsPanel({
      request: request("panel", { "x-test-shopper": browser, "x-test-member": "1" }),
    });
    expect(panel.member).toBe(true);
    expect(panel.points).toMatchObject({ balance: 340, pending: 0, held: 0 });
    expect(panel.rewards.map((r) => [r.label, r.source])).toEqual([
      ["Birthday $5 off", null],
      ["A free croissant", "Bought with points"],
    ]);
    expect(panel.enoughFor).toBe("You have enough for A free croissant");
    expect(panel.nextReward).toMatchObject({ text: "60 points to $5 off", pointsNeeded: 60 });
    expect(panel.referral?.url).toMatch(/^https:\/\/shop\.example\.test\/api\/playcart\/r\/[a-z0-9]{8}$/);
    expect(panel.tier).toMatchObject({ label: "Green", next: "Gold", text: "Spend $200.00 more to reach Gold" });
  });

  it("answers only this store's own pages, and only GET", async () => {
    const id = `guest-${randomUUID()}`;
    expect(
      (await playcart.handlers.GET(request("panel", { "x-test-shopper": id, "sec-fetch-site": "cross-site" }))).status,
    ).toBe(403);
    expect((await playcart.handlers.POST(request("panel", { "x-test-shopper": id }, { method: "POST" }))).status).toBe(
      405,
    );
    expect((await playcart.handlers.GET(request("panel/extra", { "x-test-shopper": id }))).status).toBe(404);
  });
});

describe("choosing the reward at checkout", () => {
  async function twoRewards(browser: string) {
    const keys = identityKeys({ deviceId: browser });
    const small = await issue({ label: "$1 off", rewardValue: 100, identityKeys: keys, sessionRef: browser });
    const big = await issue({ label: "$4 off", rewardValue: 400, identityKeys: keys, sessionRef: browser });
    const teaOnly = await issue({ label: "Tea $2 off", rewardValue: 200, categoryRef: "tea", identityKeys: keys });
    return { small, big, teaOnly };
  }
  const guest = (id: string): Shopper => ({ id, email: null, userRef: null, signedIn: false });
  const statusOf = async (id: string) =>
    (
      await t.db.select({ status: rewards.status, orderRef: rewards.orderRef }).from(rewards).where(eq(rewards.id, id))
    )[0];

  it("lists the rewards that apply, best first, with what each saves", async () => {
    const browser = `chooser-${randomUUID()}`;
    const { small, big } = await twoRewards(browser);
    const view = await playcart.checkout({ request: request("checkout", { "x-test-shopper": browser }) });
    expect(view.rewardOptions.map((o) => [o.id, o.discountMinor])).toEqual([
      [big, 400],
      [small, 100],
    ]);
    expect(view.reward?.id).toBe(big);
    expect(view.offMinor).toBe(400);
  });

  it("charges the chosen reward, from the argument or the posted form", async () => {
    const browser = `chooser-${randomUUID()}`;
    const { small, big } = await twoRewards(browser);
    const orderRef = randomUUID();
    const price = (extra: { rewardId?: string; form?: FormData }) =>
      playcart.priceOrder({
        orderRef,
        shopper: guest(browser),
        cart: coffeeCart(`cart-${browser}`),
        email: "g@example.test",
        ...extra,
      });
    // Without a choice, the best; placing the same order again re-decides from scratch.
    expect(await price({})).toMatchObject({ rewardId: big, discountMinor: 400 });
    const form = new FormData();
    form.set("playcart_reward", small);
    expect(await price({ form })).toMatchObject({ rewardId: small, discountMinor: 100, label: "$1 off" });
    expect(await statusOf(small)).toEqual({ status: "reserved", orderRef });
    expect(await statusOf(big)).toEqual({ status: "issued", orderRef: null });
    expect(await price({ rewardId: big })).toMatchObject({ rewardId: big, discountMinor: 400 });
    expect(await statusOf(small)).toEqual({ status: "issued", orderRef: null });
  });

  it("refuses another shopper's reward, one that does not apply, and a forged id, changing nothing", async () => {
    const browser = `chooser-${randomUUID()}`;
    const mine = await twoRewards(browser);
    const theirs = await twoRewards(`someone-${randomUUID()}`);
    const orderRef = randomUUID();
    const attempt = (rewardId: string) =>
      playcart.priceOrder({
        orderRef,
        shopper: guest(browser),
        cart: coffeeCart(`cart-${browser}`),
        email: "g@example.test",
        rewardId,
      });
    for (const rewardId of [theirs.big, mine.teaOnly, randomUUID()]) {
      await expect(attempt(rewardId)).rejects.toThrow("That reward is not available to you for this order.");
    }
    const notAnId = new FormData();
    notAnId.set("playcart_reward", "'; DROP TABLE playcart_rewards; --");
    await expect(
      playcart.priceOrder({
        orderRef,
        shopper: guest(browser),
        cart: coffeeCart(`cart-${browser}`),
        email: "g@example.test",
        form: notAnId,
      }),
    ).rejects.toThrow("not available");
    for (const id of [...Object.values(mine), ...Object.values(theirs)]) {
      expect(await statusOf(id)).toEqual({ status: "issued", orderRef: null });
    }
    // The whole placement rolled back: not even the order's facts were recorded.
    expect(await t.db.select().from(orderFacts).where(eq(orderFacts.orderRef, orderRef))).toEqual([]);
  });
});

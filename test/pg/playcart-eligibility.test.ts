// playcart/next on a real Postgres: a first-order game is judged on who is playing before it is
// played (the email step: POST <base>/identify), and a reward shown at checkout is honoured or
// explained: priceOrder never changes the price silently.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { type Cart, createPlaycart, type Playcart, RewardChangedError, type Shopper } from "playcart/next";
import { campaigns, contacts, playAllowances, plays, prizes, rewards } from "playcart/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newEmail, paidOrder } from "../support/engage-fixtures";
import { createTestDatabase } from "../support/pg";

const BASE = "https://shop.example.test/api/playcart";
// A Wednesday morning in Berlin: no weekly window matters here, the clock is only pinned.
const NOW = new Date("2026-11-18T10:00:00.000Z");

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let playcart: Playcart;
let wheel: { id: string; name: string };
let tree: { id: string; name: string };

/** Each browser's cart: a $30 mug; the shopper is the x-test-shopper header. */
const cartOf = (id: string): Cart => ({
  ref: `cart-${id}`,
  email: null,
  shippingMinor: 0,
  lines: [{ productRef: "mug", name: "Mug", category: "mugs", unitPriceMinor: 3000, quantity: 1 }],
});
const guest = (id: string): Shopper => ({ id, email: null, userRef: null, signedIn: false });

async function campaign(
  values: Partial<typeof campaigns.$inferInsert>,
  prize: Pick<typeof prizes.$inferInsert, "label" | "rewardType" | "rewardValue">,
) {
  const tag = randomUUID().slice(0, 8);
  const [c] = await t.db
    .insert(campaigns)
    .values({
      slug: `c-${tag}`,
      name: `Game ${tag}`,
      gameType: "spin_wheel",
      placement: "checkout_first_order",
      status: "live",
      rewardScope: "this_order",
      holdoutPercent: 0,
      allowance: { default: 1 },
      ...values,
    })
    .returning();
  await t.db.insert(prizes).values({ campaignId: c.id, position: 0, weight: 1, ...prize });
  return { id: c.id, name: c.name };
}

beforeAll(async () => {
  t = await createTestDatabase();
  playcart = createPlaycart({
    db: t.db,
    secret: "a-host-secret-0123456789",
    timeZone: "Europe/Berlin",
    currency: "usd",
    basePath: "/api/playcart",
    now: () => NOW,
    adapter: {
      shopper: ({ request }) => {
        const id = request?.headers.get("x-test-shopper");
        return id ? guest(id) : null;
      },
      cart: ({ id }) => (id ? cartOf(id) : null),
      order: () => null,
    },
  });
  wheel = await campaign(
    { name: "First-order wheel", audience: { "==": [{ var: "customer.firstPurchase" }, true] }, lifetimeLimit: 1 },
    { label: "10% off", rewardType: "percent_off", rewardValue: 10 },
  );
  tree = await campaign(
    {
      name: "The returning shoppers' tree",
      gameType: "shake_tree",
      placement: "checkout_returning",
      audience: { ">=": [{ var: "customer.paidOrders" }, 1] },
      rewardScope: "next_order",
    },
    { label: "$5 off your next order", rewardType: "amount_off", rewardValue: 500 },
  );
});
afterAll(() => t?.drop());

const json = { "content-type": "application/json" };
const post = (path: string, browser: string, body: unknown, cookie?: string) =>
  playcart.handlers.POST(
    new Request(`${BASE}${path}`, {
      method: "POST",
      headers: { ...json, "x-test-shopper": browser, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    }),
  );
const identify = async (browser: string, email: string, consent?: boolean) => {
  const res = await post("/identify", browser, { email, consent });
  // The remembered email, as the browser sends it back.
  const cookie = res.headers.get("set-cookie")?.split(";")[0] ?? null;
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, cookie };
};
/** A press of Play, with the offer token the checkout shows this browser now (or one it was shown before). */
const spin = async (browser: string, campaignId: string, cookie?: string | null, token?: string) => {
  const offer = token ? null : (await checkoutOf(browser, cookie)).offer;
  const body = {
    campaignId,
    requestId: randomUUID().replace(/-/g, ""),
    token: token ?? (offer?.campaignId === campaignId ? offer.token : undefined),
  };
  return (await (await post("/play", browser, body, cookie ?? undefined)).json()) as Record<string, unknown>;
};
const checkoutOf = (browser: string, cookie?: string | null) =>
  playcart.checkout({
    request: new Request("https://shop.example.test/checkout", {
      headers: { "x-test-shopper": browser, ...(cookie ? { cookie } : {}) },
    }),
  });
const written = async (browser: string) => {
  const [row] = await t.db
    .select({
      plays: sql<number>`(select count(*)::int from ${plays} where ${plays.sessionRef} = ${browser})`,
      allowances: sql<number>`(select count(*)::int from ${playAllowances} where ${playAllowances.identityKey} = ${`device:${browser}`})`,
      rewards: sql<number>`(select count(*)::int from ${rewards} where ${rewards.sessionRef} = ${browser})`,
    })
    .from(sql`(select 1) as one`);
  return row;
};
const returningCustomer = async () => {
  const email = newEmail("returning");
  await paidOrder(t.db, { email, amountMinor: 2_500, paidAt: new Date(NOW.getTime() - 86_400_000) });
  return email;
};

describe("a first-order game knows who is playing before it is played", () => {
  it("asks an unknown shopper for the email first, and refuses a play without one, writing nothing", async () => {
    const browser = `b-${randomUUID()}`;
    const view = await checkoutOf(browser);
    expect(view.offer?.campaignId).toBe(wheel.id);
    expect(view.emailFirst).toBe(true);
    expect(view.ui.identifyEndpoint).toBe("/api/playcart/identify");
    expect(await spin(browser, wheel.id)).toMatchObject({ status: "error", code: "email_needed" });
    expect(await written(browser)).toEqual({ plays: 0, allowances: 0, rewards: 0 });
  });

  it("tells a returning customer in a new browser so, offers the returning game, and refuses the wheel before any play is written", async () => {
    const email = await returningCustomer();
    const browser = `b-${randomUUID()}`;
    // Before the email step the browser was shown the wheel, and holds its offer token.
    const before = await checkoutOf(browser);
    expect(before.offer?.campaignId).toBe(wheel.id);
    const answer = await identify(browser, email.toUpperCase());
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: "ok", firstOrder: false });
    expect(answer.body.message).toContain(`${email.toUpperCase()} has ordered here before`);
    expect(answer.body.message).toContain(tree.name);
    expect(answer.cookie).toMatch(/^pc_email=/);

    const view = await checkoutOf(browser, answer.cookie);
    expect(view.email).toBe(email.toUpperCase());
    expect(view.emailFirst).toBe(false);
    expect(view.offer?.campaignId).toBe(tree.id);

    expect(await spin(browser, wheel.id, answer.cookie, before.offer!.token)).toMatchObject({
      status: "error",
      code: "not_eligible",
    });
    expect(await written(browser)).toEqual({ plays: 0, allowances: 0, rewards: 0 });
  });

  it("lets a new person play the wheel, prefills the checkout and records the contact's consent with its wording", async () => {
    const email = newEmail("new");
    const browser = `b-${randomUUID()}`;
    const answer = await identify(browser, email, true);
    expect(answer.body).toEqual({ status: "ok", firstOrder: true, message: null });
    const [contact] = await t.db.select().from(contacts).where(eq(contacts.email, email));
    expect(contact.consentWording).toBe("Email me reminders about my cart and offers. I can unsubscribe at any time.");

    const view = await checkoutOf(browser, answer.cookie);
    expect(view).toMatchObject({ email, emailFirst: false, offer: { campaignId: wheel.id } });
    expect(await spin(browser, wheel.id, answer.cookie)).toMatchObject({ status: "ok", won: true });
    const after = await checkoutOf(browser, answer.cookie);
    expect(after.reward?.label).toBe("10% off");
    expect(after.offMinor).toBe(300);
    const priced = await playcart.priceOrder({
      orderRef: randomUUID(),
      shopper: guest(browser),
      cart: cartOf(browser),
      email,
      shownRewardId: after.reward!.id,
    });
    expect(priced).toMatchObject({ offMinor: 300, rewardId: after.reward!.id });
  });

  it("changes nothing for a bad email, and reads another browser's or an edited cookie as nothing", async () => {
    const browser = `b-${randomUUID()}`;
    for (const bad of ["not-an-email", "", `${"a".repeat(250)}@x.test`, 42]) {
      const res = await post("/identify", browser, { email: bad, consent: true });
      expect(res.status).toBe(400);
      expect(res.headers.get("set-cookie")).toBeNull();
      expect(await res.json()).toMatchObject({ status: "error", code: "invalid" });
    }
    expect(await t.db.select().from(contacts).where(eq(contacts.email, "not-an-email"))).toHaveLength(0);
    const crossSite = await playcart.handlers.POST(
      new Request(`${BASE}/identify`, {
        method: "POST",
        headers: { ...json, "x-test-shopper": browser, "sec-fetch-site": "cross-site" },
        body: JSON.stringify({ email: newEmail() }),
      }),
    );
    expect(crossSite.status).toBe(403);

    const { cookie } = await identify(browser, newEmail("mine"));
    expect((await checkoutOf(`other-${browser}`, cookie)).emailFirst).toBe(true);
    const [name, value] = cookie!.split("=");
    const forged = `${name}=${Buffer.from("someone@example.test").toString("base64url")}.${value.split(".")[1]}`;
    expect((await checkoutOf(browser, forged)).email).toBeNull();
  });
});

describe("a reward shown at checkout is honoured or explained before payment", () => {
  async function winner() {
    const browser = `b-${randomUUID()}`;
    const email = newEmail("winner");
    const { cookie } = await identify(browser, email);
    expect(await spin(browser, wheel.id, cookie)).toMatchObject({ status: "ok", won: true });
    const view = await checkoutOf(browser, cookie);
    return { browser, email, shown: view.reward!.id };
  }

  it("refuses an order whose email is a returning customer's, says why and the total, and places nothing", async () => {
    const { browser, shown } = await winner();
    const returning = await returningCustomer();
    const orderRef = randomUUID();
    const attempt = playcart.priceOrder({
      orderRef,
      shopper: guest(browser),
      cart: cartOf(browser),
      email: returning,
      shownRewardId: shown,
    });
    await expect(attempt).rejects.toBeInstanceOf(RewardChangedError);
    const err = (await attempt.catch((e) => e)) as RewardChangedError;
    expect(err.message).toBe(
      `Your “10% off” does not apply to this order: ${returning} has ordered here before. Your total is $30.00.`,
    );
    expect(err.change).toMatchObject({ shown: { id: shown }, applied: null, totalMinor: 3000 });
    // Nothing reserved or written for that order: the reward waits for the shopper's choice.
    const [reward] = await t.db.select().from(rewards).where(eq(rewards.id, shown));
    expect(reward).toMatchObject({ status: "issued", orderRef: null });
    expect(await t.db.select().from(rewards).where(eq(rewards.orderRef, orderRef))).toHaveLength(0);

    // Shown the new price (no reward), the shopper continues: the order is priced at it.
    const accepted = await playcart.priceOrder({
      orderRef,
      shopper: guest(browser),
      cart: cartOf(browser),
      email: returning,
      shownRewardId: null,
    });
    expect(accepted).toMatchObject({ offMinor: 0, rewardId: null });
  });

  it("explains a reward that expired or no longer fits the cart, and one that applies when none was shown", async () => {
    const expired = await winner();
    await t.db
      .update(rewards)
      .set({ expiresAt: new Date(NOW.getTime() - 1) })
      .where(eq(rewards.id, expired.shown));
    await expect(
      playcart.priceOrder({
        orderRef: randomUUID(),
        shopper: guest(expired.browser),
        cart: cartOf(expired.browser),
        email: expired.email,
        shownRewardId: expired.shown,
      }),
    ).rejects.toThrow(/“10% off” does not apply to this order: it has expired\. Your total is \$30\.00\./);

    const fresh = await winner();
    const emptied = { ...cartOf(fresh.browser), lines: [] };
    await expect(
      playcart.priceOrder({
        orderRef: randomUUID(),
        shopper: guest(fresh.browser),
        cart: emptied,
        email: fresh.email,
        shownRewardId: fresh.shown,
      }),
    ).rejects.toThrow(/it does not apply to what is in your cart now/);
    await expect(
      playcart.priceOrder({
        orderRef: randomUUID(),
        shopper: guest(fresh.browser),
        cart: cartOf(fresh.browser),
        email: fresh.email,
        shownRewardId: null,
      }),
    ).rejects.toThrow("“10% off” applies to this order. Your total is $27.00.");
    // Without the shown reward (a host that does not say), the order simply gets what applies.
    const priced = await playcart.priceOrder({
      orderRef: randomUUID(),
      shopper: guest(fresh.browser),
      cart: cartOf(fresh.browser),
      email: fresh.email,
    });
    expect(priced.offMinor).toBe(300);
    const [held] = await t.db
      .select()
      .from(rewards)
      .where(and(eq(rewards.id, fresh.shown), eq(rewards.status, "reserved")));
    expect(held).toBeTruthy();
  });

  it("reads the shown reward from the checkout form's field", async () => {
    const { browser, shown } = await winner();
    const form = new FormData();
    form.set("playcart_shown_reward", shown);
    const returning = await returningCustomer();
    await expect(
      playcart.priceOrder({
        orderRef: randomUUID(),
        shopper: guest(browser),
        cart: cartOf(browser),
        email: returning,
        form,
      }),
    ).rejects.toThrow(`${returning} has ordered here before`);
  });
});

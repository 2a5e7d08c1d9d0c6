// The owner's session, replayed: a Saturday scratch card with a limit of 2 and an everyday
// "Shake the tree". A shopper scratches both cards, the page refreshes and reloads, and pays
// twice that Saturday; another shopper shakes the tree on Monday and pays; the first comes
// back on Monday, is shown the tree, and pays again. Every KPI per campaign is checked
// against figures worked out by hand below, and the chart's days add up to the tiles.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { kpiReport } from "playcart/internal/insights/kpis";
import { type Cart, createPlaycart, type Playcart } from "playcart/next";
import { campaigns, events, prizes } from "playcart/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../support/pg";

const TZ = "Europe/Berlin";
const BASE = "https://shop.example.test/api/playcart";
const SATURDAY = new Date("2026-06-13T08:00:00Z"); // 10:00 in Berlin, inside 09:00-15:00
const MONDAY = new Date("2026-06-15T08:00:00Z");
const MINUTE = 60_000;
const at = (day: Date, minutes: number) => new Date(day.getTime() + minutes * MINUTE);

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let playcart: Playcart;
let clock = SATURDAY;
let scratch: string;
let tree: string;
// Each shopper's current cart: a paid order starts a new one, as in a store.
const carts = new Map<string, number>();
const cartOf = (shopper: string): Cart => ({
  ref: `${shopper}-cart-${carts.get(shopper) ?? 1}`,
  email: `${shopper}@example.test`,
  shippingMinor: 0,
  lines: [{ productRef: "beans", name: "Beans", category: "coffee", unitPriceMinor: 1_800, quantity: 1 }],
});

async function campaign(values: Partial<typeof campaigns.$inferInsert>, prize: { label: string; costMinor: number }) {
  const [c] = await t.db
    .insert(campaigns)
    .values({
      slug: `c-${randomUUID()}`,
      name: "A campaign",
      gameType: "scratch_card",
      placement: "checkout_returning",
      status: "live",
      rewardScope: "next_order",
      holdoutPercent: 0,
      allowance: { default: 1 },
      ...values,
    })
    .returning();
  // One prize of weight 1: every play wins it, so wins and reward cost are known in advance.
  await t.db.insert(prizes).values({
    campaignId: c.id,
    position: 0,
    label: prize.label,
    weight: 1,
    rewardType: "amount_off",
    rewardValue: 200,
    costMinor: prize.costMinor,
  });
  return c.id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  playcart = createPlaycart({
    db: t.db,
    secret: "a-host-secret-for-attribution-0123456789",
    timeZone: TZ,
    currency: "usd",
    now: () => clock,
    adapter: {
      shopper: ({ request }) => request?.headers.get("x-test-shopper") ?? null,
      cart: (s) => cartOf(s.id!),
      order: () => null,
    },
  });
  scratch = await campaign(
    {
      name: "Saturday scratch",
      windows: [{ weekday: 6, start: "09:00", end: "15:00" }],
      allowance: { default: 2 },
    },
    { label: "$2 off", costMinor: 200 },
  );
  tree = await campaign(
    { name: "Shake the tree", gameType: "shake_tree", allowance: { default: 3 } },
    { label: "$2 off", costMinor: 150 },
  );
});
afterAll(() => t?.drop());

const checkout = (shopper: string) =>
  playcart.checkout({
    request: new Request("https://shop.example.test/checkout", { headers: { "x-test-shopper": shopper } }),
  });

async function playAs(shopper: string, campaignId: string, token: string | undefined) {
  const res = await playcart.handlers.POST(
    new Request(`${BASE}/play`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-test-shopper": shopper },
      body: JSON.stringify({ campaignId, requestId: randomUUID().replace(/-/g, ""), token }),
    }),
  );
  return (await res.json()) as { status: string; playsLeft?: number; code?: string };
}

/** The shopper pays for their current cart at the clock's time; their next cart is a new one. */
async function pay(shopper: string, totalMinor: number) {
  const ref = `order-${randomUUID()}`;
  await playcart.orderPaid({
    orderRef: ref,
    order: {
      ref,
      email: `${shopper}@example.test`,
      sessionRef: shopper,
      paidAt: clock,
      totalMinor,
      currency: "usd",
    },
  });
  carts.set(shopper, (carts.get(shopper) ?? 1) + 1);
}

const offersOf = async (campaignId: string) =>
  (
    await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(events)
      .where(and(eq(events.type, "game.offered"), eq(events.campaignId, campaignId)))
  )[0].n;

const range = (campaignId?: string) => ({
  from: new Date("2026-06-12T22:00:00Z"), // Saturday 00:00 in Berlin
  to: new Date("2026-06-15T22:00:00Z"), // Tuesday 00:00 in Berlin
  timeZone: TZ,
  campaignId: campaignId ?? null,
});

describe("the owner's session: one game per checkout, orders credited to the game seen", () => {
  const ann = `ann-${randomUUID()}`;
  const ben = `ben-${randomUUID()}`;

  it("Saturday: the scratch card is played out and keeps the checkout; the tree is neither shown nor logged", async () => {
    clock = SATURDAY;
    const first = await checkout(ann);
    expect(first.offer).toMatchObject({ campaignId: scratch, playsLeft: 2 });
    for (const left of [1, 0]) {
      clock = at(SATURDAY, 2 - left);
      expect(await playAs(ann, scratch, first.offer!.token)).toMatchObject({ status: "ok", playsLeft: left });
      // The launcher refreshes the page after every play: the refresh shows the same game or none.
      const refreshed = await checkout(ann);
      if (left > 0) expect(refreshed.offer).toMatchObject({ campaignId: scratch, playsLeft: left });
      else expect(refreshed.offer).toBeNull();
    }
    clock = at(SATURDAY, 5);
    expect((await checkout(ann)).offer, "a reload offers no other game").toBeNull();
    expect(await offersOf(tree)).toBe(0);
    expect(await offersOf(scratch)).toBe(1);

    clock = at(SATURDAY, 10);
    await pay(ann, 2_095);
    // A new cart the same Saturday: the card's window still holds the checkout, so no tree.
    clock = at(SATURDAY, 20);
    expect((await checkout(ann)).offer).toBeNull();
    clock = at(SATURDAY, 25);
    await pay(ann, 1_510);
    expect(await offersOf(tree)).toBe(0);
  });

  it("Monday: the card's window is closed, so the tree is shown and played by another shopper", async () => {
    clock = MONDAY;
    const view = await checkout(ben);
    expect(view.offer).toMatchObject({ campaignId: tree, playsLeft: 3 });
    clock = at(MONDAY, 1);
    expect(await playAs(ben, tree, view.offer!.token)).toMatchObject({ status: "ok", playsLeft: 2 });
    clock = at(MONDAY, 5);
    await pay(ben, 3_000);
    // Ann comes back: shown the tree (her third cart), she pays without playing.
    clock = at(MONDAY, 30);
    expect((await checkout(ann)).offer).toMatchObject({ campaignId: tree });
    clock = at(MONDAY, 40);
    await pay(ann, 1_200);
  });

  it("every KPI per campaign equals the hand-computed figures", async () => {
    // Saturday scratch: ann's first cart showed it; 2 plays, both won ($2.00 each); her two
    // Saturday orders ($20.95 + $15.10) follow it, with no other game shown in between.
    const s = await kpiReport(t.db, range(scratch));
    expect(s.funnel).toEqual({
      views: 1,
      offers: 1,
      plays: 2,
      wins: 2,
      redemptions: 0,
      orders: 2,
      revenueMinor: 3_605,
    });
    expect(s.rewardCostMinor).toBe(400);
    expect(s.revenuePerCheckoutMinor).toBe(3_605);
    expect(s.participationRate).toBe(1);
    expect(s.daily).toEqual([
      { day: "2026-06-13", views: 1, offers: 1, plays: 2, wins: 2, orders: 2, revenueMinor: 3_605 },
    ]);

    // Shake the tree: shown to ben's cart and ann's third; ben's one play won ($1.50 cost);
    // ben's $30.00 and ann's Monday $12.00 follow it. Nothing from Saturday.
    const r = await kpiReport(t.db, range(tree));
    expect(r.funnel).toEqual({
      views: 2,
      offers: 2,
      plays: 1,
      wins: 1,
      redemptions: 0,
      orders: 2,
      revenueMinor: 4_200,
    });
    expect(r.rewardCostMinor).toBe(150);
    expect(r.revenuePerCheckoutMinor).toBe(2_100);
    expect(r.participationRate).toBe(0.5);
    expect(r.daily).toEqual([
      { day: "2026-06-15", views: 2, offers: 2, plays: 1, wins: 1, orders: 2, revenueMinor: 4_200 },
    ]);

    // The store: 4 checkouts (ann's 3 carts, ben's 1), 3 offers, 3 plays, 4 orders.
    const all = await kpiReport(t.db, range());
    expect(all.funnel).toEqual({
      views: 4,
      offers: 3,
      plays: 3,
      wins: 3,
      redemptions: 0,
      orders: 4,
      revenueMinor: 7_805,
    });
    expect(all.revenuePerCheckoutMinor).toBe(7_805 / 4);
    // No order is counted twice: the campaigns' orders add up to the store's (none is unattributed here).
    expect(s.funnel.orders + r.funnel.orders).toBe(all.funnel.orders);
    expect(s.funnel.revenueMinor + r.funnel.revenueMinor).toBe(all.funnel.revenueMinor);
  });
});

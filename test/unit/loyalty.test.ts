// Tiers, referrals, reviews, birthdays, personalization and refund reversal, through the
// engine on PGlite with the demo rules (db/seed-rules.ts) live.
import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { DateTime } from "luxon";
import { DEFAULT_SETTINGS } from "playcart/internal/core/settings";
import { processPendingEvents } from "playcart/internal/engine/engine";
import { findOffer, play } from "playcart/internal/games/play";
import { balances } from "playcart/internal/ledger/ledger";
import { categoryAffinity, recordOrderPlaced } from "playcart/internal/loyalty/affinity";
import { customerBadgeList } from "playcart/internal/loyalty/badges";
import { recordBirthdayEvents, setBirthday } from "playcart/internal/loyalty/birthdays";
import { customerProfile } from "playcart/internal/loyalty/profile";
import { recordReferralVisit, referralCodeFor } from "playcart/internal/loyalty/referrals";
import { orderStats, segmentsOf } from "playcart/internal/loyalty/segments";
import { stampCardProgress, stampCount } from "playcart/internal/loyalty/stamps";
import { tierHistoryOf, trailingSpend } from "playcart/internal/loyalty/tiers";
import { discountFor } from "playcart/internal/rewards/rewards";
import {
  campaigns,
  events,
  orderCategories,
  orderFacts,
  prizes,
  type ReferralRejection,
  referrals,
  rewards,
  rules,
  stampCards,
} from "playcart/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { seedRules } from "@/db/seed-rules";
import { customerId, event, newEmail, paidOrder, pointsFrom, refund, rule, TZ } from "../support/engage-fixtures";
import { createMemoryDb } from "../support/pglite";

let db: Db;
let close: () => Promise<void>;
const clock = () => ({ now: new Date(), timeZone: TZ });
const sweep = () => processPendingEvents(db, clock());
let referralCard: string;

beforeAll(async () => {
  ({ db, close } = await createMemoryDb());
  await seedRules(db);
  // Only the demo rules this suite is about; the order.paid ones have tests of their own below.
  await db
    .update(rules)
    .set({ status: "paused" })
    .where(inArray(rules.slug, ["big-basket-bonus", "regulars-favourite"]));
  [{ id: referralCard }] = await db
    .select({ id: stampCards.id })
    .from(stampCards)
    .where(eq(stampCards.slug, "referrals"));
});
afterAll(async () => close?.());

describe("tiers", () => {
  it("recomputes on payment and refund with history, pays a tier bonus and claws it back in proportion", async () => {
    const email = newEmail("tier");
    const first = await paidOrder(db, { email, amountMinor: 25_000 });
    await sweep();
    const c = await customerId(db, email);
    // Green when it was placed: no bonus on the order that lifted the shopper into Gold.
    expect(await pointsFrom(db, c, "tier-bonus:")).toBe(0);
    expect((await tierHistoryOf(db, c)).map((h) => [h.fromTier, h.toTier])).toEqual([[null, "gold"]]);

    const second = await paidOrder(db, { email, amountMinor: 10_000 });
    await sweep();
    // Gold earns 1.25x: 100 base points plus a 25-point tier bonus.
    expect(await pointsFrom(db, c, `tier-bonus:${second}`)).toBe(25);
    expect(await pointsFrom(db, c, `order:${second}:earn`)).toBe(100);

    await refund(db, second, 5_000);
    await sweep();
    expect(await pointsFrom(db, c, `tier-bonus:${second}`)).toBe(25 - 12);
    // The same refund seen again changes nothing.
    await refund(db, second, 5_000);
    await sweep();
    expect(await pointsFrom(db, c, `tier-bonus:${second}`)).toBe(13);

    // Refunding the big order takes the trailing spend to $50: back to Green.
    await refund(db, first, 25_000);
    await sweep();
    expect((await tierHistoryOf(db, c)).map((h) => [h.fromTier, h.toTier, h.trailingSpendMinor])).toEqual([
      ["gold", "green", 5_000],
      [null, "gold", 25_000],
    ]);
    await refund(db, second, 10_000);
    await sweep();
    expect(await pointsFrom(db, c, `tier-bonus:${second}`)).toBe(0);
    expect((await balances(db, c)).available).toBe(0);
  });

  it("multiplies play allowances for campaigns without a per-tier number", async () => {
    const email = newEmail("plays");
    await paidOrder(db, { email, amountMinor: 60_000 }); // Platinum: 3x
    const profile = await customerProfile(db, { email, now: new Date() });
    expect([profile.tier, profile.tierPlayMultiplier]).toEqual(["platinum", DEFAULT_SETTINGS.tiers[2].playMultiplier]);
    const [c] = await db
      .insert(campaigns)
      .values({
        slug: `c-${randomUUID()}`,
        name: "Daily",
        gameType: "scratch_card",
        placement: "checkout_returning",
        status: "live",
        rewardScope: "next_order",
        holdoutPercent: 0,
        allowance: { default: 1 },
      })
      .returning();
    await db.insert(prizes).values({ campaignId: c.id, label: "Nothing", weight: 1, rewardType: "none" });
    const shopper = { email, deviceId: `d-${randomUUID()}` };
    const go = () =>
      play(db, {
        campaignId: c.id,
        requestId: randomUUID(),
        shopper,
        cart: { valueMinor: 1, itemCount: 1, categories: [] },
        now: new Date(),
        timeZone: TZ,
      });
    for (let i = 0; i < 3; i++) await go();
    await expect(go()).rejects.toThrow(/no plays left/);
  });
});

describe("referrals", () => {
  async function referrer(email = newEmail("ref")) {
    const session = `sess-${randomUUID()}`;
    await paidOrder(db, { email, amountMinor: 1_000, sessionRef: session });
    const id = await customerId(db, email);
    return { email, id, session, code: await referralCodeFor(db, id) };
  }
  const verdict = async (orderRef: string) =>
    (await db.select().from(referrals).where(eq(referrals.orderRef, orderRef)))[0];
  const eventsOf = async (type: string, orderRef: string) =>
    db
      .select()
      .from(events)
      .where(and(eq(events.type, type), eq(events.orderRef, orderRef)));

  it("gives the referrer a stamp for a new friend's first paid order, and keeps the code stable", async () => {
    const a = await referrer();
    expect(await referralCodeFor(db, a.id)).toBe(a.code);
    expect(await recordReferralVisit(db, { code: a.code, sessionRef: "friend-browser", now: new Date() })).toBe(true);
    expect(await recordReferralVisit(db, { code: a.code, sessionRef: "friend-browser", now: new Date() })).toBe(true); // a reload
    expect(await recordReferralVisit(db, { code: "nosuchcode", sessionRef: "friend-browser", now: new Date() })).toBe(
      false,
    );
    const visits = await db
      .select()
      .from(events)
      .where(and(eq(events.type, "referral.visited"), eq(events.customerId, a.id)));
    expect(visits.map((v) => v.eventKey)).toEqual([`referral.visited:${a.code}:friend-browser`]);
    const order = await paidOrder(db, {
      email: newEmail("friend"),
      amountMinor: 3_000,
      referralCode: a.code,
      sessionRef: "friend-browser",
    });
    await sweep();
    expect(await verdict(order)).toMatchObject({ status: "converted", reason: null, referrerId: a.id });
    expect(await eventsOf("referral.converted", order)).toHaveLength(1);
    expect(await stampCount(db, a.id, referralCard)).toBe(1);
  });

  const abuse: [string, ReferralRejection, (a: Awaited<ReturnType<typeof referrer>>) => Promise<string>][] = [
    ["", "self_referral", (a) => paidOrder(db, { email: a.email, amountMinor: 2_000, referralCode: a.code })],
    [
      // One person whatever the spelling (core/identity.ts): a +tag is the referrer again.
      " (the referrer's email with a +tag)",
      "self_referral",
      (a) => paidOrder(db, { email: a.email.replace("@", "+friend@"), amountMinor: 2_000, referralCode: a.code }),
    ],
    [
      "",
      "same_device",
      (a) =>
        paidOrder(db, { email: newEmail("friend"), amountMinor: 2_000, referralCode: a.code, sessionRef: a.session }),
    ],
    [
      "",
      "existing_customer",
      async (a) => {
        const friend = newEmail("friend");
        await paidOrder(db, { email: friend, amountMinor: 2_000 });
        return paidOrder(db, { email: friend, amountMinor: 2_000, referralCode: a.code });
      },
    ],
    [
      "",
      "unknown_code",
      () => paidOrder(db, { email: newEmail("friend"), amountMinor: 2_000, referralCode: "zzzzzzzz" }),
    ],
  ];
  for (const [how, reason, order] of abuse) {
    it(`gives no stamp and logs the reason: ${reason}${how}`, async () => {
      const a = await referrer();
      const ref = await order(a);
      await sweep();
      expect(await verdict(ref)).toMatchObject({ status: "rejected", reason });
      const rejected = await eventsOf("referral.rejected", ref);
      expect(rejected.map((e) => e.payload.reason)).toEqual([reason]);
      expect(await eventsOf("referral.converted", ref)).toEqual([]);
      expect(await stampCount(db, a.id, referralCard)).toBe(0);
    });
  }

  it("nine stamps give the influencer badge; a fully refunded referral order takes its stamp and the badge back", async () => {
    const a = await referrer();
    const orders: string[] = [];
    for (let i = 0; i < 9; i++)
      orders.push(await paidOrder(db, { email: newEmail("friend"), amountMinor: 2_000, referralCode: a.code }));
    await sweep();
    expect(await stampCount(db, a.id, referralCard)).toBe(9);
    expect(await stampCardProgress(db, a.id)).toEqual([
      { slug: "referrals", name: "Refer a friend", stamps: 9, required: 9, badge: "Influencer" },
    ]);
    expect(await stampCardProgress(db, await customerId(db, newEmail("nobody")))).toEqual([
      { slug: "referrals", name: "Refer a friend", stamps: 0, required: 9, badge: "Influencer" },
    ]);
    expect((await customerBadgeList(db, a.id)).map((b) => b.slug)).toEqual(["influencer"]);

    await refund(db, orders[0], 1_000); // half: the stamp stays (rounded in the shopper's favour)
    await sweep();
    expect(await stampCount(db, a.id, referralCard)).toBe(9);
    await refund(db, orders[0], 2_000);
    await sweep();
    expect(await stampCount(db, a.id, referralCard)).toBe(8);
    expect(await customerBadgeList(db, a.id)).toEqual([]);

    // A tenth friend fills the card again: the badge comes back.
    await paidOrder(db, { email: newEmail("friend"), amountMinor: 2_000, referralCode: a.code });
    await sweep();
    expect((await customerBadgeList(db, a.id)).map((b) => b.slug)).toEqual(["influencer"]);
  });
});

describe("reviews and birthdays", () => {
  it("a posted review gives the community champion badge, with a share id", async () => {
    const c = await customerId(db, newEmail("reviewer"));
    await event(db, "review.posted", { customerId: c, payload: { productRef: "baguette" } });
    await sweep();
    const held = await customerBadgeList(db, c);
    expect(held.map((b) => b.slug)).toEqual(["community-champion"]);
    expect(held[0].shareId).toMatch(/^[A-Za-z0-9_-]{12}$/);
  });

  it("a birthday event once a year, on the day in store time, brings a reward that expires", async () => {
    const c = await customerId(db, newEmail("bday"));
    await expect(setBirthday(db, c, "02-30")).rejects.toThrow();
    await expect(setBirthday(db, c, "13-01")).rejects.toThrow();
    await setBirthday(db, c, "06-04");
    // 23:30 on 3 June in UTC is already 4 June in Berlin.
    const day = DateTime.fromISO("2027-06-03T23:30Z").toJSDate();
    expect(await recordBirthdayEvents(db, DateTime.fromISO("2027-06-03T12:00Z").toJSDate(), TZ)).toBe(0);
    expect(await recordBirthdayEvents(db, day, TZ)).toBe(1);
    expect(await recordBirthdayEvents(db, new Date(day.getTime() + 3_600_000), TZ)).toBe(0);
    await processPendingEvents(db, { now: day, timeZone: TZ });
    const issued = await db.select().from(rewards).where(eq(rewards.customerId, c));
    expect(issued.map((r) => [r.label, r.rewardValue, r.expiresAt.getTime()])).toEqual([
      ["Happy birthday: $5 off", 500, day.getTime() + 14 * 86_400_000],
    ]);
    // Next year, another.
    expect(await recordBirthdayEvents(db, DateTime.fromISO("2028-06-04T10:00Z").toJSDate(), TZ)).toBe(1);
  });

  it("a 29 February birthday is celebrated on 28 February in other years", async () => {
    const c = await customerId(db, newEmail("leap"));
    await setBirthday(db, c, "02-29");
    const before = (
      await db
        .select()
        .from(events)
        .where(and(eq(events.type, "birthday"), eq(events.customerId, c)))
    ).length;
    await recordBirthdayEvents(db, DateTime.fromISO("2027-02-28T12:00", { zone: TZ }).toJSDate(), TZ);
    await recordBirthdayEvents(db, DateTime.fromISO("2028-02-28T12:00", { zone: TZ }).toJSDate(), TZ);
    await recordBirthdayEvents(db, DateTime.fromISO("2028-02-29T12:00", { zone: TZ }).toJSDate(), TZ);
    const keys = (
      await db
        .select()
        .from(events)
        .where(and(eq(events.type, "birthday"), eq(events.customerId, c)))
    ).map((e) => e.eventKey);
    expect(keys.length - before).toBe(2);
    expect(keys.sort()).toEqual([`birthday:${c}:2027`, `birthday:${c}:2028`]);
  });
});

describe("personalization", () => {
  it("refuses a malformed order description and records nothing", async () => {
    const orderRef = randomUUID();
    const good = { orderRef, email: newEmail("placed"), lines: [{ category: "bread", amountMinor: 500 }] };
    await expect(recordOrderPlaced(db, { ...good, lines: [{ category: "bread", amountMinor: -5 }] })).rejects.toThrow();
    await expect(recordOrderPlaced(db, { ...good, email: "not-an-email" })).rejects.toThrow();
    await expect(recordOrderPlaced(db, { ...good, referralCode: "DROP TABLE" })).rejects.toThrow();
    expect(await db.select().from(orderFacts).where(eq(orderFacts.orderRef, orderRef))).toEqual([]);
    // Placing again (a changed cart) replaces the categories.
    await recordOrderPlaced(db, good);
    await recordOrderPlaced(db, {
      ...good,
      lines: [
        { category: "cakes", amountMinor: 200, quantity: 2 },
        { category: "cakes", amountMinor: 100 },
      ],
    });
    expect(await db.select().from(orderCategories).where(eq(orderCategories.orderRef, orderRef))).toEqual([
      { orderRef, category: "cakes", amountMinor: 300 },
    ]);
    expect((await db.select().from(orderFacts).where(eq(orderFacts.orderRef, orderRef)))[0].itemCount).toBe(3);
  });

  it("weighs recent orders more: an old big coffee order loses to recent bread", async () => {
    const email = newEmail("aff");
    await paidOrder(db, {
      email,
      amountMinor: 10_000,
      categories: { coffee: 10_000 },
      paidAt: new Date(Date.now() - 400 * 86_400_000),
    });
    await paidOrder(db, { email, amountMinor: 2_000, categories: { bread: 2_000 } });
    const c = await customerId(db, email);
    const a = await categoryAffinity(db, c, new Date(), 90);
    expect(a.favourite).toBe("bread");
    expect(a.scores.bread).toBeGreaterThan(a.scores.coffee);
    // Refunded spend does not count.
    const ref = await paidOrder(db, { email, amountMinor: 50_000, categories: { cakes: 50_000 } });
    expect((await categoryAffinity(db, c, new Date(), 90)).favourite).toBe("cakes");
    await refund(db, ref, 50_000);
    expect((await categoryAffinity(db, c, new Date(), 90)).favourite).toBe("bread");
  });

  it("a favourite-category prize gives two shoppers at the same checkout different rewards", async () => {
    const [c] = await db
      .insert(campaigns)
      .values({
        slug: `c-${randomUUID()}`,
        name: "Favourites",
        gameType: "shake_tree",
        placement: "checkout_returning",
        status: "live",
        rewardScope: "next_order",
        holdoutPercent: 0,
        allowance: { default: 1 },
      })
      .returning();
    await db.insert(prizes).values({
      campaignId: c.id,
      label: "10% off your favourite category",
      weight: 1,
      rewardType: "percent_off",
      rewardValue: 10,
      categoryScope: "favourite",
    });
    const baker = newEmail("baker");
    const barista = newEmail("barista");
    await paidOrder(db, { email: baker, amountMinor: 3_000, categories: { bread: 3_000 } });
    await paidOrder(db, { email: barista, amountMinor: 3_000, categories: { coffee: 3_000 } });
    const cart = { valueMinor: 6_000, itemCount: 2, categories: ["bread", "coffee"] };
    const lines = [
      { productRef: "baguette", unitPriceMinor: 1_000, quantity: 1, category: "bread" },
      { productRef: "beans", unitPriceMinor: 5_000, quantity: 1, category: "coffee" },
    ];
    const won = [];
    for (const email of [baker, barista]) {
      const result = await play(db, {
        campaignId: c.id,
        requestId: randomUUID(),
        shopper: { email },
        cart,
        now: new Date(),
        timeZone: TZ,
        rng: () => 0,
      });
      const [reward] = await db.select().from(rewards).where(eq(rewards.id, result.reward!.id));
      won.push(reward);
    }
    expect(won.map((r) => r.categoryRef)).toEqual(["bread", "coffee"]);
    expect(won.map((r) => r.label)).toEqual([
      "10% off your favourite category (bread)",
      "10% off your favourite category (coffee)",
    ]);
    expect(won.map((r) => discountFor(r, lines))).toEqual([100, 500]);
    // A line without the category gets nothing from a scoped reward.
    expect(discountFor(won[0], [lines[1]])).toBe(0);
  });

  it("the regulars rule issues a reward scoped to each shopper's favourite category", async () => {
    const regulars = await rule(db, {
      trigger: "order.paid",
      condition: {
        and: [{ ">=": [{ var: "customer.paidOrders" }, 2] }, { "!!": [{ var: "customer.favouriteCategory" }] }],
      },
      outcomes: [
        {
          type: "issue_reward",
          label: "10% off",
          rewardType: "percent_off",
          rewardValue: 10,
          category: "favourite",
          validDays: 30,
        },
      ],
    });
    const email = newEmail("regular");
    await paidOrder(db, { email, amountMinor: 3_000, categories: { cakes: 3_000 } });
    await paidOrder(db, { email, amountMinor: 1_000, categories: { bread: 1_000 } });
    await sweep();
    const c = await customerId(db, email);
    expect((await db.select().from(rewards).where(eq(rewards.customerId, c))).map((r) => r.categoryRef)).toEqual([
      "cakes",
    ]);
    await db.update(rules).set({ status: "paused" }).where(eq(rules.id, regulars.id));
  });

  it("segments: new, active, lapsed, high-value and discount-driven", async () => {
    const rulesOf = DEFAULT_SETTINGS.segments;
    const now = new Date("2026-06-01T00:00:00Z");
    const ago = (days: number) => new Date(now.getTime() - days * 86_400_000);
    const stats = (s: Partial<Parameters<typeof segmentsOf>[0]>) => ({
      paidOrders: 0,
      netSpendMinor: 0,
      firstPaidAt: null,
      lastPaidAt: null,
      ordersWithReward: 0,
      trailingSpendMinor: 0,
      ...s,
    });
    expect(segmentsOf(stats({}), now, rulesOf)).toEqual(["new"]);
    expect(
      segmentsOf(stats({ paidOrders: 1, firstPaidAt: ago(5), lastPaidAt: ago(5), netSpendMinor: 1_000 }), now, rulesOf),
    ).toEqual(["new"]);
    expect(
      segmentsOf(
        stats({ paidOrders: 3, firstPaidAt: ago(50), lastPaidAt: ago(10), netSpendMinor: 5_000 }),
        now,
        rulesOf,
      ),
    ).toEqual(["active"]);
    expect(
      segmentsOf(
        stats({ paidOrders: 3, firstPaidAt: ago(300), lastPaidAt: ago(120), netSpendMinor: 5_000 }),
        now,
        rulesOf,
      ),
    ).toEqual(["lapsed"]);
    expect(
      segmentsOf(
        stats({ paidOrders: 2, firstPaidAt: ago(20), lastPaidAt: ago(2), netSpendMinor: 40_000 }),
        now,
        rulesOf,
      ),
    ).toEqual(["active", "high_value"]);
    expect(
      segmentsOf(
        stats({ paidOrders: 4, firstPaidAt: ago(20), lastPaidAt: ago(2), netSpendMinor: 4_000, ordersWithReward: 2 }),
        now,
        rulesOf,
      ),
    ).toEqual(["active", "discount_driven"]);

    // From the database: two paid orders, one of which redeemed a reward.
    const email = newEmail("seg");
    const plain = await paidOrder(db, { email, amountMinor: 1_000 });
    const discounted = await paidOrder(db, { email, amountMinor: 1_000 });
    const c = await customerId(db, email);
    await db.insert(rewards).values({
      customerId: c,
      identityKeys: [],
      label: "x",
      rewardType: "amount_off",
      rewardValue: 100,
      scope: "next_order",
      status: "redeemed",
      orderRef: discounted,
      expiresAt: new Date(),
    });
    const s = await orderStats(db, c);
    expect(s).toMatchObject({ paidOrders: 2, netSpendMinor: 2_000, ordersWithReward: 1 });
    // As of a moment before both: no orders counted, yet the trailing spend (the tier's, as of
    // now) counts every order paid after its start, as trailingSpend does.
    const before = await orderStats(db, c, new Date(Date.now() - 86_400_000), new Date(Date.now() - 30 * 86_400_000));
    expect(before).toMatchObject({ paidOrders: 0, netSpendMinor: 0, ordersWithReward: 0, trailingSpendMinor: 2_000 });
    expect(before.trailingSpendMinor).toBe(await trailingSpend(db, c, new Date(), 30));
    expect(segmentsOf(s, new Date(), rulesOf)).toEqual(["active", "discount_driven"]);
    expect(segmentsOf(s, new Date(Date.now() + 200 * 86_400_000), rulesOf)).toEqual(["lapsed", "discount_driven"]);
    // And usable in a rule's condition.
    const r = await rule(db, {
      trigger: "review.posted",
      condition: { in: ["discount_driven", { var: "customer.segments" }] },
      outcomes: [{ type: "grant_points", points: 7 }],
    });
    await event(db, "review.posted", { customerId: c });
    await sweep();
    expect(await pointsFrom(db, c, `rule:${r.id}`)).toBe(7);
    void plain;
    await db.update(rules).set({ status: "paused" }).where(eq(rules.id, r.id));
  });

  it("a campaign's audience can target a segment: a win-back game only for lapsed shoppers", async () => {
    const [winBack] = await db
      .insert(campaigns)
      .values({
        slug: `c-${randomUUID()}`,
        name: "We missed you",
        holdoutPercent: 0,
        gameType: "scratch_card",
        placement: "checkout_returning",
        status: "live",
        rewardScope: "next_order",
        audience: { "==": [{ var: "customer.segment" }, "lapsed"] },
        // Ahead of every other returning-shopper campaign this suite made.
        windows: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "00:00", end: "23:59" })),
      })
      .returning();
    await db.insert(prizes).values({ campaignId: winBack.id, label: "Nothing", weight: 1, rewardType: "none" });
    const lapsed = newEmail("lapsed");
    const active = newEmail("active");
    await paidOrder(db, { email: lapsed, amountMinor: 2_000, paidAt: new Date(Date.now() - 200 * 86_400_000) });
    for (let i = 0; i < 2; i++) await paidOrder(db, { email: active, amountMinor: 2_000 });
    const offer = (email: string) =>
      findOffer(db, {
        placement: "checkout_returning",
        shopper: { email },
        cart: { valueMinor: 1, itemCount: 1, categories: [] },
        now: new Date(),
        timeZone: TZ,
      });
    expect((await customerProfile(db, { email: lapsed, now: new Date() })).segment).toBe("lapsed");
    expect((await offer(lapsed))?.campaignId).toBe(winBack.id);
    expect((await offer(active))?.campaignId).not.toBe(winBack.id);
    await db.update(campaigns).set({ status: "ended" }).where(eq(campaigns.id, winBack.id));
  });
});

describe("refund reversal of rule grants", () => {
  it("points and stamps a rule gave for an order go back in proportion; an order's badge on a full refund", async () => {
    const r = await rule(db, {
      trigger: "order.paid",
      condition: { ">=": [{ var: "cart.valueMinor" }, 7_777] },
      outcomes: [
        { type: "grant_points", points: 40 },
        { type: "grant_stamp", card: "referrals", stamps: 4 },
        { type: "grant_badge", badge: "community-champion" },
      ],
    });
    const email = newEmail("rev");
    const order = await paidOrder(db, { email, amountMinor: 7_777 });
    await sweep();
    const c = await customerId(db, email);
    expect(await pointsFrom(db, c, `rule:${r.id}`)).toBe(40);
    expect(await stampCount(db, c, referralCard)).toBe(4);
    expect((await customerBadgeList(db, c)).map((b) => b.slug)).toEqual(["community-champion"]);

    await refund(db, order, 3_889); // just over half
    await sweep();
    expect(await pointsFrom(db, c, `rule:${r.id}`)).toBe(40 - 20);
    expect(await stampCount(db, c, referralCard)).toBe(4 - 2);
    expect(await customerBadgeList(db, c)).toHaveLength(1);

    await refund(db, order, 7_777);
    await sweep();
    expect(await pointsFrom(db, c, `rule:${r.id}`)).toBe(0);
    expect(await stampCount(db, c, referralCard)).toBe(0);
    expect(await customerBadgeList(db, c)).toEqual([]);
    await db.update(rules).set({ status: "paused" }).where(eq(rules.id, r.id));
  });
});

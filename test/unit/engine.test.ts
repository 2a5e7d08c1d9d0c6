// The rules engine on PGlite: idempotency per (event, rule), every outcome type, rule
// status and validation, and conditions over each field of the context.
// (Concurrent sweeps are proven on a real Postgres in test/pg/engine-concurrency.test.ts.)
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { getSettings } from "playcart/internal/core/settings";
import { evaluateCondition } from "playcart/internal/engine/conditions";
import { processEvent, processPendingEvents } from "playcart/internal/engine/engine";
import { eventContext } from "playcart/internal/engine/engine-context";
import { play, remainingPlays } from "playcart/internal/games/play";
import { customerBadgeList } from "playcart/internal/loyalty/badges";
import { setBirthday } from "playcart/internal/loyalty/birthdays";
import { stampCount } from "playcart/internal/loyalty/stamps";
import {
  campaigns,
  customerBadges,
  events,
  ledgerEntries,
  prizes,
  rewards,
  ruleFirings,
  rules,
  stampEntries,
} from "playcart/schema";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { seedRules } from "@/db/seed-rules";
import {
  customerId,
  event,
  newEmail,
  paidOrder,
  pointsFrom,
  rule,
  settleBacklog,
  TZ,
} from "../support/engage-fixtures";
import { createMemoryDb } from "../support/pglite";

let db: Db;
let close: () => Promise<void>;
// Thursday 4 June 2026, 14:30 in Berlin.
const NOW = DateTime.fromISO("2026-06-04T14:30", { zone: TZ }).toJSDate();
const clock = { now: NOW, timeZone: TZ };

beforeAll(async () => {
  ({ db, close } = await createMemoryDb());
  await seedRules(db);
  // The demo rules stay out of the way: each test writes its own.
  await db.update(rules).set({ status: "paused" });
});
afterAll(async () => close?.());
afterEach(async () => {
  await db.update(rules).set({ status: "paused" });
});

const firingsOf = async (ruleId: string) =>
  (await db.select().from(ruleFirings).where(eq(ruleFirings.ruleId, ruleId))).length;

describe("idempotency per (event, rule)", () => {
  it("fires a rule once per event however often the event is processed", async () => {
    const c = await customerId(db, newEmail());
    const r = await rule(db, { trigger: "review.posted", outcomes: [{ type: "grant_points", points: 40 }] });
    await settleBacklog(db);
    const e = await event(db, "review.posted", { customerId: c });

    const first = await processPendingEvents(db, clock);
    expect(first.map((p) => p.eventId)).toEqual([e]);
    expect(first[0].fired).toEqual([r.slug]);
    expect(await processEvent(db, e, clock)).toBeNull(); // already processed
    expect(await processPendingEvents(db, clock)).toEqual([]);

    // Even an event put back to pending (a crash after the firing, an operator's replay) fires nothing twice.
    await db.update(events).set({ processedAt: null }).where(eq(events.id, e));
    const again = await processEvent(db, e, clock);
    expect(again?.fired).toEqual([]);
    expect(await firingsOf(r.id)).toBe(1);
    expect(await pointsFrom(db, c, `rule:${r.id}:`)).toBe(40);
    const [entry] = await db
      .select()
      .from(ledgerEntries)
      .where(eq(ledgerEntries.sourceKey, `rule:${r.id}:${e}`));
    expect(entry.delta).toBe(40);
  });

  it("two rules on one event both fire, each once; draft, paused and ended rules never", async () => {
    const c = await customerId(db, newEmail());
    const a = await rule(db, { trigger: "review.posted", outcomes: [{ type: "grant_points", points: 1 }] });
    const b = await rule(db, { trigger: "review.posted", outcomes: [{ type: "grant_points", points: 2 }] });
    const off = await Promise.all(
      (["draft", "paused", "ended"] as const).map((status) =>
        rule(db, { trigger: "review.posted", status, outcomes: [{ type: "grant_points", points: 100 }] }),
      ),
    );
    await settleBacklog(db);
    await event(db, "review.posted", { customerId: c });
    const [done] = await processPendingEvents(db, clock);
    expect(done.fired.sort()).toEqual([a.slug, b.slug].sort());
    for (const r of off) expect(await firingsOf(r.id)).toBe(0);
    expect(await pointsFrom(db, c, "rule:")).toBe(3);
  });

  it("a rule whose condition is false records no firing; a guest's event fires but grants nothing", async () => {
    const r = await rule(db, {
      trigger: "checkout.viewed",
      condition: { ">": [{ var: "cart.valueMinor" }, 1000] },
      outcomes: [{ type: "grant_points", points: 5 }],
    });
    await settleBacklog(db);
    await event(db, "checkout.viewed", { payload: { cart: { valueMinor: 500, itemCount: 1, categories: [] } } });
    const guest = await event(db, "checkout.viewed", {
      payload: { cart: { valueMinor: 5000, itemCount: 1, categories: [] } },
    });
    await processPendingEvents(db, clock);
    const fired = await db.select().from(ruleFirings).where(eq(ruleFirings.ruleId, r.id));
    expect(fired.map((f) => f.eventId)).toEqual([guest]);
    expect(fired[0].applied).toEqual([{ type: "grant_points", skipped: "no customer" }]);
  });
});

describe("rule validation", () => {
  it("refuses an unknown trigger, bad outcomes, a condition the engine cannot run, and plays without a campaign", async () => {
    const base = { slug: `bad-${randomUUID().slice(0, 6)}`, name: "Bad" };
    await expect(
      rule(db, { ...base, trigger: "nope" as never, outcomes: [{ type: "grant_points", points: 1 }] }),
    ).rejects.toThrow();
    await expect(
      rule(db, { ...base, trigger: "birthday", outcomes: [{ type: "grant_points", points: -5 }] }),
    ).rejects.toThrow();
    await expect(rule(db, { ...base, trigger: "birthday", outcomes: [] })).rejects.toThrow();
    await expect(
      rule(db, {
        ...base,
        trigger: "birthday",
        outcomes: [{ type: "issue_reward", label: "x", rewardType: "percent_off", rewardValue: 150, validDays: 3 }],
      }),
    ).rejects.toThrow(/percentage/);
    await expect(
      rule(db, {
        ...base,
        trigger: "birthday",
        condition: { no_such_op: [1] },
        outcomes: [{ type: "grant_points", points: 1 }],
      }),
    ).rejects.toThrow(/Invalid condition/);
    await expect(
      rule(db, { ...base, trigger: "birthday", outcomes: [{ type: "grant_plays", plays: 2 }] }),
    ).rejects.toThrow(/campaign/);
    expect(await db.select().from(rules).where(eq(rules.slug, base.slug))).toEqual([]);
  });

  it("skips a stored rule whose outcomes no longer validate, and still processes the event", async () => {
    const c = await customerId(db, newEmail());
    const r = await rule(db, { trigger: "review.posted", outcomes: [{ type: "grant_points", points: 1 }] });
    await db
      .update(rules)
      .set({ outcomes: [{ type: "grant_points", points: "lots" }] })
      .where(eq(rules.id, r.id));
    await settleBacklog(db);
    const e = await event(db, "review.posted", { customerId: c });
    const [done] = await processPendingEvents(db, clock);
    expect(done).toMatchObject({ eventId: e, fired: [] });
    expect(await firingsOf(r.id)).toBe(0);
  });
});

describe("outcomes", () => {
  async function liveCampaign() {
    const [c] = await db
      .insert(campaigns)
      .values({
        slug: `c-${randomUUID()}`,
        name: "Bonus game",
        gameType: "scratch_card",
        placement: "checkout_returning",
        status: "live",
        rewardScope: "next_order",
        holdoutPercent: 0,
        allowance: { default: 1 },
      })
      .returning();
    await db.insert(prizes).values({ campaignId: c.id, label: "Nothing", weight: 1, rewardType: "none" });
    return c;
  }

  it("grant_plays adds plays beyond the window's allowance, used after the regular ones", async () => {
    const campaign = await liveCampaign();
    const email = newEmail();
    const c = await customerId(db, email);
    await rule(db, {
      trigger: "review.posted",
      campaignId: campaign.id,
      outcomes: [{ type: "grant_plays", plays: 2 }],
    });
    await settleBacklog(db);
    await event(db, "review.posted", { customerId: c });
    await processPendingEvents(db, clock);
    const shopper = { email, deviceId: `dev-${randomUUID()}`, sessionRef: `s-${randomUUID()}` };
    const keys = [`device:${shopper.deviceId}`, `email:${email}`];
    const day = DateTime.fromJSDate(NOW, { zone: TZ }).toISODate()!;
    expect(await remainingPlays(db, campaign, keys, day, "green")).toBe(3);
    const cart = { valueMinor: 1000, itemCount: 1, categories: [] };
    for (let i = 0; i < 3; i++)
      await play(db, { campaignId: campaign.id, requestId: randomUUID(), shopper, cart, now: NOW, timeZone: TZ });
    await expect(
      play(db, { campaignId: campaign.id, requestId: randomUUID(), shopper, cart, now: NOW, timeZone: TZ }),
    ).rejects.toThrow(/no plays left/);
    expect(await remainingPlays(db, campaign, keys, day, "green")).toBe(0);
  });

  it("offer_game gives one play and records no offer (an offer is logged where the game shows)", async () => {
    const campaign = await liveCampaign();
    const email = newEmail();
    const c = await customerId(db, email);
    const r = await rule(db, { trigger: "review.posted", campaignId: campaign.id, outcomes: [{ type: "offer_game" }] });
    await settleBacklog(db);
    await event(db, "review.posted", { customerId: c });
    await processPendingEvents(db, clock);
    const offers = await db
      .select()
      .from(events)
      .where(and(eq(events.type, "game.offered"), eq(events.customerId, c)));
    expect(offers).toEqual([]);
    const [fired] = await db.select().from(ruleFirings).where(eq(ruleFirings.ruleId, r.id));
    expect(fired).toBeDefined();
    expect(await remainingPlays(db, campaign, [`email:${email}`], "2026-06-04", "green")).toBe(2);
  });

  it("grant_stamp and grant_badge", async () => {
    const c = await customerId(db, newEmail());
    await rule(db, {
      trigger: "review.posted",
      outcomes: [
        { type: "grant_stamp", card: "referrals", stamps: 2 },
        { type: "grant_badge", badge: "community-champion" },
      ],
    });
    await settleBacklog(db);
    await event(db, "review.posted", { customerId: c });
    await processPendingEvents(db, clock);
    const [card] = await db
      .execute(sql`SELECT id FROM playcart_stamp_cards WHERE slug = 'referrals'`)
      .then((r) => (r as unknown as { rows: { id: string }[] }).rows);
    expect(await stampCount(db, c, card.id)).toBe(2);
    expect((await customerBadgeList(db, c)).map((b) => b.slug)).toEqual(["community-champion"]);
    expect(await db.select().from(stampEntries).where(eq(stampEntries.customerId, c))).toHaveLength(1);
  });

  it("issue_reward: a dated next-order reward the customer owns", async () => {
    const email = newEmail();
    const c = await customerId(db, email);
    await rule(db, {
      trigger: "review.posted",
      outcomes: [{ type: "issue_reward", label: "$3 off", rewardType: "amount_off", rewardValue: 300, validDays: 7 }],
    });
    await settleBacklog(db);
    await event(db, "review.posted", { customerId: c });
    await processPendingEvents(db, clock);
    const [reward] = await db.select().from(rewards).where(eq(rewards.customerId, c));
    expect(reward).toMatchObject({
      label: "$3 off",
      rewardType: "amount_off",
      rewardValue: 300,
      scope: "next_order",
      status: "issued",
    });
    expect(reward.expiresAt.getTime()).toBe(NOW.getTime() + 7 * 86_400_000);
    expect(reward.identityKeys).toContain(`email:${email}`);
  });

  it("grant_badge twice: one badge, the second firing records awarded false", async () => {
    const c = await customerId(db, newEmail());
    const r = await rule(db, {
      trigger: "review.posted",
      outcomes: [{ type: "grant_badge", badge: "community-champion" }],
    });
    await settleBacklog(db);
    await event(db, "review.posted", { customerId: c });
    await event(db, "review.posted", { customerId: c });
    await processPendingEvents(db, clock);
    const applied = (await db.select().from(ruleFirings).where(eq(ruleFirings.ruleId, r.id))).map(
      (f) => f.applied[0].awarded,
    );
    expect(applied.sort()).toEqual([false, true]);
    expect(await db.select().from(customerBadges).where(eq(customerBadges.customerId, c))).toHaveLength(1);
  });
});

describe("conditions over the context", () => {
  it("exposes the customer, cart, store time and event, and rules can test each field", async () => {
    const email = newEmail();
    const c = await customerId(db, email);
    await db.execute(sql`UPDATE playcart_customers SET user_ref = ${`user-${randomUUID()}`} WHERE id = ${c}`);
    await paidOrder(db, { email, amountMinor: 12_000, categories: { bread: 2_000, coffee: 10_000 } });
    const last = await paidOrder(db, { email, amountMinor: 4_000, categories: { bread: 4_000 } });
    await setBirthday(db, c, "06-04");
    const settings = await getSettings(db);
    const [paid] = await db
      .select()
      .from(events)
      .where(eq(events.eventKey, `order.paid:${last}`));
    const ctx = await eventContext(db, paid, settings, NOW, TZ);
    expect(ctx.customer).toMatchObject({
      known: true,
      signedIn: true,
      firstPurchase: false,
      paidOrders: 2,
      lifetimeSpendMinor: 16_000,
      trailingSpendMinor: 16_000,
      tier: "green",
      segments: ["active"],
      segment: "active",
      favouriteCategory: "coffee",
      birthdayToday: true,
    });
    expect(ctx.customer.affinity.coffee).toBeCloseTo(10 / 16, 2);
    expect(ctx.cart).toEqual({ valueMinor: 4_000, itemCount: 1, categories: ["bread"] });
    expect(ctx.store).toEqual({ date: "2026-06-04", weekday: 4, hour: 14 });
    expect(ctx.event).toMatchObject({ type: "order.paid", valueMinor: 4_000, orderRef: last });

    // Each field, as a condition that holds and one that does not.
    const cases: [unknown, unknown][] = [
      [{ "==": [{ var: "customer.firstPurchase" }, false] }, { "==": [{ var: "customer.firstPurchase" }, true] }],
      [{ ">=": [{ var: "customer.paidOrders" }, 2] }, { ">=": [{ var: "customer.paidOrders" }, 3] }],
      [
        { ">=": [{ var: "customer.lifetimeSpendMinor" }, 16_000] },
        { ">": [{ var: "customer.lifetimeSpendMinor" }, 16_000] },
      ],
      [
        { "<": [{ var: "customer.trailingSpendMinor" }, 20_000] },
        { ">=": [{ var: "customer.trailingSpendMinor" }, 20_000] },
      ],
      [{ "==": [{ var: "customer.tier" }, "green"] }, { "==": [{ var: "customer.tier" }, "gold"] }],
      [{ in: ["active", { var: "customer.segments" }] }, { in: ["lapsed", { var: "customer.segments" }] }],
      [{ "==": [{ var: "customer.segment" }, "active"] }, { "==": [{ var: "customer.segment" }, "new"] }],
      [
        { "==": [{ var: "customer.favouriteCategory" }, "coffee"] },
        { "==": [{ var: "customer.favouriteCategory" }, "bread"] },
      ],
      [{ ">": [{ var: "customer.affinity.coffee" }, 0.5] }, { ">": [{ var: "customer.affinity.bread" }, 0.5] }],
      [{ var: "customer.birthdayToday" }, { "!": [{ var: "customer.birthdayToday" }] }],
      [{ var: "customer.signedIn" }, { "!": [{ var: "customer.signedIn" }] }],
      [{ ">=": [{ var: "cart.valueMinor" }, 4_000] }, { ">": [{ var: "cart.valueMinor" }, 4_000] }],
      [{ "==": [{ var: "cart.itemCount" }, 1] }, { ">": [{ var: "cart.itemCount" }, 1] }],
      [{ in: ["bread", { var: "cart.categories" }] }, { in: ["coffee", { var: "cart.categories" }] }],
      [{ "==": [{ var: "store.date" }, "2026-06-04"] }, { "==": [{ var: "store.date" }, "2026-06-05"] }],
      [{ "==": [{ var: "store.weekday" }, 4] }, { "==": [{ var: "store.weekday" }, 6] }],
      [{ "<": [{ var: "store.hour" }, 15] }, { ">=": [{ var: "store.hour" }, 15] }],
      [{ "==": [{ var: "event.type" }, "order.paid"] }, { "==": [{ var: "event.type" }, "order.refunded"] }],
    ];
    for (const [yes, no] of cases) {
      expect([JSON.stringify(yes), evaluateCondition(yes, ctx)]).toEqual([JSON.stringify(yes), true]);
      expect([JSON.stringify(no), evaluateCondition(no, ctx)]).toEqual([JSON.stringify(no), false]);
    }
  });

  it("a first order's own payment event counts as the first purchase; a guest is new and not signed in", async () => {
    const email = newEmail();
    const ref = await paidOrder(db, { email, amountMinor: 2_000 });
    const settings = await getSettings(db);
    const [paid] = await db
      .select()
      .from(events)
      .where(eq(events.eventKey, `order.paid:${ref}`));
    const ctx = await eventContext(db, paid, settings, NOW, TZ);
    expect(ctx.customer).toMatchObject({ firstPurchase: true, paidOrders: 1, signedIn: false });
    const guest = await eventContext(
      db,
      { ...paid, customerId: null, orderRef: null, valueMinor: null, payload: {} },
      settings,
      NOW,
      TZ,
    );
    expect(guest.customer).toMatchObject({ known: false, firstPurchase: true, segment: "new", signedIn: false });
  });

  it("end to end: a rule with a store-time condition fires only inside its hours", async () => {
    const c = await customerId(db, newEmail());
    const r = await rule(db, {
      trigger: "review.posted",
      condition: { and: [{ "==": [{ var: "store.weekday" }, 4] }, { ">=": [{ var: "store.hour" }, 14] }] },
      outcomes: [{ type: "grant_points", points: 9 }],
    });
    await settleBacklog(db);
    await event(db, "review.posted", { customerId: c });
    await processPendingEvents(db, {
      now: DateTime.fromISO("2026-06-04T13:59", { zone: TZ }).toJSDate(),
      timeZone: TZ,
    });
    await event(db, "review.posted", { customerId: c });
    await processPendingEvents(db, clock);
    expect(await firingsOf(r.id)).toBe(1);
    expect(await pointsFrom(db, c, `rule:${r.id}`)).toBe(9);
  });
});

describe("events no rule listens to", () => {
  it("a play's event is recorded processed while no live rule listens to game.played; with one, it waits and fires", async () => {
    const [campaign] = await db
      .insert(campaigns)
      .values({
        slug: `c-${randomUUID()}`,
        name: "Settled at birth",
        gameType: "scratch_card",
        placement: "checkout_returning",
        status: "live",
        rewardScope: "next_order",
        holdoutPercent: 0,
        allowance: { default: 5 },
      })
      .returning();
    await db.insert(prizes).values({ campaignId: campaign.id, label: "Nothing", weight: 1, rewardType: "none" });
    const email = newEmail();
    const c = await customerId(db, email);
    await settleBacklog(db);
    const shopper = { email, deviceId: `dev-${randomUUID()}`, sessionRef: `s-${randomUUID()}` };
    const cart = { valueMinor: 1000, itemCount: 1, categories: [] };
    const playOnce = () =>
      play(db, { campaignId: campaign.id, requestId: randomUUID(), shopper, cart, now: NOW, timeZone: TZ });
    const eventOf = async (playId: string) =>
      (
        await db
          .select()
          .from(events)
          .where(eq(events.eventKey, `game.played:${playId}`))
      )[0];

    const quiet = await playOnce();
    expect(quiet.eventPending).toBe(false);
    expect((await eventOf(quiet.playId)).processedAt?.toISOString()).toBe(NOW.toISOString());
    expect(await processPendingEvents(db, clock)).toEqual([]);

    const r = await rule(db, { trigger: "game.played", outcomes: [{ type: "grant_points", points: 3 }] });
    const heard = await playOnce();
    expect(heard.eventPending).toBe(true);
    expect((await eventOf(heard.playId)).processedAt).toBeNull();
    const done = await processPendingEvents(db, clock);
    expect(done.map((p) => p.fired)).toEqual([[r.slug]]);
    expect(await pointsFrom(db, c, `rule:${r.id}:`)).toBe(3);
  });

  it("are settled in one statement; an event with a live rule, and every payment, still go through the engine", async () => {
    const c = await customerId(db, newEmail());
    await settleBacklog(db);
    const viewed = await event(db, "checkout.viewed", { customerId: c });
    const played = await event(db, "game.played", { customerId: c });
    const r = await rule(db, { trigger: "review.posted", outcomes: [{ type: "grant_points", points: 5 }] });
    const reviewed = await event(db, "review.posted", { customerId: c });

    const done = await processPendingEvents(db, clock);
    // Only the review went through a transaction of its own, and its rule fired.
    expect(done.map((p) => [p.eventId, p.fired])).toEqual([[reviewed, [r.slug]]]);
    const settled = await db.select().from(events).where(sql`${events.id} IN (${viewed}, ${played})`);
    expect(settled.map((e) => e.processedAt?.toISOString())).toEqual([NOW.toISOString(), NOW.toISOString()]);
  });
});

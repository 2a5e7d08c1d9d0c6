// KPI correctness: a generated history of 10,000 customers with known outcomes (seeded, so
// every run is the same history) is written to the event log; the dashboard's figures must
// equal what is counted independently from the generated outcomes. Then a real flow of plays
// checks reward cost against the prizes' value awarded and the rewards issued. On a real
// Postgres: these are the admin's production queries, and PGlite took minutes over them.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { play } from "playcart/internal/games/play";
import { withPrizeTallies } from "playcart/internal/games/prize-tallies";
import { kpiReport, liftInterval } from "playcart/internal/insights/kpis";
import { campaigns, events, plays, prizes, rewards } from "playcart/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createTestDatabase } from "../support/pg";

const TZ = "Europe/Berlin";
const FROM = new Date("2026-03-01T00:00:00Z");
const TO = new Date("2026-04-01T00:00:00Z");
const CAMPAIGNS = [randomUUID(), randomUUID()];

/** mulberry32: a small seeded generator, so the history is the same on every run. */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Row = typeof events.$inferInsert;
const emptyExpected = () => ({
  views: 0,
  offers: 0,
  heldOut: 0,
  plays: 0,
  wins: 0,
  redemptions: 0,
  orders: 0,
  revenue: 0,
  rewardCost: 0,
  offeredSessions: 0,
  playedSessions: 0,
  offeredUnits: 0,
  offeredConverted: 0,
  offeredRevenue: 0,
  offeredOrders: 0,
  holdoutUnits: 0,
  holdoutConverted: 0,
  abandoned: 0,
  sent: 0,
  clicked: 0,
  recovered: 0,
  recoveredRevenue: 0,
  visits: 0,
  conversions: 0,
});

function generate(customers: number) {
  const rand = seeded(20260301);
  const pick = (p: number) => rand() < p;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const rows: Row[] = [];
  const all = emptyExpected();
  const perCampaign = new Map(CAMPAIGNS.map((c) => [c, emptyExpected()]));
  let k = 0;
  // Keys as Playcart writes them where the KPIs read them: a checkout view per session and
  // cart, an offer per campaign, session and cart (a campaign's checkouts are found by them).
  const add = (type: string, at: Date, extra: Partial<Row> = {}, key = String(k++)) =>
    rows.push({ eventKey: `${type}:${key}`, type, occurredAt: at, ...extra });
  const span = TO.getTime() - FROM.getTime();

  for (let i = 0; i < customers; i++) {
    const session = `sess-${i}`;
    const campaign = CAMPAIGNS[i % 2];
    const mine = perCampaign.get(campaign)!;
    // Exposure from an hour in to 80% of the month, so earlier and later events stay in range.
    const t0 = FROM.getTime() + 3_600_000 + Math.floor(rand() * span * 0.8);
    const at = (offsetMin: number) => new Date(t0 + offsetMin * 60_000);

    // Noise outside the range: counted nowhere.
    if (pick(0.05))
      add("checkout.viewed", new Date(FROM.getTime() - int(1, 100) * 3_600_000), {
        sessionRef: session,
        valueMinor: 1000,
      });
    if (pick(0.03))
      add("order.paid", new Date(TO.getTime() + int(0, 100) * 60_000), { sessionRef: session, valueMinor: 999 });

    const views = int(1, 2);
    for (let v = 0; v < views; v++)
      add("checkout.viewed", at(v), { sessionRef: session, valueMinor: 2000 }, `${session}:cart-${v}`);
    all.views += views;

    // An order before the exposure: in the store's revenue, not in the lift.
    if (pick(0.04)) {
      const value = int(500, 3000);
      add("order.paid", at(-30), { sessionRef: session, valueMinor: value });
      all.orders += 1;
      all.revenue += value;
    }

    const held = pick(0.1);
    add(
      held ? "game.held_out" : "game.offered",
      at(1),
      { sessionRef: session, campaignId: campaign },
      `${campaign}:${session}:cart-0`,
    );
    for (const e of [all, mine]) {
      if (held) {
        e.heldOut += 1;
        e.holdoutUnits += 1;
      } else {
        e.offers += 1;
        e.offeredSessions += 1;
        e.offeredUnits += 1;
      }
    }

    if (!held && pick(0.6)) {
      const count = int(1, 2);
      for (const e of [all, mine]) e.playedSessions += 1;
      for (let p = 0; p < count; p++) {
        const won = pick(0.5);
        const cost = won ? int(1, 5) * 100 : 0;
        add("game.played", at(2 + p), {
          sessionRef: session,
          campaignId: campaign,
          valueMinor: cost,
          payload: { won },
        });
        for (const e of [all, mine]) {
          e.plays += 1;
          if (won) {
            e.wins += 1;
            e.rewardCost += cost;
          }
        }
        if (won && pick(0.5)) {
          add("reward.redeemed", at(10 + p), { sessionRef: session, campaignId: campaign });
          for (const e of [all, mine]) e.redemptions += 1;
        }
      }
    }

    if (pick(held ? 0.2 : 0.3)) {
      const orders = pick(0.1) ? 2 : 1;
      let value = 0;
      for (let o = 0; o < orders; o++) {
        const v = int(1000, 9000);
        value += v;
        add("order.paid", at(20 + o), { sessionRef: session, valueMinor: v });
      }
      all.orders += orders;
      all.revenue += value;
      for (const e of [all, mine]) {
        if (held) e.holdoutConverted += 1;
        else {
          e.offeredConverted += 1;
          e.offeredRevenue += value;
          e.offeredOrders += orders;
        }
      }
    } else if (pick(0.3)) {
      add("cart.abandoned", at(40), { sessionRef: session });
      all.abandoned += 1;
      const sent = int(1, 3);
      for (let s = 0; s < sent; s++) add("reminder.sent", at(100 + s), { sessionRef: session });
      all.sent += sent;
      if (pick(0.4)) {
        add("reminder.clicked", at(200), { sessionRef: session });
        all.clicked += 1;
        if (pick(0.5)) {
          const v = int(1000, 5000);
          add("order.recovered", at(210), { sessionRef: session, valueMinor: v });
          all.recovered += 1;
          all.recoveredRevenue += v;
        }
      }
    }

    if (pick(0.1)) {
      add("referral.visited", at(300), { sessionRef: `ref-${i}` });
      all.visits += 1;
      if (pick(0.3)) {
        add("referral.converted", at(400), { sessionRef: `ref-${i}` });
        all.conversions += 1;
      }
      // The referrer opening their own link: not reach.
      if (pick(0.2)) add("referral.visited", at(310), { sessionRef: `own-${i}`, payload: { own: true } });
    }
  }
  return { rows, all, perCampaign };
}

let db: Db;
let drop: () => Promise<void>;
let history: ReturnType<typeof generate>;

beforeAll(async () => {
  ({ db, drop } = await createTestDatabase());
  history = generate(10_000);
  for (let i = 0; i < history.rows.length; i += 2000) await db.insert(events).values(history.rows.slice(i, i + 2000));
  // Statistics for the freshly loaded table, as autovacuum would gather on a live store.
  await db.execute(sql`ANALYZE`);
}, 120_000);
afterAll(async () => {
  await drop?.();
});

const rate = (a: number, b: number) => (b > 0 ? a / b : null);

describe("KPIs over 10,000 generated customers", () => {
  // ~60,000 events: generous timeouts for a loaded machine.
  it("store-wide figures equal the independent counts", { timeout: 180_000 }, async () => {
    const e = history.all;
    expect(history.rows.length).toBeGreaterThan(40_000);
    const r = await kpiReport(db, { from: FROM, to: TO, timeZone: TZ });
    expect(r.funnel).toEqual({
      views: e.views,
      offers: e.offers,
      plays: e.plays,
      wins: e.wins,
      redemptions: e.redemptions,
      orders: e.orders,
      revenueMinor: e.revenue,
    });
    expect(r.heldOut).toBe(e.heldOut);
    expect(r.rewardCostMinor).toBe(e.rewardCost);
    expect(r.participationRate).toBeCloseTo(e.playedSessions / e.offeredSessions, 12);
    expect(r.conversion.offered).toEqual({
      units: e.offeredUnits,
      converted: e.offeredConverted,
      rate: e.offeredConverted / e.offeredUnits,
    });
    expect(r.conversion.holdout).toEqual({
      units: e.holdoutUnits,
      converted: e.holdoutConverted,
      rate: e.holdoutConverted / e.holdoutUnits,
    });
    // The interval, from the textbook formula written out here.
    const p1 = e.offeredConverted / e.offeredUnits,
      p0 = e.holdoutConverted / e.holdoutUnits;
    const se = Math.sqrt((p1 * (1 - p1)) / e.offeredUnits + (p0 * (1 - p0)) / e.holdoutUnits);
    expect(r.conversion.interval!.difference).toBeCloseTo(p1 - p0, 12);
    expect(r.conversion.interval!.low).toBeCloseTo(p1 - p0 - 1.96 * se, 12);
    expect(r.conversion.interval!.high).toBeCloseTo(p1 - p0 + 1.96 * se, 12);
    // The generator converts 30% offered vs 20% held out: the interval must exclude 0.
    expect(r.conversion.interval!.low).toBeGreaterThan(0);
    expect(r.revenuePerCheckoutMinor).toBeCloseTo(e.revenue / e.views, 9);
    expect(r.abandonment).toEqual({ abandoned: e.abandoned, rate: rate(e.abandoned, e.views) });
    expect(r.reminders).toEqual({
      sent: e.sent,
      clicked: e.clicked,
      recovered: e.recovered,
      recoveryRate: rate(e.recovered, e.abandoned),
      revenueRecoveredMinor: e.recoveredRevenue,
    });
    expect(r.referrals).toEqual({
      visits: e.visits,
      conversions: e.conversions,
      conversionRate: rate(e.conversions, e.visits),
      // No customer ids or paid orders in this history: participation has nothing to count.
      sharers: 0,
      customers: 0,
      participationRate: rate(0, 0),
    });
    expect(r.daily.reduce((s, d) => s + d.plays, 0)).toBe(e.plays);
    expect(r.daily.reduce((s, d) => s + d.revenueMinor, 0)).toBe(e.revenue);
  });

  it("per-campaign figures equal the independent counts", { timeout: 180_000 }, async () => {
    for (const id of CAMPAIGNS) {
      const e = history.perCampaign.get(id)!;
      const r = await kpiReport(db, { from: FROM, to: TO, timeZone: TZ, campaignId: id });
      // Its checkout views are the checkouts that showed its game; its orders, those that
      // followed its game in the same session (held-out sessions saw no game).
      expect(r.funnel).toEqual({
        views: e.offers,
        offers: e.offers,
        plays: e.plays,
        wins: e.wins,
        redemptions: e.redemptions,
        orders: e.offeredOrders,
        revenueMinor: e.offeredRevenue,
      });
      expect(r.rewardCostMinor).toBe(e.rewardCost);
      expect(r.conversion.offered.converted).toBe(e.offeredConverted);
      expect(r.conversion.holdout).toEqual({
        units: e.holdoutUnits,
        converted: e.holdoutConverted,
        rate: e.holdoutConverted / e.holdoutUnits,
      });
      expect(r.participationRate).toBeCloseTo(e.playedSessions / e.offeredSessions, 12);
      expect(r.heldOut).toBe(e.heldOut);
      expect(r.revenuePerCheckoutMinor).toBeCloseTo(e.offeredRevenue / e.offers, 9);
      // The chart's, the table's and the CSV's days are the campaign's: they add up to its tiles.
      const total = (k: "views" | "offers" | "plays" | "wins" | "orders" | "revenueMinor") =>
        r.daily.reduce((s, d) => s + d[k], 0);
      expect(r.daily.length).toBeGreaterThan(20);
      expect({
        views: total("views"),
        offers: total("offers"),
        plays: total("plays"),
        wins: total("wins"),
        orders: total("orders"),
        revenueMinor: total("revenueMinor"),
      }).toEqual({
        views: e.offers,
        offers: e.offers,
        plays: e.plays,
        wins: e.wins,
        orders: e.offeredOrders,
        revenueMinor: e.offeredRevenue,
      });
      // Not the store's: the store's days count every view and order.
      const store = await kpiReport(db, { from: FROM, to: TO, timeZone: TZ });
      expect(store.daily.reduce((s, d) => s + d.views, 0)).toBe(history.all.views);
      expect(total("views")).toBeLessThan(history.all.views);
    }
  });

  it("an empty range gives zeros and no rates", { timeout: 60_000 }, async () => {
    const r = await kpiReport(db, {
      from: new Date("2020-01-01T00:00:00Z"),
      to: new Date("2020-02-01T00:00:00Z"),
      timeZone: TZ,
    });
    expect(r.funnel.views).toBe(0);
    expect(r.participationRate).toBeNull();
    expect(r.conversion.interval).toBeNull();
    expect(liftInterval({ units: 0, converted: 0, rate: null }, { units: 1, converted: 0, rate: 0 })).toBeNull();
  });
});

describe("reward cost is consistent with the prizes and rewards", () => {
  it("equals the cost of the prizes won and counts one reward per win", { timeout: 120_000 }, async () => {
    const [c] = await db
      .insert(campaigns)
      .values({
        slug: `k-${randomUUID()}`,
        name: "Cost check",
        gameType: "spin_wheel",
        placement: "checkout_returning",
        status: "live",
        rewardScope: "next_order",
        holdoutPercent: 0,
        allowance: { default: 50 },
      })
      .returning();
    await db.insert(prizes).values([
      {
        campaignId: c.id,
        position: 0,
        label: "$3 off",
        weight: 1,
        rewardType: "amount_off",
        rewardValue: 300,
        costMinor: 300,
      },
      {
        campaignId: c.id,
        position: 1,
        label: "$1 off",
        weight: 1,
        rewardType: "amount_off",
        rewardValue: 100,
        costMinor: 100,
      },
      { campaignId: c.id, position: 2, label: "Nothing", weight: 1, rewardType: "none", rewardValue: 0 },
    ]);
    const now = new Date("2026-05-02T10:00:00Z");
    const shopper = { email: "cost@example.test", sessionRef: "cost-session", deviceId: "cost-device" };
    for (let i = 0; i < 30; i++)
      await play(db, {
        campaignId: c.id,
        requestId: randomUUID(),
        shopper,
        cart: { valueMinor: 1000, itemCount: 1, categories: [] },
        now,
        timeZone: TZ,
      });
    // Plays are logged at the play's own clock: the report for that day finds all 30.
    const r = await kpiReport(db, {
      from: new Date(now.getTime() - 86_400_000),
      to: new Date(now.getTime() + 86_400_000),
      timeZone: TZ,
      campaignId: c.id,
    });
    // Counted independently of the events: each won play at its prize's cost.
    const [awarded] = await db
      .select({ v: sql<number>`coalesce(sum(${prizes.costMinor}), 0)::int` })
      .from(plays)
      .innerJoin(prizes, eq(prizes.id, plays.prizeId))
      .where(and(eq(plays.campaignId, c.id), eq(plays.won, 1)));
    const table = await db.select().from(prizes).where(eq(prizes.campaignId, c.id));
    const tallied = await withPrizeTallies(db, c.id, table);
    expect(tallied.reduce((s, p) => s + p.valueAwardedMinor, 0)).toBe(awarded.v);
    const [issued] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(rewards)
      .where(eq(rewards.campaignId, c.id));
    expect(r.funnel.plays).toBe(30);
    expect(r.rewardCostMinor).toBe(awarded.v);
    expect(r.funnel.wins).toBe(issued.n);
    expect(r.funnel.wins).toBeGreaterThan(0);
  });
});

// Forecast before launch on a real Postgres: a week of checkout visits and paid orders is
// written to Playcart's own tables, a campaign is created from the "weekend spin for VIPs"
// template, and the forecast's figures must equal what is worked out here by hand from the
// template's table (the query reads each shopper's tier as it stood at the visit).
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { setCampaignStatus } from "playcart/internal/admin/campaign-admin";
import { createCampaignFromTemplate } from "playcart/internal/admin/campaign-template-admin";
import { hasPublishedCampaign, setupChecklist } from "playcart/internal/admin/setup-checklist";
import { runForecast } from "playcart/internal/insights/forecast-query";
import { auditLog, campaigns, customers, events, orderRewards } from "playcart/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../support/pg";

const TZ = "Europe/Berlin";
// Tuesday 10 March 2026: the last 7 store days are Tuesday 3 to Monday 9 March.
const NOW = new Date("2026-03-10T10:00:00Z");
const clock = { now: NOW, timeZone: TZ };

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let campaignId: string;

const ids = { gold: randomUUID(), plat: randomUUID(), green: randomUUID(), rising: randomUUID() };

async function seed() {
  const db = t.db;
  await db.insert(customers).values(Object.entries(ids).map(([name, id]) => ({ id, email: `${name}@example.test` })));
  const order = (customerId: string, amount: number, paidAt: string, refunded = 0) => ({
    orderRef: randomUUID(),
    customerId,
    currency: "usd",
    amountPaidMinor: amount,
    amountRefundedMinor: refunded,
    pointsBase: 1,
    paidAt: new Date(paidAt),
  });
  await db.insert(orderRewards).values([
    order(ids.gold, 25_000, "2026-02-01T12:00:00Z"), // Gold (20,000 in the trailing year)
    order(ids.plat, 65_000, "2026-01-15T12:00:00Z", 5_000), // 60,000 net: Platinum
    order(ids.green, 5_000, "2026-02-01T12:00:00Z"), // Green
    order(ids.rising, 15_000, "2026-02-01T12:00:00Z"), // Green until...
    order(ids.rising, 6_000, "2026-03-07T15:00:00Z"), // ...this order on Saturday: Gold from then on
  ]);
  let n = 0;
  const view = (customerId: string | null, at: string, type = "checkout.viewed") => ({
    eventKey: `${type}:forecast-${n++}`,
    type,
    customerId,
    sessionRef: customerId ? null : `guest-${n}`,
    valueMinor: 3000,
    payload: { cart: { valueMinor: 3000, itemCount: 2, categories: ["coffee"] }, signedIn: true },
    occurredAt: new Date(at),
  });
  await db.insert(events).values([
    view(ids.gold, "2026-03-06T17:00:00Z"), // Fri 18:00: Gold, 2 plays
    view(ids.gold, "2026-03-06T19:00:00Z"), // Fri 20:00: same window, no more plays
    view(ids.rising, "2026-03-06T17:30:00Z"), // Fri: still Green, not a VIP
    view(ids.plat, "2026-03-07T16:00:00Z"), // Sat 17:00: Platinum, 3 plays
    view(ids.rising, "2026-03-07T16:00:00Z"), // Sat 17:00: Gold now, 2 plays
    view(ids.gold, "2026-03-07T10:00:00Z"), // Sat 11:00: before the window opens
    view(ids.green, "2026-03-08T18:00:00Z"), // Sun 19:00: Green
    view(null, "2026-03-08T18:05:00Z"), // a guest: first tier
    view(ids.plat, "2026-03-08T18:30:00Z"), // Sun 19:30: Platinum, 3 plays
    view(ids.plat, "2026-03-01T18:00:00Z"), // the Sunday before the range
    view(ids.plat, "2026-03-08T18:40:00Z", "game.offered"), // not a checkout view
  ]);
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seed();
  campaignId = await createCampaignFromTemplate(t.db, "owner@example.test", "weekend-spin-vips", clock);
});
afterAll(() => t?.drop());

// The template's table: 15% off (weight 20, cost 450), $5 off (40, 500), 50 points (25, 50),
// no prize (15). Per play: 85/100 wins, (20×450 + 40×500 + 25×50) / 100 = 302.5 cost.
// Plays offered: Fri 2 (Gold), Sat 3 + 2, Sun 3; the 10% holdout keeps 0.9 of each.
const WIN = 0.85;
const COST = 302.5;
const offered = { "2026-03-06": 2, "2026-03-07": 5, "2026-03-08": 3 } as Record<string, number>;

describe("forecast over real checkout visits", () => {
  it("replays tiers as they stood, windows in store time and one allowance per window", async () => {
    const f = await runForecast(t.db, { campaignId, days: 7, now: NOW, timeZone: TZ });
    expect(f.days.map((d) => d.day)).toEqual([
      "2026-03-03",
      "2026-03-04",
      "2026-03-05",
      "2026-03-06",
      "2026-03-07",
      "2026-03-08",
      "2026-03-09",
    ]);
    for (const d of f.days) {
      const plays = (offered[d.day] ?? 0) * 0.9;
      expect(d.plays, d.day).toBeCloseTo(plays, 9);
      expect(d.wins, d.day).toBeCloseTo(plays * WIN, 9);
      expect(d.costMinor, d.day).toBeCloseTo(plays * COST, 9);
    }
    expect(f.days.map((d) => [d.visits, d.shoppers])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
      [2, 1],
      [2, 2],
      [1, 1],
      [0, 0],
    ]);
    expect(f.totals.plays).toBeCloseTo(9, 9);
    expect(f.totals.wins).toBeCloseTo(7.65, 9);
    expect(f.totals.costMinor).toBeCloseTo(2722.5, 9);
  });

  it("burns a total budget day by day and says when it runs out", async () => {
    const f = await runForecast(t.db, { campaignId, days: 7, now: NOW, timeZone: TZ, budget: { totalMinor: 2000 } });
    const day = (d: string) => f.days.find((x) => x.day === d)!;
    expect(day("2026-03-06").budgetLeftMinor).toBeCloseTo(2000 - 1.8 * COST, 9);
    expect(day("2026-03-07").budgetLeftMinor).toBeCloseTo(2000 - 6.3 * COST, 9);
    expect(day("2026-03-08").plays).toBeCloseTo((2000 - 6.3 * COST) / COST, 9);
    expect(day("2026-03-08").budgetLeftMinor).toBeCloseTo(0, 9);
    expect(f.budgetSpentOn).toBe("2026-03-08");
    expect(f.totals.costMinor).toBeCloseTo(2000, 9);
  });

  it("burns the campaign's own budget when the owner types none, counting what it has spent", async () => {
    await t.db
      .update(campaigns)
      .set({ budgetTotalMinor: 2500, budgetSpentMinor: 500 })
      .where(eq(campaigns.id, campaignId));
    try {
      const f = await runForecast(t.db, { campaignId, days: 7, now: NOW, timeZone: TZ });
      expect(f.days.find((x) => x.day === "2026-03-06")!.budgetLeftMinor).toBeCloseTo(2000 - 1.8 * COST, 9);
      expect(f.budgetSpentOn).toBe("2026-03-08");
      expect(f.totals.costMinor).toBeCloseTo(2000, 9);
    } finally {
      await t.db
        .update(campaigns)
        .set({ budgetTotalMinor: null, budgetSpentMinor: 0 })
        .where(eq(campaigns.id, campaignId));
    }
  });

  it("reads the cart each checkout view recorded", async () => {
    // Every seeded view had 2 items: an audience of carts with 3 or more keeps none of them.
    const [row] = await t.db.select().from(campaigns).where(eq(campaigns.id, campaignId));
    const withItems = (n: number) => ({ and: [row.audience, { ">=": [{ var: "cart.itemCount" }, n] }] });
    await t.db
      .update(campaigns)
      .set({ audience: withItems(3) })
      .where(eq(campaigns.id, campaignId));
    expect((await runForecast(t.db, { campaignId, days: 7, now: NOW, timeZone: TZ })).totals.visits).toBe(0);
    await t.db
      .update(campaigns)
      .set({ audience: withItems(2) })
      .where(eq(campaigns.id, campaignId));
    expect((await runForecast(t.db, { campaignId, days: 7, now: NOW, timeZone: TZ })).totals.visits).toBe(5);
    await t.db.update(campaigns).set({ audience: row.audience }).where(eq(campaigns.id, campaignId));
  });

  it("refuses a campaign that does not exist", async () => {
    await expect(runForecast(t.db, { campaignId: randomUUID(), days: 7, now: NOW, timeZone: TZ })).rejects.toThrow(
      "no longer exists",
    );
  });
});

describe("templates and the first-run checklist", () => {
  it("creates each template as a draft, under a free slug the second time", async () => {
    const [first] = await t.db.select().from(campaigns).where(eq(campaigns.id, campaignId));
    expect(first).toMatchObject({ slug: "weekend-spin-vips", status: "draft", placement: "checkout_returning" });
    const again = await createCampaignFromTemplate(t.db, "owner@example.test", "weekend-spin-vips", clock);
    const [second] = await t.db.select().from(campaigns).where(eq(campaigns.id, again));
    expect(second.slug).toBe("weekend-spin-vips-2");
    const created = await t.db.select().from(auditLog).where(eq(auditLog.action, "campaign.create"));
    expect(created.map((a) => a.entityId)).toEqual(expect.arrayContaining([campaignId, again]));
  });

  it("ticks the first campaign once an owner publishes one", async () => {
    const facts = {
      timeZone: { value: TZ, set: true, how: "" },
      currency: { value: "USD", set: false, how: "Set STORE_CURRENCY" },
      emailSender: { value: "store@example.test", set: false, how: "Set SMTP_URL" },
    };
    const before = await setupChecklist(t.db, facts);
    expect(before.map((i) => [i.key, i.done])).toEqual([
      ["time-zone", true],
      ["currency", false],
      ["email-sender", false],
      ["first-campaign", false],
    ]);
    expect(before[1]).toMatchObject({ detail: "USD (the default)", how: "Set STORE_CURRENCY" });
    await setCampaignStatus(t.db, "owner@example.test", campaignId, "live", clock);
    expect(await hasPublishedCampaign(t.db)).toBe(true);
    expect((await setupChecklist(t.db, facts)).find((i) => i.key === "first-campaign")?.done).toBe(true);
  });
});

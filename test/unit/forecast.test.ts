// The forecast replay: every expected figure below is worked out by hand from the visits and
// the prize table written here, then compared with what the module computes.
import { DEFAULT_SETTINGS } from "playcart/internal/core/settings";
import {
  type ForecastCampaign,
  type ForecastVisit,
  forecastCampaign,
  forecastRange,
} from "playcart/internal/insights/forecast";
import { drawDay, drawState, type ForecastPrize } from "playcart/internal/insights/forecast-draws";
import { describe, expect, it } from "vitest";

const TZ = "Europe/Berlin";
// Tuesday 10 March 2026, 11:00 in Berlin: the last 7 store days are 3-9 March.
const NOW = new Date("2026-03-10T10:00:00Z");

const prize = (p: Partial<ForecastPrize> & Pick<ForecastPrize, "label" | "weight">): ForecastPrize => ({
  rewardType: "percent_off",
  costMinor: 0,
  inventory: null,
  budgetValueMinor: null,
  dailyCap: null,
  wins: 0,
  valueAwardedMinor: 0,
  ...p,
});

// Half the weight wins: 10% off (costs 300) or $5 off (costs 500). Per play: 0.5 wins, 200 cost.
const TABLE = [
  prize({ label: "10% off", weight: 1, costMinor: 300 }),
  prize({ label: "$5 off", weight: 1, rewardType: "amount_off", costMinor: 500 }),
  prize({ label: "No prize", weight: 2, rewardType: "none" }),
];

const campaign = (c: Partial<ForecastCampaign> = {}): ForecastCampaign => ({
  audience: { "==": [{ var: "customer.firstPurchase" }, true] },
  windows: [],
  allowance: { default: 1 },
  lifetimeLimit: null,
  holdoutPercent: 10,
  season: null,
  prizes: TABLE,
  ...c,
});

const history = (paidOrders: number, trailingSpendMinor = 0): ForecastVisit["history"] => ({
  paidOrders,
  netSpendMinor: trailingSpendMinor,
  trailingSpendMinor,
  firstPaidAt: paidOrders ? new Date("2026-01-01T00:00:00Z") : null,
  lastPaidAt: paidOrders ? new Date("2026-02-01T00:00:00Z") : null,
  ordersWithReward: 0,
});

const visit = (at: string, identity: string, h: ForecastVisit["history"] = null, valueMinor = 2000): ForecastVisit => ({
  at: new Date(at),
  identity,
  signedIn: false,
  cart: { valueMinor, itemCount: 1, categories: ["coffee"] },
  history: h,
});

const options = { days: 7, now: NOW, timeZone: TZ, settings: DEFAULT_SETTINGS };
const day = (f: ReturnType<typeof forecastCampaign>, date: string) => f.days.find((d) => d.day === date)!;

describe("forecastRange", () => {
  it("is the last N whole store days before today, at store midnight", () => {
    const r = forecastRange(NOW, 7, TZ);
    expect(r.dates).toEqual([
      "2026-03-03",
      "2026-03-04",
      "2026-03-05",
      "2026-03-06",
      "2026-03-07",
      "2026-03-08",
      "2026-03-09",
    ]);
    expect(r.from.toISOString()).toBe("2026-03-02T23:00:00.000Z");
    expect(r.to.toISOString()).toBe("2026-03-09T23:00:00.000Z");
  });
});

describe("forecastCampaign", () => {
  const visits = [
    visit("2026-03-03T09:00:00Z", "s1"), // new shopper: 1 play on 3 March
    visit("2026-03-03T15:00:00Z", "s1"), // same store day: a visit, no new plays
    visit("2026-03-03T23:30:00Z", "s1"), // 00:30 on 4 March in Berlin: a new day, 1 play
    visit("2026-03-05T10:00:00Z", "c1", history(2)), // has ordered: outside the audience
    visit("2026-03-05T11:00:00Z", "c2", history(0)), // known, no orders yet: 1 play
    visit("2026-03-02T22:30:00Z", "s2"), // 23:30 on 2 March: before the range
    visit("2026-03-09T23:30:00Z", "s3"), // 00:30 today: after the range
  ];

  it("replays audience, store days and allowance; plays, wins and cost are expected values", () => {
    const f = forecastCampaign(campaign(), visits, options);
    // Per day offered: 1 play; 10% holdout leaves 0.9; half wins (0.45); cost 0.9 × 200 = 180.
    for (const date of ["2026-03-03", "2026-03-04", "2026-03-05"]) {
      expect(day(f, date).plays).toBeCloseTo(0.9, 9);
      expect(day(f, date).wins).toBeCloseTo(0.45, 9);
      expect(day(f, date).costMinor).toBeCloseTo(180, 9);
    }
    expect(day(f, "2026-03-03")).toMatchObject({ visits: 2, shoppers: 1 });
    expect(day(f, "2026-03-05")).toMatchObject({ visits: 1, shoppers: 1 });
    for (const date of ["2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09"])
      expect(day(f, date)).toMatchObject({ visits: 0, plays: 0, wins: 0, costMinor: 0 });
    expect(f.totals.visits).toBe(4);
    expect(f.totals.plays).toBeCloseTo(2.7, 9);
    expect(f.totals.wins).toBeCloseTo(1.35, 9);
    expect(f.totals.costMinor).toBeCloseTo(540, 9);
    expect(day(f, "2026-03-05").cumulativeCostMinor).toBeCloseTo(540, 9);
    // Each prize's share: 2.7 plays × 1/4 = 0.675 of each winning prize, 1.35 of "No prize".
    expect(f.prizes.map((p) => p.wins)).toEqual([
      expect.closeTo(0.675, 9),
      expect.closeTo(0.675, 9),
      expect.closeTo(1.35, 9),
    ]);
    expect(f.budgetSpentOn).toBeNull();
    expect(day(f, "2026-03-03").budgetLeftMinor).toBeNull();
  });

  it("scales plays by the play rate and the holdout", () => {
    const f = forecastCampaign(campaign({ holdoutPercent: 0 }), visits, { ...options, playRate: 0.5 });
    expect(f.totals.plays).toBeCloseTo(1.5, 9);
    expect(f.totals.costMinor).toBeCloseTo(300, 9);
    expect(f.assumptions).toEqual({ playRate: 0.5, holdoutPercent: 0 });
  });

  it("opens only in weekly windows and gives each tier its plays, up to the lifetime limit", () => {
    const c = campaign({
      audience: true,
      holdoutPercent: 0,
      windows: [{ weekday: 6, start: "10:00", end: "12:00" }],
      allowance: { default: 1, byTier: { gold: 3 } },
    });
    const saturday = [
      visit("2026-03-07T09:30:00Z", "gold", history(3, 25_000)), // 10:30 Saturday, Gold: 3 plays
      visit("2026-03-07T09:45:00Z", "green", history(1, 5_000)), // Green: 1 play
      visit("2026-03-07T11:30:00Z", "late", history(1, 5_000)), // 12:30: the window has closed
      visit("2026-03-06T09:30:00Z", "friday"), // Friday: no window
    ];
    const f = forecastCampaign(c, saturday, options);
    expect(day(f, "2026-03-07")).toMatchObject({ visits: 2, shoppers: 2, plays: 4 });
    expect(day(f, "2026-03-07").costMinor).toBeCloseTo(800, 9);
    expect(f.totals.visits).toBe(2);

    const capped = forecastCampaign({ ...c, lifetimeLimit: 2 }, saturday, options);
    expect(day(capped, "2026-03-07").plays).toBe(3); // Gold's 3 capped at 2, plus Green's 1
  });

  it("keeps the audience's cart condition", () => {
    const c = campaign({ audience: { ">=": [{ var: "cart.valueMinor" }, 5000] }, holdoutPercent: 0 });
    const f = forecastCampaign(
      c,
      [visit("2026-03-04T10:00:00Z", "small", null, 4999), visit("2026-03-04T10:00:00Z", "big", null, 5000)],
      options,
    );
    expect(day(f, "2026-03-04")).toMatchObject({ visits: 1, shoppers: 1, plays: 1 });
  });

  it("stops on the day the campaign budget runs out, and compares each day with a daily budget", () => {
    // 10 new shoppers a day on 3 and 4 March, 200 cost per play: 2,000 a day unbudgeted.
    const many = ["2026-03-03", "2026-03-04"].flatMap((d) =>
      Array.from({ length: 10 }, (_, i) => visit(`${d}T10:00:00Z`, `${d}-${i}`)),
    );
    const c = campaign({ holdoutPercent: 0 });
    const total = forecastCampaign(c, many, { ...options, budget: { totalMinor: 3000, spentMinor: 500 } });
    // 2,500 left: 2,000 on 3 March, the last 500 (2.5 plays) on 4 March, then paused.
    expect(day(total, "2026-03-03")).toMatchObject({ plays: 10, costMinor: 2000, budgetLeftMinor: 500 });
    expect(day(total, "2026-03-04").plays).toBeCloseTo(2.5, 9);
    expect(day(total, "2026-03-04").costMinor).toBeCloseTo(500, 9);
    expect(day(total, "2026-03-04").stoppedBy).toBe("budget");
    expect(total.budgetSpentOn).toBe("2026-03-04");
    expect(total.totals.costMinor).toBeCloseTo(2500, 9);

    const daily = forecastCampaign(c, many, { ...options, budget: { dailyMinor: 1000 } });
    for (const date of ["2026-03-03", "2026-03-04"]) {
      expect(day(daily, date)).toMatchObject({ plays: 5, costMinor: 1000, stoppedBy: "daily_budget" });
      expect(day(daily, date).dailyBudgetShare).toBeCloseTo(1, 9);
    }
    expect(day(daily, "2026-03-05").dailyBudgetShare).toBe(0);
  });
});

describe("drawDay", () => {
  it("moves the plays to the other prizes once a daily cap is reached", () => {
    const state = drawState(
      [
        prize({ label: "A", weight: 1, costMinor: 100, dailyCap: 2 }),
        prize({ label: "B", weight: 1, rewardType: "none" }),
      ],
      null,
    );
    // A's 2 wins take 4 plays (half each); the other 6 plays all draw B.
    const d = drawDay(state, 10, null);
    expect(d.plays).toBeCloseTo(10, 9);
    expect(d.winsByPrize).toEqual([expect.closeTo(2, 9), expect.closeTo(8, 9)]);
    expect(d.wins).toBeCloseTo(2, 9);
    expect(d.costMinor).toBeCloseTo(200, 9);
    // The cap is per day: the next day A is back.
    expect(drawDay(state, 2, null).winsByPrize).toEqual([expect.closeTo(1, 9), expect.closeTo(1, 9)]);
  });

  it("counts stock and a prize's value budget in whole wins, and stops when nothing is left", () => {
    const state = drawState(
      [
        prize({ label: "A", weight: 1, costMinor: 300, inventory: 5, wins: 4 }), // 1 left
        prize({ label: "B", weight: 1, costMinor: 400, budgetValueMinor: 1000, valueAwardedMinor: 100 }), // 2 wins left
      ],
      null,
    );
    const d = drawDay(state, 10, null);
    expect(d.winsByPrize).toEqual([expect.closeTo(1, 9), expect.closeTo(2, 9)]);
    expect(d.plays).toBeCloseTo(3, 9);
    expect(d.stoppedBy).toBe("sold_out");
    expect(d.costMinor).toBeCloseTo(1100, 9);
  });
});

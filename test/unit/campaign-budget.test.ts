// Campaign budgets as the owner sets them: typed in money, every impossible budget refused at
// its own field with nothing saved, the meter's figures, the first budget of a running campaign
// counting what its wins already cost, and a spent campaign that cannot be published again.
// Free-product prizes name a product of the store's catalog.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { CampaignInputError, saveCampaign, setCampaignStatus } from "playcart/internal/admin/campaign-admin";
import { runAdminAction } from "playcart/internal/admin-ui/run-action";
import { budgetCovers, budgetMeter, budgetSpent, cheapestWin } from "playcart/internal/games/budget";
import { campaignDraftSchema, draftErrors } from "playcart/internal/games/campaign-draft";
import { play } from "playcart/internal/games/play";
import { auditLog, campaigns, prizes } from "playcart/schema";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { createMemoryDb } from "../support/pglite";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() }));

const TZ = "America/New_York";
const CLOCK = { now: new Date("2026-06-13T15:00:00Z"), timeZone: TZ };
let db: Db;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await createMemoryDb());
});
afterAll(async () => {
  await close?.();
});

const prize = (over: Record<string, unknown> = {}) => ({
  label: "$5 off",
  weight: 1,
  rewardType: "amount_off",
  rewardValue: 500,
  costMinor: 500,
  budgetValueMinor: null,
  inventory: null,
  dailyCap: null,
  maxDiscountMinor: null,
  productRef: null,
  ...over,
});

function draft(over: Record<string, unknown> = {}) {
  return {
    name: "Budgeted wheel",
    slug: `budget-${randomUUID().slice(0, 8)}`,
    gameType: "spin_wheel",
    placement: "checkout_first_order",
    audience: true,
    startsAt: null,
    endsAt: null,
    windows: [],
    allowance: { default: 1 },
    lifetimeLimit: null,
    rewardScope: "this_order",
    rewardValidDays: 14,
    holdoutPercent: 0,
    budgetTotalMinor: 3_700,
    budgetDailyMinor: 1_500,
    prizes: [
      prize(),
      prize({ label: "$2 off", rewardValue: 200, costMinor: 200 }),
      prize({ label: "No luck", rewardType: "none", rewardValue: 0, costMinor: 0 }),
    ],
    ...over,
  };
}

const errorsOf = (input: unknown) => {
  const r = campaignDraftSchema.safeParse(input);
  return r.success ? {} : draftErrors(r.error);
};

describe("budget validation", () => {
  it("accepts a total and a daily budget, or none", () => {
    expect(errorsOf(draft())).toEqual({});
    expect(errorsOf(draft({ budgetTotalMinor: null, budgetDailyMinor: null }))).toEqual({});
    const { budgetTotalMinor, budgetDailyMinor, ...without } = draft();
    const parsed = campaignDraftSchema.parse(without);
    expect([parsed.budgetTotalMinor, parsed.budgetDailyMinor]).toEqual([null, null]);
  });

  it.each([
    // What the editor sends for text it could not read as money ("12.345", "$5", "ten").
    [{ budgetTotalMinor: "12.345" }, "budgetTotalMinor", "The total budget must be an amount, e.g. 250.00"],
    [{ budgetDailyMinor: "ten" }, "budgetDailyMinor", "The daily budget must be an amount, e.g. 250.00"],
    [{ budgetTotalMinor: 0 }, "budgetTotalMinor", "The total budget must be above 0 (leave it empty for no budget)"],
    [{ budgetTotalMinor: -500 }, "budgetTotalMinor", "The total budget must be above 0 (leave it empty for no budget)"],
    [{ budgetTotalMinor: 12.5 }, "budgetTotalMinor", "The total budget must be in whole cents"],
    [{ budgetTotalMinor: 2_000_000_000 }, "budgetTotalMinor", "The total budget is too large"],
    [{ budgetDailyMinor: 5_000 }, "budgetDailyMinor", "The daily budget is larger than the total"],
    [
      { budgetTotalMinor: 150 },
      "budgetTotalMinor",
      "The total budget is smaller than the cheapest win's cost: no prize that costs anything could be won",
    ],
    [
      { budgetDailyMinor: 199 },
      "budgetDailyMinor",
      "The daily budget is smaller than the cheapest win's cost: no prize that costs anything could be won",
    ],
  ])("%j is refused at %s", (over, field, message) => {
    expect(errorsOf(draft(over))[field]).toBe(message);
  });

  it("a budget smaller than a prize that cannot be drawn (weight 0) or costs nothing is fine", () => {
    const prizes = [prize({ weight: 0, costMinor: 10_000 }), prize({ costMinor: 100 })];
    expect(errorsOf(draft({ budgetTotalMinor: 100, budgetDailyMinor: null, prizes }))).toEqual({});
    expect(cheapestWin([{ rewardType: "none", costMinor: 50, weight: 1 }])).toBeNull();
  });
});

describe("the meter", () => {
  const budget = {
    budgetTotalMinor: 3_700,
    budgetDailyMinor: 1_500,
    budgetSpentMinor: 2_900,
    budgetDay: "2026-06-13",
    budgetDaySpentMinor: 1_400,
  };
  it("tells spent and left of the total and of today; another day's count reads as nothing spent today", () => {
    expect(budgetMeter(budget, "2026-06-13")).toEqual({
      totalMinor: 3_700,
      dailyMinor: 1_500,
      spentMinor: 2_900,
      todaySpentMinor: 1_400,
      leftMinor: 800,
      todayLeftMinor: 100,
    });
    expect(budgetMeter(budget, "2026-06-14")).toMatchObject({ todaySpentMinor: 0, todayLeftMinor: 1_500 });
  });
  it("says which budget stops the cheapest costly win", () => {
    const table = [
      { rewardType: "amount_off", costMinor: 500, weight: 1 },
      { rewardType: "amount_off", costMinor: 200, weight: 1 },
    ];
    expect(budgetSpent(budget, table, "2026-06-13")).toBe("daily");
    expect(budgetSpent(budget, table, "2026-06-14")).toBeNull();
    expect(budgetSpent({ ...budget, budgetSpentMinor: 3_600 }, table, "2026-06-14")).toBe("total");
    expect(budgetCovers(budget, "2026-06-14", 800)).toBe(true);
    expect(budgetCovers(budget, "2026-06-14", 801)).toBe(false);
    expect(budgetCovers(budget, "2026-06-13", 0)).toBe(true);
  });
});

const row = async (id: string) => (await db.select().from(campaigns).where(eq(campaigns.id, id)))[0];
const auditCount = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0].n;

describe("saving and publishing a budget", () => {
  it("a bad budget is refused at its field and nothing is saved", async () => {
    const id = await saveCampaign(db, "owner", null, draft(), CLOCK);
    const before = await row(id);
    const audits = await auditCount();
    const err = await saveCampaign(db, "owner", id, draft({ budgetTotalMinor: "abc", name: "Renamed" }), CLOCK).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(CampaignInputError);
    expect(err.fieldErrors).toEqual({ budgetTotalMinor: "The total budget must be an amount, e.g. 250.00" });
    expect(await row(id)).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it("a first budget counts what the campaign's wins already cost; a total below that is refused", async () => {
    const id = await saveCampaign(
      db,
      "owner",
      null,
      draft({ budgetTotalMinor: null, budgetDailyMinor: null, prizes: [prize()] }),
      CLOCK,
    );
    await setCampaignStatus(db, "owner", id, "live", CLOCK);
    for (const i of [1, 2, 3]) {
      const r = await play(db, {
        campaignId: id,
        requestId: randomUUID(),
        shopper: { email: `first-${i}-${id}@example.test`, deviceId: `d-${i}-${id}` },
        cart: { valueMinor: 5_000, itemCount: 1, categories: [] },
        now: CLOCK.now,
        timeZone: TZ,
      });
      expect(r.won).toBe(true);
    }
    expect((await row(id)).budgetSpentMinor).toBe(0); // no budget: no counter kept
    const slug = (await row(id)).slug;
    const stored = [prize({ id: (await db.select().from(prizes).where(eq(prizes.campaignId, id)))[0].id })];
    const low = await saveCampaign(
      db,
      "owner",
      id,
      draft({ slug, budgetTotalMinor: 1_000, budgetDailyMinor: null, prizes: stored }),
      CLOCK,
    ).catch((e) => e);
    expect(low.fieldErrors).toEqual({
      budgetTotalMinor: "The total budget is below what this campaign has already spent",
    });
    expect((await row(id)).budgetTotalMinor).toBeNull();

    await saveCampaign(
      db,
      "owner",
      id,
      draft({ slug, budgetTotalMinor: 2_000, budgetDailyMinor: null, prizes: stored }),
      CLOCK,
    );
    expect(await row(id)).toMatchObject({
      budgetTotalMinor: 2_000,
      budgetSpentMinor: 1_500,
      budgetDay: "2026-06-13",
      budgetDaySpentMinor: 1_500,
    });

    // The next win spends the last $5: the campaign pauses itself, and cannot be published again
    // until its budget is raised.
    await play(db, {
      campaignId: id,
      requestId: randomUUID(),
      shopper: { email: `first-4-${id}@example.test`, deviceId: `d-4-${id}` },
      cart: { valueMinor: 5_000, itemCount: 1, categories: [] },
      now: CLOCK.now,
      timeZone: TZ,
    });
    expect(await row(id)).toMatchObject({ status: "paused", budgetSpentMinor: 2_000 });
    const resume = await setCampaignStatus(db, "owner", id, "live", CLOCK).catch((e) => e);
    expect(resume.fieldErrors).toEqual({
      budgetTotalMinor: "The budget is spent: raise the total budget to resume the campaign",
    });
    expect((await row(id)).status).toBe("paused");
    const paused = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "campaign.pause")));
    expect(paused.map((a) => a.after)).toEqual([
      { status: "paused", reason: "budget_spent", budgetSpentMinor: 2_000, budgetTotalMinor: 2_000 },
    ]);

    await saveCampaign(
      db,
      "owner",
      id,
      draft({ slug, budgetTotalMinor: 3_000, budgetDailyMinor: null, prizes: stored }),
      CLOCK,
    );
    await setCampaignStatus(db, "owner", id, "live", CLOCK);
    expect(await row(id)).toMatchObject({ status: "live", budgetSpentMinor: 2_000 });
  });
});

describe("free-product prizes name a product of the catalog", () => {
  const config = {
    basePath: "/admin",
    db: () => db,
    authorize: async () => ({ actor: "owner@example.test" }),
    catalog: async () => ({
      categories: [],
      products: [
        { ref: "butter-croissant", name: "Butter croissant" },
        { ref: "house-blend", name: "House blend" },
      ],
    }),
  };
  const form = (productRef: string) => {
    const f = new FormData();
    f.set("id", "");
    f.set(
      "draft",
      JSON.stringify(
        draft({
          prizes: [
            prize({ label: "Free pastry", rewardType: "free_product", rewardValue: 0, costMinor: 300, productRef }),
          ],
        }),
      ),
    );
    return f;
  };

  it("a product the store does not sell is refused at its field, and nothing is created", async () => {
    const count = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(campaigns))[0].n;
    const before = await count();
    const state = await runAdminAction(config, "saveCampaign", { status: "idle" }, form("golden-mug"));
    expect(state).toMatchObject({
      status: "invalid",
      fieldErrors: { "prizes.0.productRef": "Choose a product from the store's catalog" },
    });
    expect(await count()).toBe(before);
  });

  it("a catalog product is saved", async () => {
    const state = await runAdminAction(config, "saveCampaign", { status: "idle" }, form("butter-croissant"));
    expect(state.status).toBe("ok");
  });
});

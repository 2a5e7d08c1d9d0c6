// Every template is a whole campaign the editor would accept: the same schema the server's
// save runs (parseDraft), for the default tiers and for a store with a single tier.
import { parseDraft } from "playcart/internal/admin/campaign-admin";
import { DEFAULT_SETTINGS } from "playcart/internal/core/settings";
import { evaluateCondition } from "playcart/internal/engine/conditions";
import { campaignDraftSchema } from "playcart/internal/games/campaign-draft";
import { CAMPAIGN_TEMPLATE_KEYS, campaignTemplates } from "playcart/internal/games/campaign-templates";
import { describe, expect, it } from "vitest";

const customer = (tier: string, paidOrders: number, firstPurchase: boolean) => ({
  customer: {
    known: true,
    paidOrders,
    firstPurchase,
    lifetimeSpendMinor: 0,
    trailingSpendMinor: 0,
    tier,
    signedIn: true,
  },
  cart: { valueMinor: 2000, itemCount: 1, categories: ["coffee"] },
  store: { date: "2026-03-07", weekday: 6, hour: 17 },
});

describe("campaign templates", () => {
  const tierSets = { default: DEFAULT_SETTINGS.tiers, single: [DEFAULT_SETTINGS.tiers[0]] };

  for (const [name, tiers] of Object.entries(tierSets))
    it(`are the four templates, each a valid campaign draft (${name} tiers)`, () => {
      const templates = campaignTemplates(tiers);
      expect(templates.map((t) => t.key)).toEqual([...CAMPAIGN_TEMPLATE_KEYS]);
      for (const t of templates) {
        const parsed = campaignDraftSchema.safeParse(t.draft);
        expect(parsed.error?.issues ?? [], t.key).toEqual([]);
        expect(parseDraft(t.draft)).toEqual(parsed.data);
        expect(t.draft.prizes.some((p) => p.weight > 0)).toBe(true);
      }
    });

  it("aims each template at its audience, placement and schedule", () => {
    const byKey = Object.fromEntries(campaignTemplates(DEFAULT_SETTINGS.tiers).map((t) => [t.key, t.draft]));
    const first = byKey["first-order-wheel"];
    expect(first).toMatchObject({
      gameType: "spin_wheel",
      placement: "checkout_first_order",
      rewardScope: "this_order",
    });
    expect(evaluateCondition(first.audience, customer("green", 0, true))).toBe(true);
    expect(evaluateCondition(first.audience, customer("green", 1, false))).toBe(false);

    const vip = byKey["weekend-spin-vips"];
    expect(vip.windows.map((w) => w.weekday)).toEqual([5, 6, 7]);
    expect(evaluateCondition(vip.audience, customer("gold", 4, false))).toBe(true);
    expect(evaluateCondition(vip.audience, customer("platinum", 9, false))).toBe(true);
    expect(evaluateCondition(vip.audience, customer("green", 4, false))).toBe(false);

    expect(byKey["advent-calendar"]).toMatchObject({
      gameType: "advent_calendar",
      placement: "seasonal_page",
      season: { month: 12, day: 1, days: 12 },
      lifetimeLimit: 12,
    });
    expect(byKey["win-back-scratch-card"]).toMatchObject({ gameType: "scratch_card", placement: "comeback" });
  });

  it("counts a one-tier store's VIPs by their orders", () => {
    const vip = campaignTemplates([DEFAULT_SETTINGS.tiers[0]]).find((t) => t.key === "weekend-spin-vips")!.draft;
    expect(evaluateCondition(vip.audience, customer("green", 3, false))).toBe(true);
    expect(evaluateCondition(vip.audience, customer("green", 2, false))).toBe(false);
  });
});

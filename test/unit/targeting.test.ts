// Targeting: each field the audience and rule builders offer (segment, tier, cart category,
// the event's product, category and amount), written by the builder and evaluated by the
// engine; amounts typed in the store's currency and stored in minor units; and the review
// rule that fired for a mug and not for a coffee.
import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { conditionFields } from "playcart/internal/admin-ui/condition-fields";
import { amountError, queryFromStored, storedFromQuery } from "playcart/internal/admin-ui/condition-query";
import { DEFAULT_SETTINGS, getSettings } from "playcart/internal/core/settings";
import { evaluateCondition } from "playcart/internal/engine/conditions";
import { processPendingEvents } from "playcart/internal/engine/engine";
import { eventContext } from "playcart/internal/engine/engine-context";
import { saveRule } from "playcart/internal/engine/rules";
import { customerPart } from "playcart/internal/games/audience-estimate";
import { describeAudience } from "playcart/internal/games/audience-words";
import { campaignDraftSchema } from "playcart/internal/games/campaign-draft";
import { playContext } from "playcart/internal/games/campaigns";
import { events, rules } from "playcart/schema";
import type { RuleGroupType } from "react-querybuilder";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { products, users } from "@/db/schema";
import { seed } from "@/db/seed";
import { postReview } from "@/lib/store/reviews";
import { customerId, newEmail, paidOrder, pointsFrom, settleBacklog, TZ } from "../support/engage-fixtures";
import { createMemoryDb } from "../support/pglite";

const NOW = DateTime.fromISO("2026-06-04T14:30", { zone: TZ }).toJSDate();
const OPTIONS = {
  currency: "usd",
  tiers: DEFAULT_SETTINGS.tiers.map((t) => ({ name: t.name, label: t.label })),
  segments: ["new", "active", "lapsed", "high_value", "discount_driven"],
  categories: [
    { ref: "coffee", name: "Coffee" },
    { ref: "mugs", name: "Mugs & cups" },
  ],
  products: [
    { ref: "house-espresso", name: "House espresso" },
    { ref: "stoneware-mug", name: "Stoneware mug" },
  ],
};
const ruleFields = conditionFields(OPTIONS, "rule");
const audienceFields = conditionFields(OPTIONS, "audience");

/** What the builder stores for these rows (amounts as the owner types them). */
const built = (rules: { field: string; operator: string; value: unknown }[], fields = ruleFields) =>
  storedFromQuery({ combinator: "and", rules } as RuleGroupType, fields, "usd");

const profile = {
  known: true,
  paidOrders: 3,
  firstPurchase: false,
  lifetimeSpendMinor: 40_000,
  trailingSpendMinor: 40_000,
  tier: "gold",
  tierPlayMultiplier: 1,
  segments: ["active", "high_value"] as ("active" | "high_value")[],
  segment: "high_value" as const,
};
const cart = { valueMinor: 2_600, itemCount: 2, categories: ["coffee", "mugs"] };
const checkout = playContext(profile, true, cart, NOW, TZ);

describe("both builders offer the same targeting fields", () => {
  it("has segment, tier, cart category and the event's product, category and amount in each", () => {
    for (const fields of [audienceFields, ruleFields]) {
      const names = fields.map((f) => f.name);
      for (const name of [
        "customer.segments",
        "customer.tier",
        "cart.categories",
        "event.productRef",
        "event.category",
        "event.valueMinor",
      ])
        expect(names).toContain(name);
    }
    const categoryField = ruleFields.find((f) => f.name === "event.category");
    expect(categoryField?.values).toEqual([
      { name: "coffee", label: "Coffee" },
      { name: "mugs", label: "Mugs & cups" },
    ]);
    expect(ruleFields.find((f) => f.name === "cart.valueMinor")?.label).toBe("Cart or order value (USD)");
  });
});

describe("each field, as the builder writes it, is evaluated by the engine", () => {
  it("segment: includes and does not include", () => {
    const vip = built([{ field: "customer.segments", operator: "contains", value: "high_value" }], audienceFields);
    const notLapsed = built([{ field: "customer.segments", operator: "doesNotContain", value: "lapsed" }]);
    expect(vip).toEqual({ and: [{ in: ["high_value", { var: "customer.segments" }] }] });
    expect(evaluateCondition(vip, checkout)).toBe(true);
    expect(evaluateCondition(notLapsed, checkout)).toBe(true);
    const lapsed = playContext({ ...profile, segments: ["lapsed"], segment: "lapsed" }, true, cart, NOW, TZ);
    expect(evaluateCondition(vip, lapsed)).toBe(false);
    expect(evaluateCondition(notLapsed, lapsed)).toBe(false);
  });

  it("tier: is, and is one of", () => {
    const goldUp = built([{ field: "customer.tier", operator: "in", value: ["gold", "platinum"] }], audienceFields);
    expect(evaluateCondition(goldUp, checkout)).toBe(true);
    expect(evaluateCondition(goldUp, playContext({ ...profile, tier: "green" }, true, cart, NOW, TZ))).toBe(false);
    const green = built([{ field: "customer.tier", operator: "=", value: "green" }]);
    expect(evaluateCondition(green, checkout)).toBe(false);
  });

  it("cart category: the cart includes a category", () => {
    const coffee = built([{ field: "cart.categories", operator: "contains", value: "coffee" }], audienceFields);
    expect(evaluateCondition(coffee, checkout)).toBe(true);
    const teaOnly = playContext(profile, true, { ...cart, categories: ["tea"] }, NOW, TZ);
    expect(evaluateCondition(coffee, teaOnly)).toBe(false);
  });

  it("event amount: typed in dollars, compared in cents; at checkout it is the cart's value", () => {
    const over25 = built([{ field: "event.valueMinor", operator: ">=", value: "25.00" }], audienceFields);
    expect(over25).toEqual({ and: [{ ">=": [{ var: "event.valueMinor" }, 2500] }] });
    expect(evaluateCondition(over25, checkout)).toBe(true);
    expect(evaluateCondition(over25, playContext(profile, true, { ...cart, valueMinor: 2_499 }, NOW, TZ))).toBe(false);
  });

  describe("on the engine's event context", () => {
    let db: Db;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ db, close } = await createMemoryDb());
    });
    afterAll(async () => close?.());

    const contextFor = async (payload: Record<string, unknown>, valueMinor: number | null = null) => {
      const [row] = await db
        .insert(events)
        .values({ eventKey: `test:${Math.random()}`, type: "review.posted", payload, valueMinor, occurredAt: NOW })
        .returning();
      return eventContext(db, row, await getSettings(db), NOW, TZ);
    };

    it("event product and category come from the event's payload; its amount from its value", async () => {
      const coffee = await contextFor({ productRef: "house-espresso", category: "coffee" }, 1_250);
      const mug = await contextFor({ productRef: "stoneware-mug", category: "mugs" });
      expect(coffee.event).toMatchObject({ productRef: "house-espresso", category: "coffee", valueMinor: 1_250 });
      const isCoffee = built([{ field: "event.category", operator: "=", value: "coffee" }]);
      const isMug = built([{ field: "event.productRef", operator: "=", value: "stoneware-mug" }]);
      const atLeast12 = built([{ field: "event.valueMinor", operator: ">=", value: "12.50" }]);
      expect([evaluateCondition(isCoffee, coffee), evaluateCondition(isCoffee, mug)]).toEqual([true, false]);
      expect([evaluateCondition(isMug, coffee), evaluateCondition(isMug, mug)]).toEqual([false, true]);
      expect([evaluateCondition(atLeast12, coffee), evaluateCondition(atLeast12, mug)]).toEqual([true, false]);
      // An event without them: no product, no category (a condition on them is simply false).
      const bare = await contextFor({});
      expect(bare.event).toMatchObject({ productRef: null, category: null, valueMinor: 0 });
      expect(evaluateCondition(isCoffee, bare)).toBe(false);
    });
  });
});

describe("amounts are typed in the store's currency and stored in minor units", () => {
  const stored = {
    and: [
      { ">=": [{ var: "cart.valueMinor" }, 2500] },
      { "<": [{ var: "customer.lifetimeSpendMinor" }, 100050] },
      { in: ["high_value", { var: "customer.segments" }] },
    ],
  };

  it("shows a condition saved in cents as dollars, and writes back exactly what was stored", () => {
    const query = queryFromStored(stored, "usd");
    const values = query.rules.map((r) => ("value" in r ? r.value : null));
    expect(values).toEqual(["25.00", "1000.50", "high_value"]);
    expect(storedFromQuery(query, audienceFields, "usd")).toEqual(stored);
  });

  it("reads what the owner types: 25, 25.5 and 25,50 are 2500, 2550 and 2550 cents; yen have no decimals", () => {
    const typed = (value: string, currency = "usd") =>
      storedFromQuery(
        { combinator: "and", rules: [{ field: "cart.valueMinor", operator: ">", value }] },
        audienceFields,
        currency,
      );
    expect(typed("25")).toEqual({ and: [{ ">": [{ var: "cart.valueMinor" }, 2500] }] });
    expect(typed("25.5")).toEqual({ and: [{ ">": [{ var: "cart.valueMinor" }, 2550] }] });
    expect(typed("25,50")).toEqual({ and: [{ ">": [{ var: "cart.valueMinor" }, 2550] }] });
    expect(typed("2500", "jpy")).toEqual({ and: [{ ">": [{ var: "cart.valueMinor" }, 2500] }] });
    expect(queryFromStored({ ">": [{ var: "cart.valueMinor" }, 2500] }, "jpy").rules[0]).toMatchObject({
      value: "2500",
    });
  });

  it("names a bad amount beside the field, and the server refuses it with nothing saved", () => {
    expect(amountError("25.00", "usd")).toBeNull();
    expect(amountError("25.001", "usd")).toBe("Type an amount such as 25.00");
    expect(amountError("abc", "usd")).toBe("Type an amount such as 25.00");
    expect(amountError("-1", "usd")).toBe("An amount cannot be negative");
    const draft = (audience: unknown) =>
      campaignDraftSchema.safeParse({
        name: "VIP spin",
        slug: "vip-spin",
        gameType: "spin_wheel",
        placement: "checkout_returning",
        audience,
        allowance: { default: 1 },
        rewardScope: "next_order",
        rewardValidDays: 14,
        holdoutPercent: 0,
        prizes: [{ label: "5% off", weight: 1, rewardType: "percent_off", rewardValue: 5, costMinor: 0 }],
      });
    const fraction = draft({ ">=": [{ var: "cart.valueMinor" }, 25.001] });
    expect(fraction.success).toBe(false);
    expect(fraction.error?.issues[0]).toMatchObject({
      path: ["audience"],
      message: "Cart value: type an amount such as 25.00",
    });
    const negative = draft({ ">": [{ var: "event.valueMinor" }, -100] });
    expect(negative.error?.issues[0]?.message).toBe("Event amount: type an amount such as 25.00");
    expect(draft({ ">=": [{ var: "cart.valueMinor" }, 2500] }).success).toBe(true);
  });
});

describe("the estimate counts who a customer is; cart, event and time are checked at checkout", () => {
  it("keeps customer clauses and lets the others through, negations included", () => {
    const condition = {
      and: [
        { in: ["high_value", { var: "customer.segments" }] },
        { ">=": [{ var: "cart.valueMinor" }, 2500] },
        { "!": { in: ["coffee", { var: "cart.categories" }] } },
      ],
    };
    const { logic, dropped } = customerPart(condition);
    expect(dropped).toBe(true);
    expect(logic).toEqual({ and: [{ in: ["high_value", { var: "customer.segments" }] }, true, { "!": [false] }] });
    expect(evaluateCondition(logic, { customer: { segments: ["high_value"] } })).toBe(true);
    expect(evaluateCondition(logic, { customer: { segments: ["active"] } })).toBe(false);
    expect(customerPart({ "==": [{ var: "customer.tier" }, "gold"] }).dropped).toBe(false);
  });
});

describe("a review of a coffee grants 20 points (it fired for a mug and not for a coffee)", () => {
  let db: Db;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await createMemoryDb());
    await seed(db);
    await db.update(rules).set({ status: "paused" });
  });
  afterAll(async () => close?.());

  // Two shoppers as in the owner's session: a coffee buyer who reviews a mug, and a mug buyer
  // who reviews a coffee. Each review is posted through the demo store's own review action.
  async function twoReviews(tag: string) {
    const coffeeBuyer = newEmail(`coffee-${tag}`);
    const mugBuyer = newEmail(`mug-${tag}`);
    const paidAt = DateTime.fromJSDate(NOW).minus({ days: 3 }).toJSDate();
    await paidOrder(db, { email: coffeeBuyer, amountMinor: 3_000, categories: { coffee: 3_000 }, paidAt });
    await paidOrder(db, { email: mugBuyer, amountMinor: 2_000, categories: { mugs: 2_000 }, paidAt });
    const product = async (slug: string) => (await db.select().from(products).where(eq(products.slug, slug)))[0].id;
    const review = async (email: string, slug: string) => {
      const [user] = await db.insert(users).values({ email, name: email, role: "shopper" }).returning();
      await postReview(
        db,
        { userId: user.id, email },
        { productId: await product(slug), rating: 5, body: `A fine ${slug}, would buy again.` },
        NOW,
      );
    };
    await settleBacklog(db);
    await review(coffeeBuyer, "stoneware-mug");
    await review(mugBuyer, "house-espresso");
    return { coffeeBuyer: await customerId(db, coffeeBuyer), mugBuyer: await customerId(db, mugBuyer) };
  }

  const reviewRule = (slug: string, condition: unknown) =>
    saveRule(db, {
      slug,
      name: "A review of a coffee grants 20 points",
      trigger: "review.posted",
      status: "live",
      condition,
      outcomes: [{ type: "grant_points", points: 20, reason: "Thanks for reviewing our coffee" }],
    });

  it("was written on the shopper's favourite category, the only category the rule builder had", async () => {
    // The cause: "Favourite category is coffee" asks what the reviewer buys, not what they
    // reviewed, so the coffee buyer's mug review matched and the mug buyer's coffee review did not.
    const rule = await reviewRule(
      "coffee-review-old",
      built([{ field: "customer.favouriteCategory", operator: "=", value: "coffee" }]),
    );
    const { coffeeBuyer, mugBuyer } = await twoReviews("old");
    await processPendingEvents(db, { now: NOW, timeZone: TZ });
    expect(await pointsFrom(db, coffeeBuyer, `rule:${rule.id}`)).toBe(20);
    expect(await pointsFrom(db, mugBuyer, `rule:${rule.id}`)).toBe(0);
    await db.update(rules).set({ status: "paused" }).where(eq(rules.id, rule.id));
  });

  it("fires for the coffee review only when written on the event's product category", async () => {
    const condition = built([{ field: "event.category", operator: "=", value: "coffee" }]);
    expect(condition).toEqual({ and: [{ "==": [{ var: "event.category" }, "coffee"] }] });
    const rule = await reviewRule("coffee-review", condition);
    const { coffeeBuyer, mugBuyer } = await twoReviews("new");
    await processPendingEvents(db, { now: NOW, timeZone: TZ });
    expect(await pointsFrom(db, mugBuyer, `rule:${rule.id}`)).toBe(20);
    expect(await pointsFrom(db, coffeeBuyer, `rule:${rule.id}`)).toBe(0);
  });
});

describe("the public odds page words the new audiences", () => {
  it("names a segment and a cart category", () => {
    expect(
      describeAudience({
        and: [{ in: ["high_value", { var: "customer.segments" }] }, { in: ["coffee", { var: "cart.categories" }] }],
      }),
    ).toBe("Shoppers in the “high value” segment and carts with coffee");
  });
});

// What a balance buys and a reward's terms in a shopper's words (pure).
import { pointsOutlook, rewardValueWords, rewardWhereWords } from "playcart";
import { describe, expect, it } from "vitest";

const money = (minor: number) => `$${(minor / 100).toFixed(2)}`;
const catalog = [
  { name: "$5 off", pointsCost: 400 },
  { name: "A croissant", pointsCost: 20 },
  { name: "Free shipping", pointsCost: 15 },
];

describe("pointsOutlook", () => {
  it("names the dearest reward covered and the points to the next", () => {
    expect(pointsOutlook(340, catalog)).toEqual({
      balance: 340,
      enoughFor: { name: "A croissant", pointsCost: 20 },
      next: { name: "$5 off", pointsCost: 400, pointsNeeded: 60 },
    });
  });
  it("covers an exact balance, and has no next reward past the dearest", () => {
    expect(pointsOutlook(400, catalog)).toMatchObject({ enoughFor: { name: "$5 off" }, next: null });
    expect(pointsOutlook(0, catalog)).toMatchObject({
      enoughFor: null,
      next: { name: "Free shipping", pointsNeeded: 15 },
    });
    expect(pointsOutlook(10, [])).toEqual({ balance: 10, enoughFor: null, next: null });
  });
});

describe("a reward's terms", () => {
  const base = { productRef: null, maxDiscountMinor: null, categoryRef: null, scope: "next_order" as const };
  it("says what it gives", () => {
    expect(
      rewardValueWords({ ...base, rewardType: "percent_off", rewardValue: 10, maxDiscountMinor: 2000 }, money),
    ).toBe("10% off (up to $20.00)");
    expect(rewardValueWords({ ...base, rewardType: "amount_off", rewardValue: 500 }, money)).toBe("$5.00 off");
    expect(
      rewardValueWords({ ...base, rewardType: "free_product", rewardValue: 0, productRef: "butter-croissant" }, money),
    ).toBe("A free butter croissant");
    expect(rewardValueWords({ ...base, rewardType: "free_shipping", rewardValue: 0 }, money)).toBe("Free delivery");
    expect(rewardValueWords({ ...base, rewardType: "bonus_points", rewardValue: 25 }, money)).toBe("25 bonus points");
  });
  it("says where it applies", () => {
    expect(rewardWhereWords({ scope: "this_order", categoryRef: null })).toBe("This order");
    expect(rewardWhereWords({ scope: "next_order", categoryRef: "brewing-gear" })).toBe(
      "Your next order, brewing gear only",
    );
  });
});

// Amounts in the admin's forms: typed in the store's currency, kept in minor units.

import { toMinor, toUnits } from "playcart/internal/admin-ui/format";
import { catalogItemForm } from "playcart/internal/admin-ui/item-form";
import { describe, expect, it } from "vitest";

describe("toMinor", () => {
  it.each([
    ["5", "usd", 500],
    ["4.95", "usd", 495],
    ["4.9", "usd", 490],
    ["4,95", "eur", 495],
    [" 12.00 ", "usd", 1200],
    ["0", "usd", 0],
    ["4.", "usd", 400],
    [".50", "usd", 50],
    ["500", "jpy", 500],
  ])("%j in %s is %i minor units", (text, currency, minor) => {
    expect(toMinor(text, currency)).toBe(minor);
  });

  it("reads a minus sign, so the server can say an amount cannot be negative", () => {
    expect(toMinor("-5", "usd")).toBe(-500);
  });

  it("is null for an empty field", () => {
    expect(toMinor("  ", "usd")).toBeNull();
  });

  it.each([
    ["4.955", "usd"], // more decimals than the currency has: not rounded silently
    ["4.5", "jpy"],
    ["$5", "usd"],
    ["5e2", "usd"],
    ["five", "usd"],
    ["1.2.3", "usd"],
    [".", "usd"],
    ["9999999999", "usd"],
  ])("%j in %s is not an amount (NaN)", (text, currency) => {
    expect(toMinor(text, currency)).toBeNaN();
  });
});

describe("toUnits", () => {
  it("shows minor units as an owner would type them, and reads back to the same amount", () => {
    expect(toUnits(495, "usd")).toBe("4.95");
    expect(toUnits(500, "usd")).toBe("5.00");
    expect(toUnits(7, "usd")).toBe("0.07");
    expect(toUnits(500, "jpy")).toBe("500");
    for (const minor of [0, 1, 99, 100, 12345, 999_999]) expect(toMinor(toUnits(minor, "usd"), "usd")).toBe(minor);
  });
});

describe("the catalog form", () => {
  const fields = (over: Record<string, string> = {}) => ({
    slug: "tote",
    name: "Tote voucher",
    pointsCost: "500",
    rewardType: "amount_off",
    rewardValue: "4.95",
    validDays: "30",
    ...over,
  });
  const form = catalogItemForm("usd");

  it("turns an amount off and a cap typed in dollars into cents", () => {
    const parsed = form.parse(fields({ maxDiscount: "10" }));
    expect(parsed).toMatchObject({
      rewardType: "amount_off",
      rewardValue: 495,
      maxDiscountMinor: 1000,
      pointsCost: 500,
    });
  });

  it("keeps a percentage a percentage, and no cap when the cap is left empty", () => {
    const parsed = form.parse(fields({ rewardType: "percent_off", rewardValue: "15", maxDiscount: "" }));
    expect(parsed).toMatchObject({ rewardValue: 15, maxDiscountMinor: undefined });
  });

  it("refuses a malformed amount next to its field, saying how to type it", () => {
    for (const [over, field] of [
      [{ rewardValue: "4.955" }, "rewardValue"],
      [{ rewardValue: "$5" }, "rewardValue"],
      [{ maxDiscount: "ten" }, "maxDiscount"],
    ] as const) {
      const result = form.safeParse(fields(over));
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
        [field, "Enter an amount in USD, such as 5 or 4.95"],
      ]);
    }
  });

  it("refuses a negative amount next to its field (the core's message would name a field the form does not have)", () => {
    const result = form.safeParse(fields({ maxDiscount: "-5" }));
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["maxDiscount", "An amount cannot be negative"],
    ]);
  });

  it("refuses an empty value", () => {
    const result = form.safeParse(fields({ rewardValue: " " }));
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["rewardValue"]);
  });
});

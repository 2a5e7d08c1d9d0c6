// The campaign editor's "about N customers match today", against customers counted by hand:
// eight customers with known orders (dates relative to a pinned clock), and audiences on
// segment, tier and spend, with cart conditions left to the checkout.
import { randomUUID } from "node:crypto";
import { estimateAudience, estimateWords } from "playcart/internal/games/audience-estimate";
import { customers, orderRewards } from "playcart/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createTestDatabase } from "../support/pg";

const NOW = new Date("2026-06-04T12:00:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);

// name -> orders (days ago, amount paid, amount refunded). Default settings: high value from
// $300.00 net, active within 90 days with 2+ orders, new within 30 days of a first order,
// Gold from $200.00 and Platinum from $500.00 in the last 365 days.
const PEOPLE: Record<string, [number, number, number?][]> = {
  ada: [
    [10, 20_000],
    [12, 20_000],
  ], // active, high value; Gold
  ben: [[200, 35_000]], // lapsed, high value; Gold
  cat: [[5, 5_000]], // new; Green
  dan: [], // new (no orders); Green
  eve: [
    [400, 30_000],
    [410, 30_000],
    [420, 30_000],
  ], // lapsed, high value ($900); Green (nothing in the tier window)
  fay: [[20, 60_000, 60_000]], // new; refunded in full: not high value; Green
  gus: [
    [5, 10_000],
    [100, 15_000],
  ], // active; Gold
  hal: [[-1, 50_000]], // paid after the pinned clock: not yet a buyer, so new; Green
};

let db: Db;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await createTestDatabase());
  for (const [name, orders] of Object.entries(PEOPLE)) {
    const [c] = await db
      .insert(customers)
      .values({ email: `${name}@example.test` })
      .returning();
    for (const [ago, paid, refunded = 0] of orders)
      await db.insert(orderRewards).values({
        orderRef: randomUUID(),
        customerId: c.id,
        currency: "usd",
        amountPaidMinor: paid,
        amountRefundedMinor: refunded,
        pointsBase: 0,
        paidAt: daysAgo(ago),
      });
  }
}, 60_000);
afterAll(async () => drop?.());

const estimate = (condition: unknown) => estimateAudience(db, condition, { now: NOW });

describe("audience estimate", () => {
  it("counts everyone for an empty audience", async () => {
    expect(await estimate(true)).toEqual({ matching: 8, total: 8, sampled: false, atCheckout: false });
  });

  it("counts a segment (high value: ada, ben, eve)", async () => {
    const e = await estimate({ and: [{ in: ["high_value", { var: "customer.segments" }] }] });
    expect(e.matching).toBe(3);
    expect(estimateWords(e)).toBe("3 customers match today (of 8).");
  });

  it("counts a segment and an amount (high value with $500.00 or more: eve)", async () => {
    const e = await estimate({
      and: [
        { in: ["high_value", { var: "customer.segments" }] },
        { ">=": [{ var: "customer.lifetimeSpendMinor" }, 50_000] },
      ],
    });
    expect(e.matching).toBe(1);
    expect(estimateWords(e)).toBe("1 customer matches today (of 8).");
  });

  it("counts tiers (Gold or Platinum: ada, ben, gus)", async () => {
    const e = await estimate({ and: [{ in: [{ var: "customer.tier" }, ["gold", "platinum"]] }] });
    expect(e.matching).toBe(3);
  });

  it("leaves cart conditions to the checkout, negated or not", async () => {
    // Lapsed with a cart of $25.00 or more: ben and eve could be offered it.
    const lapsed = await estimate({
      and: [{ in: ["lapsed", { var: "customer.segments" }] }, { ">=": [{ var: "cart.valueMinor" }, 2_500] }],
    });
    expect(lapsed).toMatchObject({ matching: 2, atCheckout: true });
    expect(estimateWords(lapsed)).toBe(
      "2 customers match today (of 8), if their cart and the time also match at checkout.",
    );
    // New, without coffee in the cart: cat, dan, fay and hal.
    const newcomers = await estimate({
      and: [{ in: ["new", { var: "customer.segments" }] }, { "!": { in: ["coffee", { var: "cart.categories" }] } }],
    });
    expect(newcomers.matching).toBe(4);
  });

  it("samples a large store repeatably and scales the count up", async () => {
    const a = await estimateAudience(db, true, { now: NOW, sampleLimit: 4 });
    const b = await estimateAudience(db, true, { now: NOW, sampleLimit: 4 });
    expect(a.sampled).toBe(true);
    expect(a.total).toBe(8);
    expect(b).toEqual(a);
    // Everyone matches, so a sample of any size scales back to the whole store.
    expect(a.matching).toBe(8);
    expect(estimateWords({ ...a, matching: 343, total: 1_200 })).toBe("About 340 customers match today (of 1,200).");
  });
});

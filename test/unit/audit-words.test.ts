// The audit trail in words: verbs for each action, and before/after as readable changes with
// money in the store's currency and instants in its time zone, never raw keys or JSON.
import { auditChanges, auditCurrency, auditVerb, fieldLabel } from "playcart/internal/admin-ui/audit-words";
import { describe, expect, it } from "vitest";

const opts = { timeZone: "Europe/Berlin", storeCurrency: "usd" };

describe("audit trail in words", () => {
  it("says what each action did", () => {
    expect(auditVerb("campaign.publish")).toBe("published the campaign");
    expect(auditVerb("order.refund")).toBe("refunded");
    expect(auditVerb("points.adjust")).toBe("adjusted the points of");
    // An action the admin does not know yet still reads as words, not a key.
    expect(auditVerb("gift_card.issue")).toBe("gift card issue");
  });

  it("labels fields as words, with list items numbered from 1", () => {
    expect(fieldLabel("amountRefundedMinor")).toBe("Amount refunded");
    expect(fieldLabel("prizes.0.weight")).toBe("Prize 1: weight");
    expect(fieldLabel("tiers.2.minSpendMinor")).toBe("Tier 3: min spend");
    expect(fieldLabel("rewardValidDays")).toBe("Reward valid days");
  });

  it("lists a refund as money in the order's currency, skipping bookkeeping", () => {
    const before = { amountRefundedMinor: 0, currency: "eur" };
    const after = { amountRefundedMinor: 1000, currency: "eur", mode: "test" };
    expect(auditChanges(before, after, { ...opts, currency: auditCurrency(before, after) })).toEqual([
      { field: "Amount refunded", before: "€0.00", after: "€10.00" },
    ]);
  });

  it("lists only what changed in a campaign edit, instants in the store's time zone", () => {
    const before = {
      name: "Spin",
      status: "draft",
      startsAt: "2026-03-29T00:30:00.000Z",
      prizes: [
        { id: "a", label: "10% off", weight: 5 },
        { id: "b", label: "Free shipping", weight: 1 },
      ],
      audience: { "==": [{ var: "customer.tier" }, "gold"] },
      windows: [],
    };
    const after = {
      ...before,
      status: "live",
      startsAt: "2026-03-29T01:30:00.000Z",
      prizes: [before.prizes[0], { ...before.prizes[1], weight: 3 }],
      audience: true,
    };
    expect(auditChanges(before, after, { ...opts, currency: null })).toEqual([
      { field: "Status", before: "draft", after: "live" },
      // Across the spring change in Berlin: 01:30 then 03:30 local time.
      { field: "Starts at", before: "29 Mar 2026 01:30", after: "29 Mar 2026 03:30" },
      { field: "Prize 2: weight", before: "1", after: "3" },
      { field: "Audience", before: '{"==":[{"var":"customer.tier"},"gold"]}', after: "yes" },
    ]);
  });

  it("lists what a creation set, and a points adjustment as its balance and reason", () => {
    expect(
      auditChanges(
        { balance: 40 },
        { balance: 65, delta: 25, reason: "Goodwill", entryId: 9 },
        { ...opts, currency: null },
      ),
    ).toEqual([
      { field: "Balance", before: "40", after: "65" },
      { field: "Delta", before: "none", after: "25" },
      { field: "Reason", before: "none", after: "Goodwill" },
    ]);
    expect(auditChanges(null, { name: "VIP", active: true }, { ...opts, currency: null })).toEqual([
      { field: "Name", before: "none", after: "VIP" },
      { field: "Active", before: "none", after: "yes" },
    ]);
  });
});

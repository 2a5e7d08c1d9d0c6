// Official rules: the words generated from a campaign's settings (sponsor, eligibility, dates in
// store time, how to enter, prizes with value and odds, limits, use), the market's wording, the
// conditions line beside a game, and the entry requirement: a game that needs a purchase and can
// lose needs a free entry or "every play wins" (the publish itself: test/pg/official-rules.test.ts).
import { campaignDraftSchema, draftErrors } from "playcart/internal/games/campaign-draft";
import { entryRequirementErrors, FREE_ENTRY_REQUIRED } from "playcart/internal/games/entry-requirement";
import { keyConditions, officialRulesDocument, type RulesSnapshot } from "playcart/internal/games/official-rules";
import { buildReminderEmail } from "playcart/internal/next/email/reminder-email";
import { describe, expect, it } from "vitest";

const TZ = "Europe/London";
const NOW = new Date("2026-06-13T10:00:00Z");
const money = (minor: number) => `$${(minor / 100).toFixed(2)}`;
const date = (d: Date) => new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: TZ }).format(d);
const prize = (p: Partial<RulesSnapshot["prizes"][number]>): RulesSnapshot["prizes"][number] => ({
  label: "?",
  weight: 1,
  rewardType: "none",
  rewardValue: 0,
  productRef: null,
  maxDiscountMinor: null,
  costMinor: 0,
  inventory: null,
  dailyCap: null,
  budgeted: false,
  ...p,
});

function snapshot(over: Partial<RulesSnapshot["campaign"]> = {}, terms: Partial<RulesSnapshot["terms"]> = {}) {
  return {
    campaign: {
      slug: "saturday-spin",
      name: "Saturday spin",
      gameType: "spin_wheel",
      placement: "checkout_returning",
      audience: true,
      startsAt: "2026-06-01T00:00:00Z",
      endsAt: "2026-07-01T00:00:00Z",
      season: null,
      windows: [{ weekday: 6, start: "09:00", end: "15:00" }],
      allowance: { default: 1 },
      lifetimeLimit: null,
      rewardScope: "next_order",
      rewardValidDays: 7,
      budgetTotalMinor: 50_000,
      budgetDailyMinor: null,
      freeEntry: true,
      everyPlayWins: false,
      extraTerms: "Staff of the store may not play.",
      ...over,
    },
    prizes: [
      prize({
        label: "20% off",
        weight: 10,
        rewardType: "percent_off",
        rewardValue: 20,
        maxDiscountMinor: 4000,
        inventory: 100,
      }),
      prize({ label: "$3 off", weight: 30, rewardType: "amount_off", rewardValue: 300, costMinor: 300 }),
      prize({ label: "No prize this time", weight: 60 }),
    ],
    tiers: [{ name: "green", label: "Green", minSpendMinor: 0, playMultiplier: 1 }],
    tierWindowDays: 365,
    terms: {
      sponsorName: "Corner Roastery Ltd",
      sponsorAddress: "12 Harbour Street\nPortland",
      minAge: 18,
      territories: "the United Kingdom",
      wording: "win",
      ...terms,
    },
  } satisfies RulesSnapshot;
}

const doc = (s: RulesSnapshot) =>
  officialRulesDocument(
    s,
    { version: 2, validFrom: NOW },
    { now: NOW, timeZone: TZ, money, date, freeEntryHref: "/rules/saturday-spin/free-entry" },
  );
const section = (d: ReturnType<typeof doc>, key: string) =>
  d.sections.find((s) => s.key === key)?.lines.join(" ") ?? "";

describe("the rules written from a campaign's settings", () => {
  const d = doc(snapshot());

  it("names the sponsor, who may play, and when in store time", () => {
    expect(section(d, "sponsor")).toBe("Corner Roastery Ltd, 12 Harbour Street, Portland.");
    expect(section(d, "who")).toContain("Open to residents of the United Kingdom aged 18 or over.");
    // The dates and the Saturday window are the store's (London, summer time), not UTC.
    expect(section(d, "when")).toContain("From 1 June 2026 until 1 July 2026: Saturdays 09:00–15:00, store time");
    expect(section(d, "when")).toContain("(Europe/London)");
  });

  it("says how to enter, with purchase and free, with the same odds", () => {
    const enter = section(d, "enter");
    expect(enter).toContain("returning shoppers, before you pay");
    expect(enter).toContain("No purchase necessary");
    expect(enter).toContain("/rules/saturday-spin/free-entry");
    expect(enter).toContain("one free spin per email address");
    expect(enter).toContain("with the same chances");
    expect(d.freeEntryHref).toBe("/rules/saturday-spin/free-entry");
  });

  it("lists every prize with its value and its odds, from the weights", () => {
    expect(d.prizes.map((p) => [p.label, p.value, p.chance.percent])).toEqual([
      ["20% off", "20% of the order, up to $40.00", "10%"],
      ["$3 off", "$3.00", "30%"],
      ["No prize this time", "nothing", "60%"],
    ]);
    expect(d.prizes[0].limits).toEqual(["100 to be won in all"]);
    expect(d.chanceHeading).toBe("Chance per spin");
  });

  it("states the limits, the budget that ends it, the prize's use and expiry, and the extra terms", () => {
    expect(section(d, "limits")).toContain("1 spin each time it opens.");
    expect(section(d, "limits")).toContain("The game ends early once its prizes have cost the store $500.00 in all.");
    expect(section(d, "use")).toContain("saved for your next order");
    expect(section(d, "use")).toContain("expires 7 days after the spin");
    expect(section(d, "extra")).toBe("Staff of the store may not play.");
  });

  it("calls them gifts, never wins, where the market's wording says so", () => {
    const gifts = doc(snapshot({ everyPlayWins: true }, { wording: "gift" }));
    expect(gifts.prizesHeading).toBe("Gifts and chances");
    const all = gifts.sections.flatMap((s) => [s.heading, ...s.lines]).join(" ");
    expect(all).not.toMatch(/\bwin(s|ner)?\b|\bprizes?\b/i);
    expect(all).toContain("Every spin gives one of the gifts below");
    expect(gifts.words.won("10% off")).toBe("Your gift: 10% off");
  });

  it("puts the significant conditions in one line beside the game", () => {
    const line = keyConditions(
      {
        gameType: "spin_wheel",
        rewardScope: "next_order",
        rewardValidDays: 7,
        freeEntry: true,
        lifetimeLimit: null,
        endsAt: new Date("2026-07-01T00:00:00Z"),
      },
      { minAge: 18, territories: "the United Kingdom" },
      date,
    );
    expect(line).toBe(
      "18+, the United Kingdom · ends 1 July 2026 · valid 7 days · for your next order · free entry available, no purchase needed",
    );
  });
});

describe("the entry requirement", () => {
  const losing = [
    { rewardType: "amount_off" as const, weight: 1 },
    { rewardType: "none" as const, weight: 1 },
  ];
  it("wants a free entry or every play wins when a purchase game can lose", () => {
    const base = { placement: "checkout_returning" as const, freeEntry: false, everyPlayWins: false };
    expect(entryRequirementErrors({ ...base, prizes: losing })).toEqual({ freeEntry: FREE_ENTRY_REQUIRED });
    expect(entryRequirementErrors({ ...base, freeEntry: true, prizes: losing })).toEqual({});
    // A "no prize" slice of weight 0 is never drawn; a page without a purchase needs nothing.
    expect(entryRequirementErrors({ ...base, prizes: [losing[0], { ...losing[1], weight: 0 }] })).toEqual({});
    expect(entryRequirementErrors({ ...base, placement: "seasonal_page", prizes: losing })).toEqual({});
  });

  it("refuses to save a losing slice in a game where every play wins", () => {
    const parsed = campaignDraftSchema.safeParse({
      name: "Always wins",
      slug: "always-wins",
      gameType: "spin_wheel",
      placement: "checkout_returning",
      allowance: { default: 1 },
      rewardScope: "next_order",
      rewardValidDays: 7,
      holdoutPercent: 0,
      everyPlayWins: true,
      prizes: [
        { label: "$1 off", weight: 1, rewardType: "amount_off", rewardValue: 100, costMinor: 100 },
        { label: "Nothing", weight: 1, rewardType: "none", rewardValue: 0, costMinor: 0 },
      ],
    });
    expect(parsed.success).toBe(false);
    expect(draftErrors(parsed.error!)["prizes.1.rewardType"]).toMatch(/Every play wins/);
  });
});

describe("the market's wording in emails", () => {
  it("a reminder offers a comeback gift, never a win, where prizes are gifts", async () => {
    const message = {
      reminderId: 1,
      cartRef: "cart-1",
      email: "shopper@test.dev",
      customerId: "c",
      sessionRef: null,
      sequenceId: null,
      step: 0,
      discountPercent: null,
      items: [{ name: "Espresso beans", quantity: 1, unitPriceMinor: 1200 }],
      valueMinor: 1200,
      currency: "usd",
    };
    const links = { restoreUrl: "https://shop.test/r", unsubscribeUrl: "https://shop.test/u" };
    const store = {
      storeName: "Corner Roastery",
      postalAddress: "12 Harbour Street",
      origin: "https://shop.test",
      logoUrl: null,
    };
    const game = { name: "Scratch card", prizes: ["10% off", "$2 off"] };
    const gift = await buildReminderEmail(message, links, store, { comeback: { ...game, wording: "gift" } });
    expect(gift.text).toContain("Play Scratch card when you come back for a gift: 10% off or $2 off.");
    expect(gift.text).not.toMatch(/\bwin\b/i);
    const win = await buildReminderEmail(message, links, store, { comeback: { ...game, wording: "win" } });
    expect(win.text).toContain("you could win 10% off or $2 off");
  });
});

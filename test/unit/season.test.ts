// Yearly seasons: the run that contains now or else the next one, at store midnight in the
// store's zone, across New Year, daylight-saving changes and leap years.

import { lifetimeKey } from "playcart/internal/games/campaigns";
import { previewSeason } from "playcart/internal/games/schedule-preview";
import { campaignDates, seasonDays, seasonSchema } from "playcart/internal/games/season";
import type { CampaignSeason } from "playcart/schema";
import { describe, expect, it } from "vitest";

const ADVENT: CampaignSeason = { month: 12, day: 1, days: 12 };
const seasonal = (season: CampaignSeason) => ({ season, startsAt: null, endsAt: null });
const iso = (d: { startsAt: Date | null; endsAt: Date | null }) => [d.startsAt?.toISOString(), d.endsAt?.toISOString()];
const at = (instant: string) => new Date(instant);

describe("campaignDates", () => {
  it("a campaign with fixed dates keeps them", () => {
    const dates = { season: null, startsAt: at("2026-06-01T00:00:00Z"), endsAt: at("2026-07-01T00:00:00Z") };
    expect(campaignDates(dates, at("2030-01-01T00:00:00Z"), "Europe/Berlin")).toEqual({
      startsAt: dates.startsAt,
      endsAt: dates.endsAt,
    });
    expect(campaignDates({ season: null, startsAt: null, endsAt: null }, new Date(), "UTC")).toEqual({
      startsAt: null,
      endsAt: null,
    });
  });

  it("before the season: this year's run, from store midnight to the midnight after its last day", () => {
    expect(iso(campaignDates(seasonal(ADVENT), at("2026-06-15T12:00:00Z"), "Europe/Berlin"))).toEqual([
      "2026-11-30T23:00:00.000Z",
      "2026-12-12T23:00:00.000Z",
    ]);
  });

  it("during the season: the run under way, up to its last minute", () => {
    const berlin = (instant: string) => iso(campaignDates(seasonal(ADVENT), at(instant), "Europe/Berlin"));
    const run2026 = ["2026-11-30T23:00:00.000Z", "2026-12-12T23:00:00.000Z"];
    expect(berlin("2026-11-30T23:00:00Z")).toEqual(run2026); // 00:00 on 1 December
    expect(berlin("2026-12-05T12:00:00Z")).toEqual(run2026);
    expect(berlin("2026-12-12T22:59:59Z")).toEqual(run2026); // 23:59:59 on 12 December
  });

  it("after the season: next year's run", () => {
    expect(iso(campaignDates(seasonal(ADVENT), at("2026-12-12T23:00:00Z"), "Europe/Berlin"))).toEqual([
      "2027-11-30T23:00:00.000Z",
      "2027-12-12T23:00:00.000Z",
    ]);
  });

  it("in the store's zone, whatever the process's: Sydney's 1 December starts at 13:00 UTC the day before", () => {
    expect(iso(campaignDates(seasonal(ADVENT), at("2027-12-05T00:00:00Z"), "Australia/Sydney"))).toEqual([
      "2027-11-30T13:00:00.000Z",
      "2027-12-12T13:00:00.000Z",
    ]);
    // 23:30 on 12 December in Berlin is already 13 December in Sydney: the next run there.
    expect(iso(campaignDates(seasonal(ADVENT), at("2027-12-12T22:30:00Z"), "Australia/Sydney"))[0]).toBe(
      "2028-11-30T13:00:00.000Z",
    );
  });

  it("a season across New Year: last year's run while it lasts, then the next", () => {
    const winter: CampaignSeason = { month: 12, day: 20, days: 20 }; // 20 December to 8 January
    const berlin = (instant: string) => iso(campaignDates(seasonal(winter), at(instant), "Europe/Berlin"));
    expect(berlin("2027-01-05T12:00:00Z")).toEqual(["2026-12-19T23:00:00.000Z", "2027-01-08T23:00:00.000Z"]);
    expect(berlin("2027-01-08T23:00:00Z")).toEqual(["2027-12-19T23:00:00.000Z", "2028-01-08T23:00:00.000Z"]);
  });

  it("keeps wall-clock midnight across daylight-saving changes", () => {
    // Berlin's clocks go forward on 29 March 2026: the run is an hour shorter than 7 x 24 h.
    expect(
      iso(campaignDates(seasonal({ month: 3, day: 25, days: 7 }), at("2026-03-01T00:00:00Z"), "Europe/Berlin")),
    ).toEqual(["2026-03-24T23:00:00.000Z", "2026-03-31T22:00:00.000Z"]);
    // New York's go back on 1 November 2026.
    expect(
      iso(campaignDates(seasonal({ month: 10, day: 31, days: 2 }), at("2026-10-01T00:00:00Z"), "America/New_York")),
    ).toEqual(["2026-10-31T04:00:00.000Z", "2026-11-02T05:00:00.000Z"]);
  });

  it("a 366-day season is the whole year, whether or not it is a leap year; runs never overlap", () => {
    const year: CampaignSeason = { month: 1, day: 1, days: 366 };
    expect(seasonDays(year, "2027-07-01")).toEqual({ first: "2027-01-01", end: "2028-01-01" });
    expect(seasonDays(year, "2028-12-31")).toEqual({ first: "2028-01-01", end: "2029-01-01" });
  });

  it("a stored 29 February (refused by the editor) is 1 March in a common year", () => {
    const leap: CampaignSeason = { month: 2, day: 29, days: 1 };
    expect(seasonDays(leap, "2027-01-10")).toEqual({ first: "2027-03-01", end: "2027-03-02" });
    expect(seasonDays(leap, "2028-01-10")).toEqual({ first: "2028-02-29", end: "2028-03-01" });
  });
});

describe("the season's fields", () => {
  const errors = (s: unknown) => {
    const r = seasonSchema.safeParse(s);
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
  };
  it("accepts a start that exists every year and 1 to 366 days", () => {
    for (const s of [ADVENT, { month: 2, day: 28, days: 1 }, { month: 3, day: 1, days: 366 }])
      expect(errors(s)).toEqual({});
  });
  it("refuses a day the month does not have, 29 February, and a length outside 1-366", () => {
    expect(errors({ month: 4, day: 31, days: 5 }).day).toBe(
      "Choose a day that exists in that month (April has 30 days)",
    );
    expect(errors({ month: 2, day: 29, days: 5 }).day).toMatch(/29 February is not in every year/);
    expect(errors({ month: 12, day: 0, days: 5 }).day).toBe("Give a day of the month");
    expect(errors({ month: 13, day: 1, days: 5 }).month).toBeDefined();
    expect(errors({ month: 12, day: 1, days: 0 }).days).toBe("A season lasts at least 1 day");
    expect(errors({ month: 12, day: 1, days: 367 }).days).toBe("A season lasts at most 366 days");
    expect(errors({ month: 12, day: 1, days: null }).days).toBe("Give the number of days");
  });
});

describe("a seasonal campaign's lifetime cap counts per run", () => {
  it("keys the lifetime allowance by the run's first store day; other campaigns keep one key", () => {
    expect(lifetimeKey({ season: ADVENT }, "2026-12-05")).toBe("lifetime:2026-12-01");
    expect(lifetimeKey({ season: ADVENT }, "2027-12-12T09:00")).toBe("lifetime:2027-12-01");
    expect(lifetimeKey({ season: { month: 12, day: 20, days: 20 } }, "2027-01-03")).toBe("lifetime:2026-12-20");
    expect(lifetimeKey({ season: null }, "2027-12-05")).toBe("lifetime");
  });
});

describe("the editor's preview of the next run", () => {
  it("names the run under way or the next one in store time, and nothing for an invalid season", () => {
    expect(previewSeason(ADVENT, at("2026-12-04T09:00:00Z"), "Europe/Berlin")).toMatchObject({
      label: "Tue 1 Dec 2026 – Sat 12 Dec 2026 (12 days)",
      underway: true,
    });
    expect(previewSeason(ADVENT, at("2026-12-13T09:00:00Z"), "Europe/Berlin")).toMatchObject({
      label: "Wed 1 Dec 2027 – Sun 12 Dec 2027 (12 days)",
      startsAt: "2027-11-30T23:00:00.000Z",
      underway: false,
    });
    expect(previewSeason({ month: 2, day: 30, days: 1 }, new Date(), "Europe/Berlin")).toBeNull();
  });
});

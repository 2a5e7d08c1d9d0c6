// The admin's campaign core: validation messages for impossible settings, prize economics,
// the schedule preview, create/edit/publish/pause/end with audit entries, overlap refusal,
// and the holdout (deterministic, near its share, no offer and no play for the held out).
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { auditTrail } from "playcart/internal/admin/audit";
import {
  CampaignInputError,
  CampaignOverlapError,
  campaignWithPrizes,
  saveCampaign,
  schedulesOverlap,
  setCampaignStatus,
  toDraft,
} from "playcart/internal/admin/campaign-admin";
import { campaignDraftSchema, draftErrors } from "playcart/internal/games/campaign-draft";
import { holdoutBucket, holdoutIdentity, isHeldOut } from "playcart/internal/games/holdout";
import { findPlacement, PlayError, play } from "playcart/internal/games/play";
import { previewWindows } from "playcart/internal/games/schedule-preview";
import { prizeEconomics } from "playcart/internal/rewards/prize-economics";
import { auditLog, campaigns, prizes } from "playcart/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createMemoryDb } from "../support/pglite";

const TZ = "Europe/Berlin";
const CLOCK = { now: new Date("2026-06-13T10:00:00Z"), timeZone: TZ };
let db: Db;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await createMemoryDb());
});
afterAll(async () => {
  await close?.();
});

function draft(overrides: Record<string, unknown> = {}) {
  return {
    name: "Saturday wheel",
    slug: `sat-${randomUUID().slice(0, 8)}`,
    gameType: "spin_wheel",
    placement: "checkout_first_order",
    audience: true,
    startsAt: null,
    endsAt: null,
    windows: [{ weekday: 6, start: "09:00", end: "15:00" }],
    allowance: { default: 1 },
    lifetimeLimit: null,
    rewardScope: "this_order",
    rewardValidDays: 7,
    holdoutPercent: 0,
    // It can lose at checkout: publishing needs the free entry (official rules).
    freeEntry: true,
    prizes: [
      {
        label: "10% off",
        weight: 10,
        rewardType: "percent_off",
        rewardValue: 10,
        costMinor: 500,
        budgetValueMinor: 10_000,
        inventory: null,
        dailyCap: null,
        maxDiscountMinor: null,
        productRef: null,
      },
      {
        label: "$2 off",
        weight: 30,
        rewardType: "amount_off",
        rewardValue: 200,
        costMinor: 200,
        budgetValueMinor: null,
        inventory: 50,
        dailyCap: null,
        maxDiscountMinor: null,
        productRef: null,
      },
      {
        label: "No prize",
        weight: 60,
        rewardType: "none",
        rewardValue: 0,
        costMinor: 0,
        budgetValueMinor: null,
        inventory: null,
        dailyCap: null,
        maxDiscountMinor: null,
        productRef: null,
      },
    ],
    ...overrides,
  };
}

const errorsOf = (input: unknown) => {
  const r = campaignDraftSchema.safeParse(input);
  return r.success ? {} : draftErrors(r.error);
};

describe("impossible settings get clear errors", () => {
  it("accepts a sensible campaign", () => {
    expect(errorsOf(draft())).toEqual({});
  });
  it("all weights zero", () => {
    const d = draft();
    expect(errorsOf({ ...d, prizes: d.prizes.map((p) => ({ ...p, weight: 0 })) }).prizes).toMatch(
      /All prize weights are zero/,
    );
  });
  it("a negative budget", () => {
    const d = draft();
    expect(errorsOf({ ...d, prizes: [{ ...d.prizes[0], budgetValueMinor: -1 }] })["prizes.0.budgetValueMinor"]).toBe(
      "A budget cannot be negative",
    );
  });
  it("a window that ends before it starts", () => {
    expect(errorsOf(draft({ windows: [{ weekday: 6, start: "15:00", end: "09:00" }] }))["windows.0.end"]).toBe(
      "A window must end after it starts",
    );
  });
  it("dates that end before they start, overlapping windows, a broken condition", () => {
    expect(errorsOf(draft({ startsAt: "2026-06-10T00:00:00Z", endsAt: "2026-06-01T00:00:00Z" })).endsAt).toMatch(
      /end after it starts/,
    );
    expect(
      errorsOf(
        draft({
          windows: [
            { weekday: 6, start: "09:00", end: "12:00" },
            { weekday: 6, start: "11:00", end: "13:00" },
          ],
        }),
      )["windows.1.start"],
    ).toMatch(/Overlaps window 1/);
    expect(errorsOf(draft({ audience: { nonsense_op: [1, 2] } })).audience).toMatch(/Invalid condition/);
  });
});

describe("a campaign that repeats every year", () => {
  const advent = { month: 12, day: 1, days: 12 };
  it("accepts a season instead of dates", () => {
    expect(errorsOf(draft({ season: advent }))).toEqual({});
    expect(campaignDraftSchema.parse(draft()).season).toBeNull();
  });
  it("names the season field that is wrong: a day the month lacks, 29 February, the length", () => {
    expect(errorsOf(draft({ season: { ...advent, month: 11, day: 31 } }))["season.day"]).toBe(
      "Choose a day that exists in that month (November has 30 days)",
    );
    expect(errorsOf(draft({ season: { ...advent, month: 2, day: 29 } }))["season.day"]).toMatch(
      /start on 28 February or 1 March/,
    );
    expect(errorsOf(draft({ season: { ...advent, days: 0 } }))["season.days"]).toBe("A season lasts at least 1 day");
    expect(errorsOf(draft({ season: { ...advent, days: 400 } }))["season.days"]).toBe(
      "A season lasts at most 366 days",
    );
    // What the editor sends for a field left empty or typed as text.
    expect(errorsOf(draft({ season: { ...advent, day: null } }))["season.day"]).toBe("Give a day of the month");
  });
  it("refuses a season and fixed dates together", () => {
    expect(errorsOf(draft({ season: advent, startsAt: "2026-12-01T00:00:00Z" })).season).toMatch(
      /repeats every year has no start or end date/,
    );
    expect(errorsOf(draft({ season: advent, endsAt: "2026-12-13T00:00:00Z" })).season).toBeDefined();
  });
});

describe("prize economics", () => {
  it("odds, expected cost per 1,000 plays and budget left", () => {
    const e = prizeEconomics([
      {
        label: "A",
        weight: 10,
        rewardType: "percent_off",
        costMinor: 500,
        budgetValueMinor: 10_000,
        inventory: null,
        valueAwardedMinor: 2_500,
      },
      {
        label: "B",
        weight: 30,
        rewardType: "amount_off",
        costMinor: 200,
        budgetValueMinor: null,
        inventory: 50,
        wins: 20,
      },
      { label: "C", weight: 60, rewardType: "none", costMinor: 0, budgetValueMinor: null, inventory: null },
    ]);
    expect(e.prizes.map((p) => p.chance)).toEqual([0.1, 0.3, 0.6]);
    // 1000 plays: 100 x 500 + 300 x 200 = 110,000 minor units.
    expect(e.prizes.map((p) => p.costPer1000Minor)).toEqual([50_000, 60_000, 0]);
    expect(e.costPer1000Minor).toBe(110_000);
    expect(e.prizes[0].budgetLeftMinor).toBe(7_500);
    expect(e.prizes[0].winsLeft).toBe(15);
    expect(e.prizes[1].winsLeft).toBe(30);
    expect(e.winChance).toBeCloseTo(0.4);
  });
});

describe("schedule preview", () => {
  it("the next five Saturday windows in store time, across the end of summer time", () => {
    const from = DateTime.fromISO("2026-10-14T12:00", { zone: TZ }).toJSDate();
    const w = previewWindows(
      { windows: [{ weekday: 6, start: "09:00", end: "15:00" }], startsAt: null, endsAt: null },
      from,
      TZ,
    );
    expect(w).toHaveLength(5);
    expect(w[0].label).toBe("Sat 17 Oct 2026, 09:00–15:00 GMT+2");
    // 25 Oct: clocks go back; the window keeps its wall-clock hours.
    expect(w[2].label).toBe("Sat 31 Oct 2026, 09:00–15:00 GMT+1");
    expect(w[2].startsAt).toBe("2026-10-31T08:00:00.000Z");
  });
  it("clipped by the campaign's dates", () => {
    const from = new Date("2026-10-14T10:00:00Z");
    const w = previewWindows(
      {
        windows: [{ weekday: 6, start: "09:00", end: "15:00" }],
        startsAt: "2026-10-20T00:00:00Z",
        endsAt: "2026-11-01T00:00:00Z",
      },
      from,
      TZ,
    );
    expect(w.map((x) => x.startsAt)).toEqual(["2026-10-24T07:00:00.000Z", "2026-10-31T08:00:00.000Z"]);
  });
});

describe("campaign life cycle", () => {
  it("creates, edits, publishes, pauses and ends, auditing each change with before and after", async () => {
    const id = await saveCampaign(db, "owner@shop.test", null, draft({ name: "Life cycle" }), CLOCK);
    const saved = await campaignWithPrizes(db, id);
    expect(saved?.campaign.status).toBe("draft");
    expect(saved?.prizes.map((p) => p.label)).toEqual(["10% off", "$2 off", "No prize"]);

    const edited = draft({ name: "Life cycle, edited", slug: saved!.campaign.slug });
    edited.prizes = saved!.prizes.map((p, i) => ({
      ...edited.prizes[i],
      id: p.id,
      weight: i === 2 ? 40 : edited.prizes[i].weight,
    }));
    await saveCampaign(db, "owner@shop.test", id, edited, CLOCK);
    await setCampaignStatus(db, "owner@shop.test", id, "live", CLOCK);
    await setCampaignStatus(db, "owner@shop.test", id, "paused", CLOCK);
    await setCampaignStatus(db, "owner@shop.test", id, "ended", CLOCK);
    await expect(setCampaignStatus(db, "owner@shop.test", id, "live", CLOCK)).rejects.toThrow(
      /ended campaign cannot become live/,
    );

    const trail = (await auditTrail(db, { entity: "campaign", entityId: id })).reverse();
    expect(trail.map((a) => a.action)).toEqual([
      "campaign.create",
      "campaign.update",
      "campaign.publish",
      "campaign.pause",
      "campaign.end",
    ]);
    expect(trail.every((a) => a.actor === "owner@shop.test")).toBe(true);
    expect((trail[1].before as { name: string }).name).toBe("Life cycle");
    expect((trail[1].after as { name: string; prizes: { weight: number }[] }).prizes[2].weight).toBe(40);
    expect(trail[3].before).toEqual({ status: "live" });
    expect(trail[3].after).toEqual({ status: "paused" });
    // Append-only.
    await expect(db.update(auditLog).set({ actor: "someone else" })).rejects.toThrow();
  });

  it("refuses a second live campaign at the same placement and time, and changes nothing", async () => {
    const first = await saveCampaign(
      db,
      "owner@shop.test",
      null,
      draft({ placement: "checkout_returning", rewardScope: "next_order" }),
      CLOCK,
    );
    await setCampaignStatus(db, "owner@shop.test", first, "live", CLOCK);
    const second = await saveCampaign(
      db,
      "owner@shop.test",
      null,
      draft({
        placement: "checkout_returning",
        rewardScope: "next_order",
        windows: [{ weekday: 6, start: "14:00", end: "18:00" }],
      }),
      CLOCK,
    );
    const err = await setCampaignStatus(db, "owner@shop.test", second, "live", CLOCK).catch((e) => e);
    expect(err).toBeInstanceOf(CampaignInputError);
    expect(err.fieldErrors.placement).toMatch(/Overlaps the live campaign/);
    const [row] = await db.select({ status: campaigns.status }).from(campaigns).where(eq(campaigns.id, second));
    expect(row.status).toBe("draft");
    // A Sunday window does not overlap.
    expect(
      schedulesOverlap(
        { startsAt: null, endsAt: null, season: null, windows: [{ weekday: 6, start: "09:00", end: "15:00" }] },
        { startsAt: null, endsAt: null, season: null, windows: [{ weekday: 7, start: "09:00", end: "15:00" }] },
        CLOCK,
      ),
    ).toBe(false);
  });

  it("publishing may pause the campaign in the way: both in one transaction, both audited", async () => {
    const placement = "comeback";
    const at = (name: string, windows: unknown[]) =>
      saveCampaign(db, "owner@shop.test", null, draft({ name, placement, rewardScope: "next_order", windows }), CLOCK);
    const live = await at("Live exit wheel", [{ weekday: 3, start: "09:00", end: "12:00" }]);
    await setCampaignStatus(db, "owner@shop.test", live, "live", CLOCK);
    const other = await at("Other exit wheel", [{ weekday: 3, start: "11:00", end: "13:00" }]);
    await setCampaignStatus(db, "owner@shop.test", other, "live", CLOCK).catch(() => {});
    const next = await at("Next exit wheel", [{ weekday: 3, start: "10:00", end: "11:30" }]);
    const statusOf = async (id: string) =>
      (await db.select({ status: campaigns.status }).from(campaigns).where(eq(campaigns.id, id)))[0].status;

    // Refused with the campaign in the way named, so the admin can offer to pause it.
    const refused = await setCampaignStatus(db, "owner@shop.test", next, "live", CLOCK).catch((e) => e);
    expect(refused).toBeInstanceOf(CampaignOverlapError);
    expect(refused.conflict).toEqual({ id: live, name: "Live exit wheel" });

    // A second live campaign still in the way: the pause rolls back with the refusal.
    await db.update(campaigns).set({ status: "live" }).where(eq(campaigns.id, other));
    const still = await setCampaignStatus(db, "owner@shop.test", next, "live", CLOCK, { pauseFirst: live }).catch(
      (e) => e,
    );
    expect(still.conflict).toEqual({ id: other, name: "Other exit wheel" });
    expect([await statusOf(live), await statusOf(next)]).toEqual(["live", "draft"]);
    await db.update(campaigns).set({ status: "paused" }).where(eq(campaigns.id, other));

    // Only a live campaign at the same placement may be paused this way, and only to publish.
    const elsewhere = await saveCampaign(
      db,
      "owner@shop.test",
      null,
      draft({ name: "Elsewhere", windows: [{ weekday: 1, start: "03:00", end: "04:00" }] }),
      CLOCK,
    );
    await setCampaignStatus(db, "owner@shop.test", elsewhere, "live", CLOCK);
    await expect(
      setCampaignStatus(db, "owner@shop.test", next, "live", CLOCK, { pauseFirst: elsewhere }),
    ).rejects.toThrow(/another placement/);
    await expect(setCampaignStatus(db, "owner@shop.test", next, "ended", CLOCK, { pauseFirst: live })).rejects.toThrow(
      /Only publishing/,
    );

    await setCampaignStatus(db, "owner@shop.test", next, "live", CLOCK, { pauseFirst: live });
    expect([await statusOf(live), await statusOf(next), await statusOf(elsewhere)]).toEqual(["paused", "live", "live"]);
    const [paused] = await auditTrail(db, { entity: "campaign", entityId: live });
    expect(paused).toMatchObject({
      actor: "owner@shop.test",
      action: "campaign.pause",
      before: { status: "live" },
      after: { status: "paused", reason: "to publish “Next exit wheel”" },
    });
    const [published] = await auditTrail(db, { entity: "campaign", entityId: next });
    expect(published).toMatchObject({ action: "campaign.publish", after: { status: "live" } });
  });

  it("saves a seasonal campaign with its season, and an edit keeps it", async () => {
    const season = { month: 12, day: 1, days: 12 };
    const id = await saveCampaign(db, "owner@shop.test", null, draft({ name: "Yearly", season }), CLOCK);
    const saved = await campaignWithPrizes(db, id);
    if (!saved) throw new Error("not saved");
    expect(saved.campaign).toMatchObject({ season, startsAt: null, endsAt: null });
    const stored = toDraft(saved.campaign, saved.prizes);
    expect(stored.season).toEqual(season);
    await saveCampaign(db, "owner@shop.test", id, { ...stored, name: "Yearly, edited" }, CLOCK);
    expect((await campaignWithPrizes(db, id))?.campaign).toMatchObject({ name: "Yearly, edited", season });
  });

  it("compares a season's runs from now on: with fixed dates, with another season", () => {
    const advent = { startsAt: null, endsAt: null, season: { month: 12, day: 1, days: 12 }, windows: [] };
    const fixed = (startsAt: string | null, endsAt: string | null) => ({
      startsAt: startsAt ? new Date(startsAt) : null,
      endsAt: endsAt ? new Date(endsAt) : null,
      season: null,
      windows: [],
    });
    const overlap = (
      a: Parameters<typeof schedulesOverlap>[0],
      b: Parameters<typeof schedulesOverlap>[0],
      now: string,
    ) => schedulesOverlap(a, b, { now: new Date(now), timeZone: TZ });
    // Fixed dates in this year's run, in next year's, far ahead, or over before it: by the run they meet.
    expect(overlap(advent, fixed("2026-12-10T00:00:00Z", "2026-12-20T00:00:00Z"), "2026-06-13T10:00:00Z")).toBe(true);
    expect(overlap(fixed("2027-12-10T00:00:00Z", null), advent, "2026-06-13T10:00:00Z")).toBe(true);
    expect(overlap(advent, fixed("2031-12-05T00:00:00Z", "2031-12-06T00:00:00Z"), "2026-06-13T10:00:00Z")).toBe(true);
    expect(overlap(advent, fixed("2027-01-01T00:00:00Z", "2027-11-30T00:00:00Z"), "2026-06-13T10:00:00Z")).toBe(false);
    // 13 December in Berlin is after the run: an always-on campaign until Christmas does not meet it.
    expect(overlap(advent, fixed(null, "2026-12-25T00:00:00Z"), "2026-12-13T10:00:00Z")).toBe(false);
    expect(overlap(advent, fixed(null, null), "2026-12-13T10:00:00Z")).toBe(true);
    // Dates that ended earlier in the run under way are over: they meet nothing from now on.
    expect(overlap(advent, fixed("2026-12-02T00:00:00Z", "2026-12-04T00:00:00Z"), "2026-12-05T10:00:00Z")).toBe(false);
    // Two seasons meet every year or never, whichever run is under way now.
    const winter = { ...advent, season: { month: 11, day: 25, days: 10 } }; // to 4 December
    const january = { ...advent, season: { month: 1, day: 1, days: 31 } };
    for (const now of ["2026-06-13T10:00:00Z", "2026-12-03T10:00:00Z", "2026-12-08T10:00:00Z"]) {
      expect(overlap(advent, winter, now)).toBe(true);
      expect(overlap(winter, january, now)).toBe(false);
    }
  });

  it("refuses publishing a season over a live one at the same placement", async () => {
    const yearly = (name: string, season: { month: number; day: number; days: number }) =>
      saveCampaign(
        db,
        "owner@shop.test",
        null,
        draft({ name, placement: "seasonal_page", gameType: "advent_calendar", windows: [], season }),
        CLOCK,
      );
    const first = await yearly("December doors", { month: 12, day: 1, days: 12 });
    await setCampaignStatus(db, "owner@shop.test", first, "live", CLOCK);
    const clash = await yearly("Late November", { month: 11, day: 28, days: 7 });
    const err = await setCampaignStatus(db, "owner@shop.test", clash, "live", CLOCK).catch((e) => e);
    expect(err).toBeInstanceOf(CampaignInputError);
    expect(err.fieldErrors.placement).toMatch(/Overlaps the live campaign “December doors”/);
    const spring = await yearly("Spring", { month: 3, day: 1, days: 20 });
    await setCampaignStatus(db, "owner@shop.test", spring, "live", CLOCK);
  });

  it("shows a prize without limits as won from its plays; a first limit counts those wins", async () => {
    const unlimited = {
      label: "$1 off",
      weight: 1,
      rewardType: "amount_off",
      rewardValue: 100,
      costMinor: 100,
      budgetValueMinor: null,
      inventory: null,
      dailyCap: null,
      maxDiscountMinor: null,
      productRef: null,
    };
    const id = await saveCampaign(db, "owner@shop.test", null, draft({ windows: [], prizes: [unlimited] }), CLOCK);
    await setCampaignStatus(db, "owner@shop.test", id, "live", CLOCK);
    for (let i = 0; i < 3; i++)
      await play(db, {
        campaignId: id,
        requestId: randomUUID(),
        shopper: { email: `tally${i}-${id}@example.test`, sessionRef: `s-${i}-${id}`, deviceId: `d-${i}-${id}` },
        cart: { valueMinor: 1000, itemCount: 1, categories: [] },
        now: CLOCK.now,
        timeZone: TZ,
      });
    const shown = await campaignWithPrizes(db, id);
    if (!shown) throw new Error("not saved");
    expect(shown.prizes.map((p) => [p.wins, p.valueAwardedMinor])).toEqual([[3, 300]]);
    // The row itself was never written by a play: no play waits on it.
    const [row] = await db.select().from(prizes).where(eq(prizes.campaignId, id));
    expect([row.wins, row.valueAwardedMinor]).toEqual([0, 0]);

    const stored = toDraft(shown.campaign, shown.prizes);
    const tooFew = await saveCampaign(
      db,
      "owner@shop.test",
      id,
      { ...stored, prizes: [{ ...stored.prizes[0], inventory: 2 }] },
      CLOCK,
    ).catch((e) => e);
    expect(tooFew).toBeInstanceOf(CampaignInputError);
    expect(tooFew.fieldErrors["prizes.0.inventory"]).toBe("Inventory is below the 3 already won");
    await saveCampaign(
      db,
      "owner@shop.test",
      id,
      { ...stored, prizes: [{ ...stored.prizes[0], inventory: 5 }] },
      CLOCK,
    );
    const [limited] = await db.select().from(prizes).where(eq(prizes.campaignId, id));
    expect([limited.inventory, limited.wins, limited.valueAwardedMinor]).toEqual([5, 3, 300]);
    await setCampaignStatus(db, "owner@shop.test", id, "ended", CLOCK);
  });

  it("refuses invalid input with field errors and writes nothing", async () => {
    const before = (await auditTrail(db)).length;
    const err = await saveCampaign(db, "owner@shop.test", null, draft({ prizes: [] }), CLOCK).catch((e) => e);
    expect(err).toBeInstanceOf(CampaignInputError);
    expect(err.fieldErrors.prizes).toBe("Add at least one prize");
    expect((await auditTrail(db)).length).toBe(before);
  });
});

describe("holdout", () => {
  it("is deterministic per campaign and identity, and close to its share", () => {
    const campaign = { id: randomUUID(), holdoutPercent: 10 };
    const ids = Array.from({ length: 20_000 }, (_, i) => `email:shopper${i}@example.test`);
    const first = ids.map((id) => isHeldOut(campaign, id));
    expect(ids.map((id) => isHeldOut(campaign, id))).toEqual(first);
    const share = first.filter(Boolean).length / ids.length;
    expect(share).toBeGreaterThan(0.09);
    expect(share).toBeLessThan(0.11);
    expect(isHeldOut({ ...campaign, holdoutPercent: 0 }, ids[0])).toBe(false);
    expect(holdoutBucket(campaign.id, ids[0])).toBe(holdoutBucket(campaign.id, ids[0]));
    // The email decides, the way per-person limits read it.
    expect(holdoutIdentity({ email: "J.Doe+x@GMail.com", deviceId: "d" })).toBe("email:jdoe@gmail.com");
  });

  it("a held-out shopper gets no offer, is reported as held out, and cannot play", async () => {
    const id = await saveCampaign(
      db,
      "owner@shop.test",
      null,
      draft({ placement: "checkout_first_order", windows: [], holdoutPercent: 50 }),
      CLOCK,
    );
    await setCampaignStatus(db, "owner@shop.test", id, "live", CLOCK);
    const campaign = { id, holdoutPercent: 50 };
    let i = 0;
    const emailFor = (held: boolean) => {
      for (;;) {
        const email = `h${i++}@example.test`;
        if (isHeldOut(campaign, holdoutIdentity({ email })) === held) return email;
      }
    };
    const now = new Date("2026-06-13T10:00:00Z");
    const cart = { valueMinor: 1000, itemCount: 1, categories: [] };
    const held = { email: emailFor(true), sessionRef: "s-held", deviceId: "d-held" };
    const offered = { email: emailFor(false), sessionRef: "s-off", deviceId: "d-off" };
    const a = await findPlacement(db, { placement: "checkout_first_order", shopper: held, cart, now, timeZone: TZ });
    expect(a).toEqual({ offer: null, heldOut: { campaignId: id }, playedOut: null });
    const b = await findPlacement(db, { placement: "checkout_first_order", shopper: offered, cart, now, timeZone: TZ });
    expect(b.offer?.campaignId).toBe(id);
    const refused = await play(db, {
      campaignId: id,
      requestId: randomUUID(),
      shopper: held,
      cart,
      now,
      timeZone: TZ,
    }).catch((e) => e);
    expect(refused).toBeInstanceOf(PlayError);
    expect(refused.code).toBe("not_eligible");
  });
});

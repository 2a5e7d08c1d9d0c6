// The advent calendar: twelve doors, 1-12 December of every year, one per store day in the
// store's time zone (Berlin and Sydney here), each a play decided by the server. Every
// instant is passed explicitly: nothing depends on today's date.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { identityKeys } from "playcart/internal/core/identity";
import { adventCalendar } from "playcart/internal/games/advent";
import { publicOdds } from "playcart/internal/games/odds";
import { playsWords, whenWords } from "playcart/internal/games/odds-words";
import { PlayError, type PlayShopper, play, remainingPlays } from "playcart/internal/games/play";
import { grantBonusPlays } from "playcart/internal/games/play-grants";
import { campaignDates } from "playcart/internal/games/season";
import { campaigns, playAllowances } from "playcart/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { ADVENT_SLUG, seedAdvent } from "@/db/seed-seasonal";
import { createMemoryDb } from "../support/pglite";

const BERLIN = "Europe/Berlin";
const SYDNEY = "Australia/Sydney";
const YEARS = [2026, 2027, 2028, 2035]; // 2028 is a leap year
let handle: Awaited<ReturnType<typeof createMemoryDb>>;
let db: Db;
let campaignId: string;
const ROLLBACK = new Error("rollback");

/** Runs `fn` with STORE_TIMEZONE set (or unset) as a seeding process might have it. */
async function withSeedZone<T>(zone: string | undefined, fn: () => Promise<T>): Promise<T> {
  const saved = process.env.STORE_TIMEZONE;
  if (zone === undefined) delete process.env.STORE_TIMEZONE;
  else process.env.STORE_TIMEZONE = zone;
  try {
    return await fn();
  } finally {
    if (saved === undefined) delete process.env.STORE_TIMEZONE;
    else process.env.STORE_TIMEZONE = saved;
  }
}

beforeAll(async () => {
  handle = await createMemoryDb();
  db = handle.db;
  // Seeded in a zone neither store below runs in: it must not matter.
  await withSeedZone("Pacific/Honolulu", () => seedAdvent(db));
  [{ id: campaignId }] = await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, ADVENT_SLUG));
});
afterAll(async () => handle?.close());

const shopper = (): PlayShopper => {
  const run = randomUUID().slice(0, 8);
  return { email: `advent-${run}@example.test`, deviceId: `dev-${run}`, sessionRef: `sess-${run}` };
};
const cart = { valueMinor: 0, itemCount: 0, categories: [] };
const open = (who: PlayShopper, at: string | Date, timeZone = BERLIN) =>
  play(db, { campaignId, requestId: randomUUID(), shopper: who, cart, now: new Date(at), timeZone });
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => "played",
    (e) => (e instanceof PlayError ? e.code : String(e)),
  );
/** An instant given in store time. */
const local = (wallClock: string, zone: string) => DateTime.fromISO(wallClock, { zone }).toJSDate();
const calendarAt = (now: Date, timeZone: string, who = shopper()) =>
  adventCalendar(db, { slug: ADVENT_SLUG, shopper: who, now, timeZone });
const decemberDays = (year: number) =>
  Array.from({ length: 12 }, (_, i) => `${year}-12-${String(i + 1).padStart(2, "0")}`);

describe("the seeded campaign", () => {
  it("is a season, 1-12 December every year, with no dates of its own", async () => {
    const [c] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
    expect(c).toMatchObject({
      slug: "advent-calendar",
      gameType: "advent_calendar",
      placement: "seasonal_page",
      status: "live",
      lifetimeLimit: 12,
      season: { month: 12, day: 1, days: 12 },
      startsAt: null,
      endsAt: null,
    });
  });

  it("is the same whatever STORE_TIMEZONE the seeding process had", async () => {
    // Seeded afresh in a transaction that is rolled back (this runs before any door is opened).
    const seededIn = async (zone: string | undefined) => {
      let row: unknown;
      await db
        .transaction(async (tx) => {
          await tx.delete(campaigns).where(eq(campaigns.slug, ADVENT_SLUG));
          await withSeedZone(zone, () => seedAdvent(tx));
          [row] = await tx
            .select({ season: campaigns.season, startsAt: campaigns.startsAt, endsAt: campaigns.endsAt })
            .from(campaigns)
            .where(eq(campaigns.slug, ADVENT_SLUG));
          throw ROLLBACK;
        })
        .catch((e) => {
          if (e !== ROLLBACK) throw e;
        });
      return row;
    };
    const [utc, sydney] = [await seededIn(undefined), await seededIn(SYDNEY)];
    expect(sydney).toEqual(utc);
    expect(utc).toEqual({ season: { month: 12, day: 1, days: 12 }, startsAt: null, endsAt: null });
  });

  it("seeding again adds nothing", async () => {
    await seedAdvent(db);
    expect(await db.select().from(campaigns).where(eq(campaigns.slug, ADVENT_SLUG))).toHaveLength(1);
  });
});

describe.each([BERLIN, SYDNEY])("every December in %s", (zone) => {
  it.each(YEARS)("%i: twelve doors, 1-12 December, door 1 at local midnight", async (year) => {
    const [c] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
    const { startsAt, endsAt } = campaignDates(c, local(`${year}-12-05T12:00`, zone), zone);
    // December is winter in Berlin (UTC+1) and summer in Sydney (UTC+11): midnight on
    // 1 December is 23:00 or 13:00 UTC on 30 November.
    const utcHour = zone === BERLIN ? "23" : "13";
    expect(startsAt?.toISOString()).toBe(`${year}-11-30T${utcHour}:00:00.000Z`);
    expect(endsAt?.toISOString()).toBe(`${year}-12-12T${utcHour}:00:00.000Z`);

    const calendar = await calendarAt(local(`${year}-12-05T12:00`, zone), zone);
    expect(calendar?.doors.map((d) => d.date)).toEqual(decemberDays(year));
    expect(calendar?.doors.map((d) => d.state)).toEqual([
      ...Array(4).fill("missed"),
      "today",
      ...Array(7).fill("locked"),
    ]);
    expect(calendar?.todayOpen).toBe(true);
  });

  it("door 1 opens at local midnight on 1 December, the last closes at midnight after the 12th", async () => {
    const who = shopper();
    const year = 2027;
    const minuteBefore = new Date(local(`${year}-12-01T00:00`, zone).getTime() - 60_000);
    expect(await refusal(open(who, minuteBefore, zone))).toBe("closed");
    expect(await refusal(open(who, local(`${year}-12-01T00:00`, zone), zone))).toBe("played");
    expect(await refusal(open(who, local(`${year}-12-01T23:30`, zone), zone))).toBe("no_plays_left");
    expect(await refusal(open(who, local(`${year}-12-02T00:30`, zone), zone))).toBe("played");
    expect(await refusal(open(who, local(`${year}-12-12T23:59`, zone), zone))).toBe("played");
    expect(await refusal(open(who, local(`${year}-12-13T00:00`, zone), zone))).toBe("closed");
  });

  it("on 13 December the calendar shows next year's doors, all locked", async () => {
    const calendar = await calendarAt(local("2026-12-13T09:00", zone), zone);
    expect(calendar?.doors.map((d) => d.date)).toEqual(decemberDays(2027));
    expect(calendar?.doors.every((d) => d.state === "locked")).toBe(true);
    expect(calendar?.todayOpen).toBe(false);
  });
});

describe("one shopper's doors", () => {
  it("shows each door's state: opened ones with what was behind them, today's, missed and locked", async () => {
    const who = shopper();
    await open(who, "2026-12-01T09:00:00Z");
    await open(who, "2026-12-03T09:00:00Z");
    const calendar = await calendarAt(new Date("2026-12-04T09:00:00Z"), BERLIN, who);
    expect(calendar?.doors.map((d) => d.state)).toEqual([
      "opened",
      "missed",
      "opened",
      "today",
      ...Array(8).fill("locked"),
    ]);
    expect(calendar?.doors[0].prizeLabel).toBeTruthy();
    expect(calendar?.doors[3]).toMatchObject({ day: 4, date: "2026-12-04", prizeLabel: null });

    // Once today's door is open it shows as opened; another shopper still sees it closed.
    await open(who, "2026-12-04T10:00:00Z");
    const after = await calendarAt(new Date("2026-12-04T11:00:00Z"), BERLIN, who);
    expect(after?.doors[3].state).toBe("opened");
    const other = await calendarAt(new Date("2026-12-04T11:00:00Z"), BERLIN);
    expect(other?.doors.map((d) => d.state).slice(0, 5)).toEqual(["missed", "missed", "missed", "today", "locked"]);

    // Next December starts afresh: last year's doors are not this year's.
    const nextYear = await calendarAt(new Date("2027-12-02T11:00:00Z"), BERLIN, who);
    expect(nextYear?.doors.slice(0, 3).map((d) => d.state)).toEqual(["missed", "today", "locked"]);
  });

  it("before December every door is locked, and no door opens", async () => {
    const calendar = await calendarAt(new Date("2026-11-22T12:00:00Z"), BERLIN);
    expect(calendar?.doors.map((d) => d.date)).toEqual(decemberDays(2026));
    expect(calendar?.doors.every((d) => d.state === "locked")).toBe(true);
    expect(calendar?.todayOpen).toBe(false);
  });

  it("a shopper who used all 12 plays in 2026 plays again in December 2027", async () => {
    const who = shopper();
    for (const date of decemberDays(2026))
      expect(await refusal(open(who, local(`${date}T10:00`, BERLIN)))).toBe("played");
    const allowance = (window: string) =>
      db
        .select({ used: playAllowances.used })
        .from(playAllowances)
        .where(
          and(
            eq(playAllowances.campaignId, campaignId),
            eq(playAllowances.identityKey, `email:${who.email}`),
            eq(playAllowances.windowKey, window),
          ),
        );
    expect(await allowance("lifetime:2026-12-01")).toEqual([{ used: 12 }]);
    // What the offer reads counts the same row the play takes from.
    const [c] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
    const plays = (window: string) => remainingPlays(db, c, identityKeys(who), window, "green");
    expect(await plays("2026-12-12")).toBe(0);
    expect(await plays("2027-12-01")).toBe(1);
    expect(await refusal(open(who, local("2027-12-01T10:00", BERLIN)))).toBe("played");
    expect(await allowance("lifetime:2027-12-01")).toEqual([{ used: 1 }]);
  });

  it("the lifetime cap of 12 binds within one December, even with bonus plays, and not the next", async () => {
    const who = shopper();
    await grantBonusPlays(db, campaignId, `email:${who.email}`, 20);
    const dayOne = local("2028-12-01T10:00", BERLIN);
    for (let i = 0; i < 12; i++) expect(await refusal(open(who, dayOne))).toBe("played");
    expect(await refusal(open(who, dayOne))).toBe("no_plays_left");
    expect(await refusal(open(who, local("2028-12-05T10:00", BERLIN)))).toBe("no_plays_left");
    expect(await refusal(open(who, local("2029-12-01T10:00", BERLIN)))).toBe("played");
  });
});

describe("the odds page", () => {
  const words = async (now: string, timeZone: string) => {
    const odds = await publicOdds(db, ADVENT_SLUG, { now: new Date(now), timeZone, currency: "usd" });
    if (!odds) throw new Error("no odds");
    const date = (d: Date) => new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone }).format(d);
    return { odds, when: whenWords(odds, timeZone, date), plays: playsWords(odds, String, "door") };
  };

  it("names the run under way, says it repeats every year, and counts the 12 doors per year", async () => {
    const { odds, when, plays } = await words("2027-12-05T12:00:00Z", SYDNEY);
    expect(odds.startsAt?.toISOString()).toBe("2027-11-30T13:00:00.000Z");
    expect(when).toBe(
      "Every year from 1 December, for 12 days; this time from 1 December 2027 until the end of 12 December 2027: any day.",
    );
    expect(plays[0]).toMatch(/1 door a day \(days start at midnight, store time\)/);
    expect(plays).toContain("At most 12 doors each year.");
  });

  it("after 12 December names next year's run", async () => {
    const { odds, when } = await words("2026-12-13T09:00:00Z", BERLIN);
    expect(odds.openNow).toBe(false);
    expect(when).toMatch(/next time from 1 December 2027 until the end of 12 December 2027/);
  });
});

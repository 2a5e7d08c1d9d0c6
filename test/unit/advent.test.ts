// The advent calendar: twelve doors, one per store day in Europe/Berlin (December has no
// daylight-saving change there), each a play decided by the server.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { ADVENT_SLUG, seedAdvent } from "@/db/seed-seasonal";
import { adventCalendar, adventDays } from "@/lib/engage/advent";
import { PlayError, type PlayShopper, play } from "@/lib/engage/play";
import { campaigns } from "@/lib/engage/schema";
import { createMemoryDb } from "../support/pglite";

const TZ = "Europe/Berlin";
let handle: Awaited<ReturnType<typeof createMemoryDb>>;
let db: Db;
let campaignId: string;

beforeAll(async () => {
  handle = await createMemoryDb();
  db = handle.db;
  const zone = process.env.STORE_TIMEZONE;
  process.env.STORE_TIMEZONE = TZ;
  try {
    await seedAdvent(db);
  } finally {
    if (zone === undefined) delete process.env.STORE_TIMEZONE;
    else process.env.STORE_TIMEZONE = zone;
  }
  [{ id: campaignId }] = await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, ADVENT_SLUG));
});
afterAll(async () => handle?.close());

const shopper = (): PlayShopper => {
  const run = randomUUID().slice(0, 8);
  return { email: `advent-${run}@example.test`, deviceId: `dev-${run}`, sessionRef: `sess-${run}` };
};
const cart = { valueMinor: 0, itemCount: 0, categories: [] };
const open = (who: PlayShopper, at: string) =>
  play(db, { campaignId, requestId: randomUUID(), shopper: who, cart, now: new Date(at), timeZone: TZ });
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => "played",
    (e) => (e instanceof PlayError ? e.code : String(e)),
  );

describe("the 12-day advent calendar", () => {
  it("spans 1-12 December 2026 in store time: midnight Berlin is 23:00 UTC the day before", async () => {
    const [c] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
    expect(c).toMatchObject({
      gameType: "advent_calendar",
      placement: "seasonal_page",
      status: "live",
      lifetimeLimit: 12,
    });
    expect(c.startsAt?.toISOString()).toBe("2026-11-30T23:00:00.000Z");
    expect(c.endsAt?.toISOString()).toBe("2026-12-12T23:00:00.000Z");
    const days = adventDays(c.startsAt!, c.endsAt!, TZ);
    expect(days).toHaveLength(12);
    expect([days[0], days[11]]).toEqual(["2026-12-01", "2026-12-12"]);
  });

  it("opens one door per store day: a second scratch the same day is refused, the next day's opens", async () => {
    const who = shopper();
    expect(await refusal(open(who, "2026-11-30T22:59:00Z"))).toBe("closed"); // 23:59 on 30 November in Berlin
    expect(await refusal(open(who, "2026-11-30T23:00:00Z"))).toBe("played"); // 00:00 on 1 December
    expect(await refusal(open(who, "2026-12-01T22:30:00Z"))).toBe("no_plays_left"); // 23:30, still 1 December
    expect(await refusal(open(who, "2026-12-01T23:30:00Z"))).toBe("played"); // 00:30 on 2 December
    expect(await refusal(open(who, "2026-12-12T22:59:00Z"))).toBe("played"); // the last minute of 12 December
    expect(await refusal(open(who, "2026-12-12T23:00:00Z"))).toBe("closed"); // 13 December
  });

  it("shows each door's state: opened ones with what was behind them, today's, missed and locked", async () => {
    const who = shopper();
    await open(who, "2026-12-01T09:00:00Z");
    await open(who, "2026-12-03T09:00:00Z");
    const calendar = await adventCalendar(db, {
      slug: ADVENT_SLUG,
      shopper: who,
      now: new Date("2026-12-04T09:00:00Z"),
      timeZone: TZ,
    });
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
    const after = await adventCalendar(db, {
      slug: ADVENT_SLUG,
      shopper: who,
      now: new Date("2026-12-04T11:00:00Z"),
      timeZone: TZ,
    });
    expect(after?.doors[3].state).toBe("opened");
    const other = await adventCalendar(db, {
      slug: ADVENT_SLUG,
      shopper: shopper(),
      now: new Date("2026-12-04T11:00:00Z"),
      timeZone: TZ,
    });
    expect(other?.doors.map((d) => d.state).slice(0, 5)).toEqual(["missed", "missed", "missed", "today", "locked"]);
  });

  it("before December every door is locked, and no door opens", async () => {
    const calendar = await adventCalendar(db, {
      slug: ADVENT_SLUG,
      shopper: shopper(),
      now: new Date("2026-11-22T12:00:00Z"),
      timeZone: TZ,
    });
    expect(calendar?.doors.every((d) => d.state === "locked")).toBe(true);
    expect(calendar?.todayOpen).toBe(false);
  });

  it("seeding again adds nothing", async () => {
    await seedAdvent(db);
    expect(await db.select().from(campaigns).where(eq(campaigns.slug, ADVENT_SLUG))).toHaveLength(1);
  });
});

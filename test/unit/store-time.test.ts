import { DateTime } from "luxon";
import {
  activeWindow,
  storeClock,
  storeDay,
  upcomingWindows,
  weeklyWindowSchema,
} from "playcart/internal/core/store-time";
import { describe, expect, it } from "vitest";

const saturday = [{ weekday: 6, start: "09:00", end: "15:00" }];

// 2026 DST changes. EU: last Sunday of March (29th) and of October (25th), at 01:00 UTC.
// US: second Sunday of March (8th) and first Sunday of November (1st), at 02:00 local.
const cases = [
  {
    zone: "Europe/Berlin",
    label: "Saturday before spring-forward",
    date: "2026-03-28",
    utcStart: "2026-03-28T08:00:00.000Z",
    utcEnd: "2026-03-28T14:00:00.000Z",
  },
  {
    zone: "Europe/Berlin",
    label: "Saturday after spring-forward",
    date: "2026-04-04",
    utcStart: "2026-04-04T07:00:00.000Z",
    utcEnd: "2026-04-04T13:00:00.000Z",
  },
  {
    zone: "Europe/Berlin",
    label: "Saturday before fall-back",
    date: "2026-10-24",
    utcStart: "2026-10-24T07:00:00.000Z",
    utcEnd: "2026-10-24T13:00:00.000Z",
  },
  {
    zone: "Europe/Berlin",
    label: "Saturday after fall-back",
    date: "2026-10-31",
    utcStart: "2026-10-31T08:00:00.000Z",
    utcEnd: "2026-10-31T14:00:00.000Z",
  },
  {
    zone: "America/New_York",
    label: "Saturday before spring-forward",
    date: "2026-03-07",
    utcStart: "2026-03-07T14:00:00.000Z",
    utcEnd: "2026-03-07T20:00:00.000Z",
  },
  {
    zone: "America/New_York",
    label: "Saturday after spring-forward",
    date: "2026-03-14",
    utcStart: "2026-03-14T13:00:00.000Z",
    utcEnd: "2026-03-14T19:00:00.000Z",
  },
  {
    zone: "America/New_York",
    label: "Saturday before fall-back",
    date: "2026-10-31",
    utcStart: "2026-10-31T13:00:00.000Z",
    utcEnd: "2026-10-31T19:00:00.000Z",
  },
  {
    zone: "America/New_York",
    label: "Saturday after fall-back",
    date: "2026-11-07",
    utcStart: "2026-11-07T14:00:00.000Z",
    utcEnd: "2026-11-07T20:00:00.000Z",
  },
];

describe("Saturday 09:00-15:00 store time across daylight-saving changes", () => {
  for (const c of cases) {
    it(`${c.zone}: ${c.label}`, () => {
      const start = new Date(c.utcStart);
      const end = new Date(c.utcEnd);
      const inside = activeWindow(saturday, start, c.zone);
      expect(inside).toEqual({ key: `${c.date}T09:00`, startsAt: start, endsAt: end });
      expect(activeWindow(saturday, new Date(end.getTime() - 1), c.zone)?.key).toBe(`${c.date}T09:00`);
      expect(activeWindow(saturday, new Date(start.getTime() - 1), c.zone)).toBeNull();
      expect(activeWindow(saturday, end, c.zone)).toBeNull();
    });
  }

  it("lists the next windows with their UTC instants moving with the clocks", () => {
    const next = upcomingWindows(saturday, new Date("2026-10-20T00:00:00Z"), "Europe/Berlin", 3);
    expect(next.map((w) => w.startsAt.toISOString())).toEqual([
      "2026-10-24T07:00:00.000Z",
      "2026-10-31T08:00:00.000Z",
      "2026-11-07T08:00:00.000Z",
    ]);
  });

  it("skips a window that has already ended and includes the one in progress", () => {
    const during = new Date("2026-11-21T10:00:00Z"); // Saturday 11:00 in Berlin
    expect(upcomingWindows(saturday, during, "Europe/Berlin", 1)[0].key).toBe("2026-11-21T09:00");
    const after = new Date("2026-11-21T15:00:00Z");
    expect(upcomingWindows(saturday, after, "Europe/Berlin", 1)[0].key).toBe("2026-11-28T09:00");
  });
});

describe("store day", () => {
  it("follows the store's calendar, not UTC", () => {
    const instant = new Date("2026-12-01T23:30:00Z");
    expect(storeDay(instant, "UTC")).toBe("2026-12-01");
    expect(storeDay(instant, "Europe/Berlin")).toBe("2026-12-02");
    expect(storeDay(instant, "America/New_York")).toBe("2026-12-01");
  });

  // storeDay and storeClock remember the last day per zone with its two midnights: every
  // instant must still get luxon's own answer, across daylight-saving changes (Santiago's
  // clocks skip its midnight), a 45-minute offset, and clocks that go back between calls.
  it("gives the zone's own calendar day and clock for every instant, in any order", () => {
    const cases = [
      { zone: "Europe/Berlin", around: "2026-10-25T00:00:00Z" },
      { zone: "America/New_York", around: "2026-03-08T05:00:00Z" },
      { zone: "America/Santiago", around: "2026-09-06T04:00:00Z" },
      { zone: "Asia/Kathmandu", around: "2026-12-01T18:00:00Z" },
    ];
    for (const { zone, around } of cases) {
      const center = new Date(around).getTime();
      const instants = [];
      for (let m = -36 * 60; m <= 36 * 60; m += 7) instants.push(center + m * 60_000);
      for (const at of [...instants, ...instants.reverse()]) {
        const t = DateTime.fromMillis(at, { zone });
        const when = `${zone} at ${new Date(at).toISOString()}`;
        expect(storeDay(new Date(at), zone), when).toBe(t.toISODate());
        expect(storeClock(new Date(at), zone), when).toEqual({
          date: t.toISODate(),
          weekday: t.weekday,
          hour: t.hour,
          minute: t.minute,
          offsetMinutes: t.offset,
        });
      }
    }
  });
});

describe("window validation", () => {
  it("rejects a window that ends before it starts, and malformed times", () => {
    expect(weeklyWindowSchema.safeParse({ weekday: 6, start: "15:00", end: "09:00" }).success).toBe(false);
    expect(weeklyWindowSchema.safeParse({ weekday: 8, start: "09:00", end: "15:00" }).success).toBe(false);
    expect(weeklyWindowSchema.safeParse({ weekday: 6, start: "9am", end: "15:00" }).success).toBe(false);
    expect(weeklyWindowSchema.safeParse({ weekday: 6, start: "09:00", end: "15:00" }).success).toBe(true);
  });
});

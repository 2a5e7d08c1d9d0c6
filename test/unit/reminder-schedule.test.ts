// Reminder times under a fake clock: steps after abandonment, moved out of quiet hours in
// store time, across the spring daylight-saving change in Berlin; retry backoff; tokens.

import {
  DEFAULT_QUIET_HOURS,
  DEFAULT_STEPS,
  inQuietHours,
  outOfQuietHours,
  reminderDueTimes,
  retryDelayMs,
} from "playcart/internal/reminders/reminder-schedule";
import {
  readRestoreToken,
  readUnsubscribeToken,
  restoreToken,
  unsubscribeToken,
} from "playcart/internal/reminders/reminder-tokens";
import { describe, expect, it } from "vitest";

const TZ = "Europe/Berlin";
const iso = (d: Date) => d.toISOString();

describe("reminder schedule", () => {
  it("defaults to 1 h, 24 h and 72 h after abandonment, with a discount only in the last", () => {
    const abandoned = new Date("2026-03-25T09:01:00Z"); // Wednesday 10:01 in Berlin
    const due = reminderDueTimes(abandoned, DEFAULT_STEPS, DEFAULT_QUIET_HOURS, TZ);
    expect(due.map((d) => [d.step, iso(d.dueAt), d.discountPercent])).toEqual([
      [1, "2026-03-25T10:01:00.000Z", null],
      [2, "2026-03-26T09:01:00.000Z", null],
      [3, "2026-03-28T09:01:00.000Z", 10],
    ]);
  });

  it("moves a reminder out of quiet hours (21:00-08:00 store time), keeping 08:00 across the DST change", () => {
    const abandoned = new Date("2026-03-28T19:30:00Z"); // Saturday 20:30 CET; clocks go forward on Sunday 29 March
    const due = reminderDueTimes(abandoned, DEFAULT_STEPS, DEFAULT_QUIET_HOURS, TZ);
    expect(due.map((d) => iso(d.dueAt))).toEqual([
      "2026-03-29T06:00:00.000Z", // 21:30 CET is quiet -> Sunday 08:00 CEST (UTC+2)
      "2026-03-30T06:00:00.000Z", // Sunday 21:30 CEST -> Monday 08:00 CEST
      "2026-04-01T06:00:00.000Z", // Tuesday 21:30 CEST -> Wednesday 08:00 CEST
    ]);
    // In winter 08:00 Berlin is 07:00 UTC.
    expect(iso(outOfQuietHours(new Date("2026-01-10T23:00:00Z"), DEFAULT_QUIET_HOURS, TZ))).toBe(
      "2026-01-11T07:00:00.000Z",
    );
  });

  it("knows quiet hours on the store's wall clock, not UTC", () => {
    expect(inQuietHours(new Date("2026-07-01T19:30:00Z"), DEFAULT_QUIET_HOURS, TZ)).toBe(true); // 21:30 CEST
    expect(inQuietHours(new Date("2026-07-01T19:30:00Z"), DEFAULT_QUIET_HOURS, "UTC")).toBe(false);
    expect(inQuietHours(new Date("2026-07-01T06:00:00Z"), DEFAULT_QUIET_HOURS, TZ)).toBe(false); // 08:00 CEST
    expect(inQuietHours(new Date("2026-07-01T05:59:00Z"), DEFAULT_QUIET_HOURS, TZ)).toBe(true);
  });

  it("backs off exponentially with bounded jitter", () => {
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, () => 0.5))).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(1, () => 0)).toBe(48_000);
    expect(retryDelayMs(1, () => 1)).toBe(72_000);
  });
});

describe("reminder links", () => {
  const secret = "test-secret-test-secret";
  const now = new Date("2026-03-25T10:00:00Z");

  it("a restore token names its reminder and cart until it expires", () => {
    const token = restoreToken(secret, { reminderId: 42, cartRef: "cart-1" }, now, 14);
    expect(readRestoreToken(secret, token, now)).toEqual({ reminderId: 42, cartRef: "cart-1" });
    expect(readRestoreToken(secret, token, new Date(now.getTime() + 13 * 86_400_000))).not.toBeNull();
    expect(readRestoreToken(secret, token, new Date(now.getTime() + 15 * 86_400_000))).toBeNull();
  });

  it("refuses a forged, altered or cross-purpose token", () => {
    const token = restoreToken(secret, { reminderId: 42, cartRef: "cart-1" }, now);
    const [body, tag] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ r: 43, c: "cart-1", exp: 9e9 })).toString("base64url");
    expect(readRestoreToken(secret, `${forged}.${tag}`, now)).toBeNull();
    expect(readRestoreToken("another-secret-value", token, now)).toBeNull();
    expect(readRestoreToken(secret, `${body}.${tag}x`, now)).toBeNull();
    expect(readRestoreToken(secret, "garbage", now)).toBeNull();
    // An unsubscribe token is not a restore token, and the other way round.
    const unsub = unsubscribeToken(secret, "a@example.test");
    expect(readUnsubscribeToken(secret, unsub)).toBe("a@example.test");
    expect(readRestoreToken(secret, unsub, now)).toBeNull();
    expect(readUnsubscribeToken(secret, token)).toBeNull();
  });
});

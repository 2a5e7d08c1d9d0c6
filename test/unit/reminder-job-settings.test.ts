// The reminder job as the cron runs it reads the admin's quiet hours on every run, and,
// without VAPID keys, keeps the push each sent reminder would carry in the dev outbox.
process.env.AUTH_SECRET ??= "unit-secret-unit-secret-unit-secret";
process.env.STORE_TIMEZONE = "Europe/Berlin";
delete process.env.SMTP_URL;
delete process.env.VAPID_PUBLIC_KEY;
delete process.env.VAPID_PRIVATE_KEY;

import { eq, like } from "drizzle-orm";
import { updateQuietHours } from "playcart/internal/admin/reminder-admin";
import { runReminderJob as runJob } from "playcart/internal/next/reminder-job";
import { resolveConfig } from "playcart/internal/next/resolve-config";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { outboxMessages } from "@/db/schema";
import { playcartConfig } from "@/lib/playcart";
import { createMemoryDb } from "../support/pglite";
import { cartAt, minutes, remindersOf } from "../support/reminders";

let handle: Awaited<ReturnType<typeof createMemoryDb>>;
let db: Db;
// 10:00 in Berlin (UTC+1 until the end of March).
const T0 = new Date("2026-03-25T09:00:00Z");

beforeAll(async () => {
  handle = await createMemoryDb();
  db = handle.db;
  // The demo's dev outbox writes through the app's database handle: give it this one.
  (globalThis as { __playcartDb?: unknown }).__playcartDb = Promise.resolve({ ...handle, kind: "pglite" });
});
afterAll(async () => handle?.close());

// The job as the demo's cron route runs it: the demo's own Playcart config, on this database,
// with the store's public origin (every link in a reminder starts with it).
const runReminderJob = (database: Db, opts: { now: Date }) =>
  runJob(resolveConfig({ ...playcartConfig(), db: () => database, publicOrigin: "http://store.test" }), opts);

it("schedules and sends by the quiet hours saved in the admin, and keeps the dev push", async () => {
  // Quiet from 09:00 to 23:00 store time: a reminder due at midday waits until 23:00.
  await updateQuietHours(db, "owner@playcart.test", { start: "09:00", end: "23:00" });
  const { email, cartRef } = await cartAt(db, T0);
  const abandoned = await runReminderJob(db, { now: minutes(T0, 61) });
  expect(abandoned.abandoned).toBe(1);
  const [first] = await remindersOf(db, cartRef);
  // Due 60 minutes after abandonment (12:01 Berlin) without the setting; 23:00 Berlin with it.
  expect(first.dueAt.toISOString()).toBe("2026-03-25T22:00:00.000Z");

  const early = await runReminderJob(db, { now: minutes(T0, 125) });
  expect(early.sent).toBe(0);
  const late = await runReminderJob(db, { now: new Date("2026-03-25T22:01:00Z") });
  expect(late.sent).toBe(1);

  expect((await db.select().from(outboxMessages).where(eq(outboxMessages.to, email))).map((m) => m.subject)).toEqual([
    "You left something in your cart",
  ]);
  const pushes = await db.select().from(outboxMessages).where(like(outboxMessages.to, "push:%"));
  expect(pushes.map((p) => p.to)).toEqual([`push:${email}`]);
  expect(pushes[0].subject).toBe("Your cart is waiting");
  expect(pushes[0].text).toContain("http://store.test/");
});

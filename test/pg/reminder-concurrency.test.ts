// Two dispatchers at once over 1,000 due reminders on a real Postgres: each reminder is sent
// exactly once (counted at a real SMTP server and in the database), and a contact with two
// due carts gets one reminder, not two.
process.env.AUTH_SECRET ??= "pg-secret-pg-secret-pg-secret";

import { sql } from "drizzle-orm";
import { dispatchReminders } from "playcart";
import { rowsOf } from "playcart/internal/core/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, openPostgres } from "@/db/client";
import { type Mailbox, startMailServer } from "../../e2e/support/smtp";
import { createTestDatabase } from "../support/pg";
import { loadEmail, loadReminders } from "../support/reminder-load";
import { demoReminderSender } from "../support/reminder-sender";

const NOW = new Date("2026-06-10T10:00:00Z"); // 12:00 in Berlin
const DUE = 1000;
const DOUBLE = 50;

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let a: { db: Db; close: () => Promise<void> };
let b: { db: Db; close: () => Promise<void> };
let mailbox: Mailbox;

beforeAll(async () => {
  t = await createTestDatabase();
  // Two app instances: each its own connection pool.
  a = await openPostgres(t.url, { max: 5, migrate: false });
  b = await openPostgres(t.url, { max: 5, migrate: false });
  mailbox = await startMailServer({ port: 0 });
  await loadReminders(t.db, { prefix: "c", carts: DUE + DOUBLE + 500, due: DUE, doubleCarts: DOUBLE, now: NOW });
});
afterAll(async () => {
  await mailbox?.close();
  await a?.close().catch(() => {});
  await b?.close().catch(() => {});
  await t?.drop();
});

describe("concurrent dispatch", () => {
  it("sends each of 1,000 due reminders exactly once with two dispatchers racing", async () => {
    const run = async (db: Db) => {
      const email = demoReminderSender(db, {
        origin: "https://shop.test",
        smtpUrl: `smtp://127.0.0.1:${mailbox.port}`,
        now: () => NOW,
      });
      return dispatchReminders(db, { email }, { now: NOW, timeZone: "Europe/Berlin", batchSize: 100 }).finally(() =>
        email.close(),
      );
    };
    const [ra, rb] = await Promise.all([run(a.db), run(b.db)]);
    // Both did part of the work.
    expect(ra.sent).toBeGreaterThan(0);
    expect(rb.sent).toBeGreaterThan(0);
    expect(ra.sent + rb.sent).toBe(DUE);

    // Wait for the SMTP server to have everything, then count per recipient.
    await mailbox.waitForMail(loadEmail("c", DUE), undefined, 20_000);
    await expect.poll(() => mailbox.messages.length, { timeout: 20_000 }).toBe(DUE);
    const perRecipient = new Map<string, number>();
    for (const m of mailbox.messages) for (const to of m.to) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
    expect(perRecipient.size).toBe(DUE);
    expect([...perRecipient.values()].every((n) => n === 1)).toBe(true);
    const reminderIds = new Set(mailbox.messages.map((m) => m.headers["x-playcart-reminder"]));
    expect(reminderIds.size).toBe(DUE);

    const statuses = rowsOf<{ status: string; n: number }>(
      await t.db.execute(
        sql`SELECT status, count(*)::int AS n FROM playcart_reminders GROUP BY status ORDER BY status`,
      ),
    );
    // 500 not yet due, and the 50 second carts of a contact, held for a day; none sent twice.
    expect(statuses).toEqual([
      { status: "scheduled", n: 500 + DOUBLE },
      { status: "sent", n: DUE },
    ]);
    const held = rowsOf<{ n: number }>(
      await t.db.execute(
        sql`SELECT count(*)::int AS n FROM playcart_reminders WHERE status = 'scheduled' AND due_at = ${NOW.toISOString()}::timestamptz + interval '24 hours'`,
      ),
    );
    expect(held[0].n).toBe(DOUBLE);
    const events = rowsOf<{ n: number; keys: number }>(
      await t.db.execute(
        sql`SELECT count(*)::int AS n, count(DISTINCT event_key)::int AS keys FROM playcart_events WHERE type = 'reminder.sent'`,
      ),
    );
    expect(events[0]).toEqual({ n: DUE, keys: DUE });
    // Every contact's slot moved once.
    const slots = rowsOf<{ n: number }>(
      await t.db.execute(
        sql`SELECT count(*)::int AS n FROM playcart_contacts WHERE last_reminder_at = ${NOW.toISOString()}`,
      ),
    );
    expect(slots[0].n).toBe(DUE);
  });
});

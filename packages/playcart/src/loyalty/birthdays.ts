// Birthdays: a month and day the shopper gives on their account, and one `birthday` event
// per customer per year on that day in store time (a rule turns it into a dated reward).

import { eq, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { z } from "zod";
import { type EngageDb, rowsOf } from "../core/db.ts";
import { customerLoyalty, events } from "../core/schema.ts";

export const birthdaySchema = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "Use MM-DD, e.g. 04-23")
  // 2024 is a leap year: 02-29 is a real birthday, 02-30 never is.
  .refine((md) => DateTime.fromISO(`2024-${md}`).isValid, "That day does not exist");

/** Sets (or clears, with null) the customer's birthday. Throws a ZodError on a bad value. */
export async function setBirthday(db: EngageDb, customerId: string, birthday: string | null): Promise<void> {
  const value = birthday === null ? null : birthdaySchema.parse(birthday);
  await db
    .insert(customerLoyalty)
    .values({ customerId, birthday: value })
    .onConflictDoUpdate({ target: customerLoyalty.customerId, set: { birthday: value } });
}

export async function birthdayOf(db: EngageDb, customerId: string): Promise<string | null> {
  const [row] = await db
    .select({ birthday: customerLoyalty.birthday })
    .from(customerLoyalty)
    .where(eq(customerLoyalty.customerId, customerId));
  return row?.birthday ?? null;
}

/** The month-days celebrated on a store date: 02-29 birthdays count on 02-28 in other years. */
export function birthdaysOn(date: DateTime): string[] {
  const md = date.toFormat("MM-dd");
  return md === "02-28" && !date.isInLeapYear ? [md, "02-29"] : [md];
}

export const isBirthdayToday = (birthday: string | null, now: Date, timeZone: string) =>
  birthday !== null && birthdaysOn(DateTime.fromJSDate(now, { zone: timeZone })).includes(birthday);

/**
 * Records today's birthday events (key customer:year, so once a year). Returns how many are
 * new. One statement whatever the number of customers: the scheduled sweep calls this every
 * run, so customers already celebrated this year are skipped by the index on event_key
 * rather than re-inserted one by one.
 */
export async function recordBirthdayEvents(db: EngageDb, now: Date, timeZone: string): Promise<number> {
  const today = DateTime.fromJSDate(now, { zone: timeZone });
  const suffix = `:${today.year}`;
  const inserted = rowsOf<{ id: number }>(
    await db.execute(sql`
      INSERT INTO ${events} (event_key, type, customer_id, payload, occurred_at)
      SELECT 'birthday:' || l.customer_id || ${suffix}, 'birthday', l.customer_id,
             jsonb_build_object('date', ${today.toISODate()}::text), ${now.toISOString()}::timestamptz
      FROM ${customerLoyalty} l
      WHERE l.birthday IN (${sql.join(
        birthdaysOn(today).map((md) => sql`${md}`),
        sql`, `,
      )})
        AND NOT EXISTS (SELECT 1 FROM ${events} e WHERE e.event_key = 'birthday:' || l.customer_id || ${suffix})
      ON CONFLICT (event_key) DO NOTHING
      RETURNING id`),
  );
  return inserted.length;
}

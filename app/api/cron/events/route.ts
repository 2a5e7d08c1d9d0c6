// Scheduled sweep of Playcart's event log: today's birthday events, then every pending
// event through the rules engine. Safe on several instances at once (events are taken with
// FOR UPDATE SKIP LOCKED, birthdays are one event per customer per year).

import { processPendingEvents, recordBirthdayEvents } from "playcart";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { storeNow } from "@/lib/store/clock";
import { isCronAuthorized } from "@/lib/store/cron-auth";

export const dynamic = "force-dynamic";

const reply = (body: object, status = 200) => Response.json(body, { status });

async function run(req: Request) {
  if (!env().CRON_SECRET) return reply({ error: "CRON_SECRET is not set" }, 503);
  if (!isCronAuthorized(req.headers.get("authorization"))) return reply({ error: "unauthorised" }, 401);
  const db = await getDb();
  const now = await storeNow();
  const timeZone = env().STORE_TIMEZONE;
  const birthdays = await recordBirthdayEvents(db, now, timeZone);
  const processed = await processPendingEvents(db, { now, timeZone, limit: 2_000 });
  return reply({ birthdays, processed: processed.length, fired: processed.reduce((n, p) => n + p.fired.length, 0) });
}

// Vercel Cron calls GET; other schedulers may POST.
export const GET = run;
export const POST = run;

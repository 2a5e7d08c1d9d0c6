// The reminder schedule: abandon idle carts, send due reminders, attribute recoveries.
// Authorised by `Authorization: Bearer $CRON_SECRET`; safe to run on several instances at
// once (claims use FOR UPDATE SKIP LOCKED). GET for schedulers that only GET (Vercel Cron).
import type { NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { storeNow } from "@/lib/store/clock";
import { isCronAuthorized } from "@/lib/store/cron-auth";
import { requestOrigin } from "@/lib/store/origin";
import { runReminderJob } from "@/lib/store/reminder-job";

export const dynamic = "force-dynamic";

async function run(req: NextRequest) {
  if (!isCronAuthorized(req.headers.get("authorization"))) {
    return Response.json({ error: "unauthorized" }, { status: 401, headers: { "www-authenticate": "Bearer" } });
  }
  try {
    const report = await runReminderJob(await getDb(), { now: await storeNow(), origin: await requestOrigin() });
    return Response.json({ ok: true, ...report });
  } catch (err) {
    console.error("[playcart] reminder job failed", err);
    return Response.json({ error: "reminder job failed" }, { status: 500 });
  }
}

export const GET = run;
export const POST = run;

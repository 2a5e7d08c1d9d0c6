// When the demo store runs Playcart's rules engine: after the response of anything that
// records events (never inside the webhook's statement), and from the /api/cron/events sweep.
import "server-only";
import { after } from "next/server";
import { processPendingEvents } from "playcart";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { storeNow } from "./clock";

// One sweep at a time per process: a burst of webhooks schedules one more run, not one each.
let running: Promise<void> | null = null;
let again = false;

async function sweepUntilIdle(now: Date): Promise<void> {
  const db = await getDb();
  do {
    again = false;
    await processPendingEvents(db, { now, timeZone: env().STORE_TIMEZONE, limit: 200 });
  } while (again);
  // In the same synchronous step as the last look at `again`: a request that still sees this
  // sweep running (and only sets `again`) is always one it will go round for.
  running = null;
}

/** Processes pending events once the response has been sent. Call inside a request. */
export function sweepEventsAfterResponse(): void {
  // A sweep is running: it goes round once more and takes this request's events too, so
  // there is nothing to schedule (under a burst of plays, most requests end here).
  if (running) {
    again = true;
    return;
  }
  // The clock is read now: the test clock's cookie is only readable inside the request.
  const nowPromise = storeNow().catch(() => new Date());
  try {
    after(async () => {
      if (running) {
        again = true;
        return;
      }
      // sweepUntilIdle clears `running` itself when it ends; a failed sweep clears it here
      // (it failed before its end, so no later sweep can have started meanwhile).
      const sweep = nowPromise.then(sweepUntilIdle).catch((err) => {
        running = null;
        console.error("[playcart] event sweep failed", err);
      });
      running = sweep;
      await sweep;
    });
  } catch {
    // Outside a request (a script, or a test calling the store's functions directly) there
    // is no "after": the events stay pending for the next sweep (/api/cron/events).
  }
}

// Runs the rules engine on pending events after the response of anything that records them,
// so a play or a referral visit never waits on rules. One sweep at a time per Playcart
// instance: a burst of requests schedules one more round, not one sweep each.
import { after } from "next/server.js";
import { processPendingEvents } from "../engine/index.ts";
import type { Resolved } from "./config.ts";

export function eventSweeper(cfg: Resolved) {
  let running: Promise<void> | null = null;
  let again = false;

  async function sweepUntilIdle(now: Date) {
    const db = await cfg.db();
    do {
      again = false;
      await processPendingEvents(db, { now, timeZone: cfg.timeZone, limit: 200 });
    } while (again);
    // In the same synchronous step as the last look at `again`: a request that still sees
    // this sweep running (and only sets `again`) is always one it goes round for.
    running = null;
  }

  /** Call inside a request. Outside one (a script) the events wait for the cron sweep. */
  return function sweepAfterResponse(now: Date): void {
    if (running) {
      again = true;
      return;
    }
    try {
      after(async () => {
        if (running) {
          again = true;
          return;
        }
        const sweep = sweepUntilIdle(now).catch((err) => {
          running = null;
          console.error("[playcart] event sweep failed", err);
        });
        running = sweep;
        await sweep;
      });
    } catch {
      // No request scope: the events stay pending for cron/events.
    }
  };
}

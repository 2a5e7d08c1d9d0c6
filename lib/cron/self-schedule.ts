// The dev server's (and the demo's) own schedule: it calls the scheduled routes exactly as an
// external scheduler would, so the demo needs no cron. Production schedules them from outside
// (README, "Running in production").
//  - /api/playcart/cron/events every few seconds: the rules engine's work on payments and other events
//    (tier bonus, referral stamps, badges, bonus points, recovery) runs here, off the payment
//    webhook's response path;
//  - /api/playcart/cron/reminders every minute: abandoned carts and due reminders;
//  - /api/playcart/cron/points every minute: pending points released, expired lots, expiry
//    reminders and the day's points liability.
const SCHEDULES = {
  events: { path: "/api/playcart/cron/events", everyMs: 3_000 },
  reminders: { path: "/api/playcart/cron/reminders", everyMs: 60_000 },
  points: { path: "/api/playcart/cron/points", everyMs: 60_000 },
} as const;

export type ScheduleName = keyof typeof SCHEDULES;

export function startSelfSchedule(opts: { origin: string; secret: string; only?: ScheduleName[] }) {
  const g = globalThis as unknown as { __playcartSchedules?: Map<string, ReturnType<typeof setInterval>> };
  g.__playcartSchedules ??= new Map();
  for (const [name, { path, everyMs }] of Object.entries(SCHEDULES)) {
    if (opts.only && !opts.only.includes(name as ScheduleName)) continue;
    if (g.__playcartSchedules.has(name)) continue;
    let running = false;
    const tick = async () => {
      // One call at a time: a slow run is never stacked on by the next tick.
      if (running) return;
      running = true;
      try {
        const res = await fetch(`${opts.origin}${path}`, {
          method: "POST",
          headers: { authorization: `Bearer ${opts.secret}` },
        });
        if (!res.ok) console.warn(`[playcart] ${name} schedule: ${res.status}`);
      } catch (err) {
        console.warn(`[playcart] ${name} schedule: ${err instanceof Error ? err.message : err}`);
      } finally {
        running = false;
      }
    };
    const timer = setInterval(tick, everyMs);
    timer.unref?.();
    g.__playcartSchedules.set(name, timer);
    console.log(`[playcart] running ${path} every ${everyMs / 1000} s`);
  }
}

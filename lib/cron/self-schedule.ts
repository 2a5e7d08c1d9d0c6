// The dev server's (and the demo's) own schedule: it calls /api/cron/reminders every minute,
// exactly as an external scheduler would, so the demo needs no cron. Production schedules
// the route from outside (README, "Scheduling reminders in production").
const INTERVAL_MS = 60_000;

export function startSelfSchedule(opts: { origin: string; secret: string }) {
  const g = globalThis as unknown as { __playcartSchedule?: ReturnType<typeof setInterval> };
  if (g.__playcartSchedule) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const res = await fetch(`${opts.origin}/api/cron/reminders`, { method: "POST", headers: { authorization: `Bearer ${opts.secret}` } });
      if (!res.ok) console.warn(`[playcart] reminder schedule: ${res.status}`);
    } catch (err) {
      console.warn(`[playcart] reminder schedule: ${err instanceof Error ? err.message : err}`);
    } finally {
      running = false;
    }
  };
  g.__playcartSchedule = setInterval(tick, INTERVAL_MS);
  g.__playcartSchedule.unref?.();
  console.log(`[playcart] running the reminder schedule every ${INTERVAL_MS / 1000} s (${opts.origin}/api/cron/reminders)`);
}

// Runs once when the server starts: a malformed environment stops it with a clear message.
// The dev server, and `next start` with PLAYCART_SELF_SCHEDULE=1 (the demo), also run the
// scheduled routes themselves (PLAYCART_SELF_SCHEDULE=events: the rules engine's sweep only).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  await import("./lib/env-check");
  const selfSchedule = process.env.PLAYCART_SELF_SCHEDULE ?? (process.env.NODE_ENV === "development" ? "1" : "0");
  const secret = process.env.CRON_SECRET;
  if ((selfSchedule === "1" || selfSchedule === "events") && secret) {
    const { startSelfSchedule } = await import("./lib/cron/self-schedule");
    startSelfSchedule({
      origin: `http://127.0.0.1:${process.env.PORT ?? "3000"}`,
      secret,
      only: selfSchedule === "events" ? ["events"] : undefined,
    });
  }
}

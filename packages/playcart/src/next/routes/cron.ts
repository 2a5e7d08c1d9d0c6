// GET or POST <base>/cron[/events|/reminders|/points]: the scheduled work, authorised by
// `Authorization: Bearer <cronSecret>`. `cron` alone runs all three. Safe on several instances
// at once: events are taken with FOR UPDATE SKIP LOCKED, reminders are claimed the same way,
// and each points lot is released or expired exactly once.
import { processPendingEvents } from "../../engine/index.ts";
import { recordBirthdayEvents } from "../../loyalty/index.ts";
import { bearerMatches, json } from "../http.ts";
import { runPointsJob } from "../points-job.ts";
import { runReminderJob } from "../reminder-job.ts";
import type { Runtime } from "../runtime.ts";

export async function cronRoute(rt: Runtime, req: Request, job: string | undefined): Promise<Response> {
  if (job !== undefined && job !== "events" && job !== "reminders" && job !== "points")
    return json({ error: "not found" }, 404);
  const { cfg } = rt;
  if (!cfg.cronSecret) return json({ error: "cronSecret is not configured" }, 503);
  if (!bearerMatches(req.headers.get("authorization"), cfg.cronSecret))
    return json({ error: "unauthorized" }, 401, { "www-authenticate": "Bearer" });
  const now = await cfg.now();
  const db = await cfg.db();
  const events = async () => {
    const birthdays = await recordBirthdayEvents(db, now, cfg.timeZone);
    const processed = await processPendingEvents(db, { now, timeZone: cfg.timeZone, limit: 2_000 });
    return { birthdays, processed: processed.length, fired: processed.reduce((n, p) => n + p.fired.length, 0) };
  };
  const reminders = async () => ({ ok: true, ...(await runReminderJob(cfg, { now })) });
  const points = async () => runPointsJob(cfg, { now });
  try {
    if (job === "events") return json(await events());
    if (job === "reminders") return json(await reminders());
    if (job === "points") return json(await points());
    return json({ events: await events(), reminders: await reminders(), points: await points() });
  } catch (err) {
    console.error(`[playcart] cron ${job ?? "all"} failed`, err);
    return json({ error: `cron ${job ?? "all"} failed` }, 500);
  }
}

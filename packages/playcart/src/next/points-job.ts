// The engine's scheduled work on points (cron/points, and part of plain cron): release the
// pending points whose return window closed, expire what is left of lots past their expiry,
// email the reminders before expiry, and record the day's liability. Safe on several
// instances at once: every lot moves once (ledger/lot-jobs.ts), every reminder is claimed once.
import { getSettings } from "../core/settings.ts";
import { expireLots, recordLiabilityDay, releasePendingPoints } from "../ledger/index.ts";
import { claimExpiryNotice, dueExpiryNotices, unsubscribeToken } from "../reminders/index.ts";
import type { Resolved } from "./config.ts";
import { mailTransport } from "./email/mail-transport.ts";
import { buildPointsExpiryEmail } from "./email/points-expiry-email.ts";
import { storeInfo } from "./email/reminder-sender.ts";
import { moneyFormatter } from "./rewards-panel.ts";

export type PointsJobReport = { released: number; expired: number; reminded: number; failed: number };

export async function runPointsJob(cfg: Resolved, opts: { now: Date }): Promise<PointsJobReport> {
  const db = await cfg.db();
  const { now } = opts;
  const settings = await getSettings(db);
  let released = 0;
  for (let n = -1; n !== 0; ) released += n = await releasePendingPoints(db, now);
  let expired = 0;
  for (let n = -1; n !== 0; ) expired += n = await expireLots(db, now);
  const { reminded, failed } = await sendExpiryReminders(cfg, now, settings.expiryReminderDays);
  await recordLiabilityDay(db, { now, timeZone: cfg.timeZone, soonDays: settings.expiryReminderDays });
  return { released, expired, reminded, failed };
}

async function sendExpiryReminders(cfg: Resolved, now: Date, soonDays: number) {
  const db = await cfg.db();
  // Without an email config nothing can be sent: nothing is claimed, so nothing is lost.
  if (!cfg.email) return { reminded: 0, failed: 0 };
  const store = storeInfo(cfg.email, cfg.publicOrigin);
  const transport = mailTransport(cfg.email, cfg.outbox);
  const money = moneyFormatter(cfg.currency);
  const dates = new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: cfg.timeZone,
  });
  let reminded = 0;
  let failed = 0;
  try {
    for (const notice of await dueExpiryNotices(db, { now, soonDays })) {
      if (!(await claimExpiryNotice(db, notice, now))) continue;
      const mail = buildPointsExpiryEmail(
        notice,
        { money, date: (at) => dates.format(at) },
        {
          shopUrl: `${cfg.publicOrigin}${cfg.pages.home}`,
          unsubscribeUrl: `${cfg.publicOrigin}${cfg.basePath}/unsubscribe/${unsubscribeToken(cfg.linkSecret, notice.email)}`,
        },
        store,
      );
      try {
        await transport(mail);
        reminded++;
      } catch (err) {
        failed++;
        console.warn(`[playcart] points expiry reminder to customer ${notice.customerId} failed: ${err}`);
      }
    }
  } finally {
    await transport.close();
  }
  return { reminded, failed };
}

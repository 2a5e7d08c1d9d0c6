// The scheduled reminder job: abandon idle carts, send due reminders by email and web push,
// and attribute recovered orders. Safe on several instances at once (claims use FOR UPDATE
// SKIP LOCKED, and a reminder is sent at most once).
import { getSettings } from "../core/settings.ts";
import {
  type DispatchReport,
  detectAbandonedCarts,
  dispatchReminders,
  type ReminderMessage,
  type ReminderSenders,
  recordRecoveries,
  SendFailure,
} from "../reminders/index.ts";
import type { Resolved } from "./config.ts";
import { comebackGames } from "./email/comeback-prizes.ts";
import { reminderEmailSender, reminderLinks } from "./email/reminder-sender.ts";
import { pushPayload, pushSender } from "./push/send.ts";

export type ReminderJobReport = DispatchReport & { abandoned: number; recovered: number };

export async function runReminderJob(cfg: Resolved, opts: { now: Date }): Promise<ReminderJobReport> {
  const db = await cfg.db();
  const { now } = opts;
  // Quiet hours are a setting the admin edits; read on each run so a change applies at once.
  const { quietHours, reminderWords } = await getSettings(db);
  let abandoned = 0;
  for (let n = -1; n !== 0; )
    abandoned += n = await detectAbandonedCarts(db, { now, timeZone: cfg.timeZone, quietHours });
  const base = { origin: cfg.publicOrigin, basePath: cfg.basePath, secret: cfg.linkSecret };
  const restoreUrl = (m: ReminderMessage) => reminderLinks(m, base, now).restoreUrl;
  const sendEmail = cfg.email
    ? reminderEmailSender(cfg.email, base, () => now, cfg.outbox, {
        words: reminderWords,
        comeback: comebackGames(db, { now, timeZone: cfg.timeZone, currency: cfg.currency }),
      })
    : null;
  const devPush = !cfg.push && cfg.outbox?.push ? cfg.outbox.push : null;
  const senders: ReminderSenders = {
    email: async (m) => {
      // Without an email config nothing can be sent: the reminder fails rather than counting as sent.
      if (!sendEmail) throw new SendFailure("config.email is not set", true);
      await sendEmail(m);
      if (devPush) {
        // The email already went out: a lost development record must not make the reminder retry.
        await devPush({ email: m.email, ...pushPayload(m, restoreUrl(m)) }).catch((err) =>
          console.warn(`[playcart] dev push record for reminder ${m.reminderId} failed: ${err}`),
        );
      }
    },
    push: cfg.push
      ? pushSender(
          { publicKey: cfg.push.vapidPublicKey, privateKey: cfg.push.vapidPrivateKey, subject: cfg.push.subject },
          restoreUrl,
        )
      : undefined,
  };
  const report = await dispatchReminders(db, senders, { now, timeZone: cfg.timeZone, quietHours }).finally(() =>
    sendEmail?.close(),
  );
  const recovered = await recordRecoveries(db, { now });
  return { ...report, abandoned, recovered };
}

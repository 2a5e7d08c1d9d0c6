// The scheduled reminder job, as the cron route and the dev server's own schedule run it:
// abandon idle carts, send due reminders, and attribute recovered orders.
import "server-only";
import {
  type DispatchReport,
  detectAbandonedCarts,
  dispatchReminders,
  getSettings,
  type ReminderMessage,
  recordRecoveries,
} from "playcart";
import type { Db } from "@/db/client";
import { storeInfo } from "@/lib/email/reminder-config";
import { reminderEmailSender, reminderLinks } from "@/lib/email/reminder-sender";
import { env } from "@/lib/env";
import { vapidKeys } from "@/lib/push/config";
import { devPushRecorder } from "@/lib/push/dev-outbox";
import { pushSender } from "@/lib/push/send";

export type ReminderJobReport = DispatchReport & { abandoned: number; recovered: number };

export async function runReminderJob(db: Db, opts: { now: Date; origin?: string }): Promise<ReminderJobReport> {
  const timeZone = env().STORE_TIMEZONE;
  // Quiet hours are a setting the admin edits; read on each run so a change applies at once.
  const { quietHours } = await getSettings(db);
  let abandoned = 0;
  for (let n = -1; n !== 0; ) abandoned += n = await detectAbandonedCarts(db, { now: opts.now, timeZone, quietHours });
  const store = storeInfo(opts.origin);
  const vapid = vapidKeys();
  const restoreUrl = (m: ReminderMessage) => reminderLinks(m, store, opts.now).restoreUrl;
  const sendEmail = reminderEmailSender(db, { origin: store.origin, now: () => opts.now });
  const recordDevPush = vapid ? null : devPushRecorder(db, restoreUrl);
  const report = await dispatchReminders(
    db,
    {
      email: recordDevPush
        ? async (m) => {
            await sendEmail(m);
            await recordDevPush(m);
          }
        : sendEmail,
      push: vapid ? pushSender(vapid, restoreUrl) : undefined,
    },
    { now: opts.now, timeZone, quietHours },
  ).finally(() => sendEmail.close());
  const recovered = await recordRecoveries(db, { now: opts.now });
  return { ...report, abandoned, recovered };
}

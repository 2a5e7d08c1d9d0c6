// Without VAPID keys no browser can subscribe to web push, so in development the reminder job
// keeps the push each sent reminder would have carried in the dev outbox (/admin/outbox),
// addressed "push:<email>" so the outbox can list pushes apart from mail.
import "server-only";
import type { ReminderMessage } from "playcart";
import type { Db } from "@/db/client";
import { outboxMessages } from "@/db/schema";
import { pushPayload } from "./send";

export const DEV_PUSH_PREFIX = "push:";

export function devPushRecorder(db: Db, restoreUrlFor: (m: ReminderMessage) => string) {
  return async (m: ReminderMessage): Promise<void> => {
    const p = pushPayload(m, restoreUrlFor(m));
    try {
      await db
        .insert(outboxMessages)
        .values({ to: `${DEV_PUSH_PREFIX}${m.email}`, subject: p.title, text: `${p.body}\n${p.url}` });
    } catch (err) {
      // The email already went out: a lost dev record must not make the reminder retry.
      console.warn(
        `[playcart] dev push record for reminder ${m.reminderId} failed: ${err instanceof Error ? err.message : err}`,
      );
    }
  };
}

// The reminder email sender as the demo configures Playcart (lib/playcart.ts): the demo's
// From and postal address, links under /api/playcart signed with AUTH_SECRET's link key, and
// the dev outbox when no SMTP server is given.

import type { ReminderMessage } from "playcart";
import { buildReminderEmail } from "playcart/internal/next/email/reminder-email";
import { reminderEmailSender, reminderLinks, storeInfo } from "playcart/internal/next/email/reminder-sender";
import { linkSecretOf } from "playcart/internal/next/resolve-config";
import type { Db } from "@/db/client";
import { outboxMessages } from "@/db/schema";
import { env } from "@/lib/env";

export const BASE_PATH = "/api/playcart";
export const reminderLinkSecret = () => linkSecretOf(env().AUTH_SECRET);

export function demoReminderSender(db: Db, opts: { origin: string; smtpUrl?: string | null; now: () => Date }) {
  const e = env();
  return reminderEmailSender(
    {
      smtpUrl: opts.smtpUrl === undefined ? e.SMTP_URL : opts.smtpUrl,
      from: e.MAIL_FROM,
      postalAddress: e.STORE_POSTAL_ADDRESS,
    },
    { origin: opts.origin, basePath: BASE_PATH, secret: reminderLinkSecret() },
    opts.now,
    {
      mail: async (m) => {
        await db.insert(outboxMessages).values(m);
      },
    },
  );
}

/** Builds (without sending) the reminder the demo would send. */
export function buildDemoReminderEmail(m: ReminderMessage, origin: string, now: Date) {
  const e = env();
  return buildReminderEmail(
    m,
    reminderLinks(m, { origin, basePath: BASE_PATH, secret: reminderLinkSecret() }, now),
    storeInfo({ from: e.MAIL_FROM, postalAddress: e.STORE_POSTAL_ADDRESS }, origin),
  );
}

// Playcart in the demo store: one config, one catch-all route (app/api/playcart/[...playcart]).
// The function form is read on first use, so `next build` needs no runtime environment.
import "server-only";
import { createPlaycart, type PlaycartConfig } from "playcart/next";
import { getDb } from "@/db/client";
import { outboxMessages } from "@/db/schema";
import { mailConfig } from "@/lib/email/mail-config";
import { outboxMail } from "@/lib/email/outbox";
import { env, publicOrigin } from "@/lib/env";
import { DEV_PUSH_PREFIX } from "@/lib/push/dev-outbox";
import { storeNow } from "@/lib/store/clock";
import { demoAdapter } from "@/lib/store/playcart-adapter";

export function playcartConfig(): PlaycartConfig {
  const e = env();
  const sender = /<([^>]+)>/.exec(e.MAIL_FROM)?.[1] ?? "store@playcart.test";
  return {
    db: getDb,
    publicOrigin: publicOrigin(e),
    secret: e.AUTH_SECRET,
    timeZone: e.STORE_TIMEZONE,
    currency: e.STORE_CURRENCY,
    cronSecret: e.CRON_SECRET,
    stripe: { webhookSecret: e.PLAYCART_STRIPE_WEBHOOK_SECRET },
    email: mailConfig(),
    push:
      e.VAPID_PUBLIC_KEY && e.VAPID_PRIVATE_KEY
        ? { vapidPublicKey: e.VAPID_PUBLIC_KEY, vapidPrivateKey: e.VAPID_PRIVATE_KEY, subject: `mailto:${sender}` }
        : null,
    // Without SMTP or VAPID keys, reminders land in the dev outbox (/admin/outbox).
    outbox: {
      mail: outboxMail,
      push: async (p) => {
        await (await getDb())
          .insert(outboxMessages)
          .values({ to: `${DEV_PUSH_PREFIX}${p.email}`, subject: p.title, text: `${p.body}\n${p.url}` });
      },
    },
    now: storeNow,
    adapter: demoAdapter,
  };
}

export const playcart = createPlaycart(playcartConfig);

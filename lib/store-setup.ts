// The demo's answers for the admin's first-run checklist: its time zone, currency and email
// sender come from the environment, so each is "set" when the store set its variable.
import "server-only";
import type { SetupFacts } from "playcart";
import { env, isSetByStore } from "@/lib/env";

export function storeSetup(): SetupFacts {
  const e = env();
  return {
    timeZone: {
      value: e.STORE_TIMEZONE,
      set: isSetByStore("STORE_TIMEZONE"),
      how: "Set STORE_TIMEZONE in the server's environment to the store's IANA time zone (for example Europe/Berlin), then restart the store. Schedules, windows and store days follow it.",
    },
    currency: {
      value: e.STORE_CURRENCY.toUpperCase(),
      set: isSetByStore("STORE_CURRENCY"),
      how: "Set STORE_CURRENCY in the server's environment to the ISO 4217 code the store charges in (for example eur), then restart the store.",
    },
    emailSender: {
      value: e.SMTP_URL ? e.MAIL_FROM : `${e.MAIL_FROM}, kept in the dev outbox`,
      set: Boolean(e.SMTP_URL) && isSetByStore("MAIL_FROM"),
      how: "Set SMTP_URL to your mail server (smtp://user:pass@host:587) and MAIL_FROM to your store's name and address (for example Corner Roastery <hello@example.com>), then restart the store.",
    },
  };
}

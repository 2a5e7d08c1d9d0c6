// The email sender handed to Playcart's dispatcher: signs the shopper's links, builds the
// message, and sends it through a pooled SMTP connection (SMTP_URL), or keeps it in the dev
// outbox when no SMTP server is configured.
import type { Transporter } from "nodemailer";
import type { Db } from "@/db/client";
import { outboxMessages } from "@/db/schema";
import type { ReminderMessage } from "@/lib/engage/reminder-dispatch";
import { restoreToken, unsubscribeToken } from "@/lib/engage/reminder-tokens";
import { env } from "@/lib/env";
import { buildReminderEmail, type StoreInfo } from "./reminder-email";
import { reminderLinkSecret, storeInfo, unsubscribeMailto } from "./reminder-config";
import { classifySmtpError } from "./smtp-errors";

let pooled: { url: string; transport: Transporter } | undefined;

async function transportFor(url: string): Promise<Transporter> {
  if (pooled?.url === url) return pooled.transport;
  const { createTransport } = await import("nodemailer");
  // A pool keeps a few connections open for a whole batch instead of one per message.
  // nodemailer reads only the URL when given one, so the pool settings go in its query
  // (settings already in SMTP_URL win).
  const pooledUrl = new URL(url);
  for (const [k, v] of Object.entries({ pool: "true", maxConnections: "10", maxMessages: "1000" })) {
    if (!pooledUrl.searchParams.has(k)) pooledUrl.searchParams.set(k, v);
  }
  const transport = createTransport(pooledUrl.toString());
  pooled = { url, transport };
  return transport;
}

export function reminderLinks(m: ReminderMessage, store: StoreInfo, now: Date) {
  const secret = reminderLinkSecret();
  const unsub = unsubscribeToken(secret, m.email);
  return {
    restoreUrl: `${store.origin}/comeback/${restoreToken(secret, { reminderId: m.reminderId, cartRef: m.cartRef }, now)}`,
    unsubscribeUrl: `${store.origin}/unsubscribe/${unsub}`,
    unsubscribeMailto: unsubscribeMailto(unsub),
  };
}

/** Sends one reminder email; throws SendFailure (permanent or not) when SMTP refuses it. */
export function reminderEmailSender(db: Db, opts: { origin?: string; smtpUrl?: string | null; now: () => Date }) {
  const store = storeInfo(opts.origin);
  const smtpUrl = opts.smtpUrl === undefined ? env().SMTP_URL : opts.smtpUrl;
  return async (m: ReminderMessage) => {
    const mail = await buildReminderEmail(m, reminderLinks(m, store, opts.now()), store);
    if (!smtpUrl) {
      await db.insert(outboxMessages).values({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
      return;
    }
    const transport = await transportFor(smtpUrl);
    try {
      // base64 is encoded natively; quoted-printable in JavaScript costs more than the rest of a send.
      await transport.sendMail({ from: env().MAIL_FROM, ...mail, textEncoding: "base64" });
    } catch (err) {
      throw classifySmtpError(err);
    }
  };
}

export function closeReminderTransport() {
  pooled?.transport.close();
  pooled = undefined;
}

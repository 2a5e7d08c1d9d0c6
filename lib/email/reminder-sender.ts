// The email sender handed to Playcart's dispatcher: signs the shopper's links, builds the
// message, and sends it through a pooled SMTP connection (SMTP_URL), or keeps it in the dev
// outbox when no SMTP server is configured.
import { randomUUID } from "node:crypto";
import { connect, type Socket } from "node:net";
import type { Transporter } from "nodemailer";
import addressparser from "nodemailer/lib/addressparser";
import MailComposer from "nodemailer/lib/mail-composer";
import type Mail from "nodemailer/lib/mailer";
import type SMTPPool from "nodemailer/lib/smtp-pool";
import type { ReminderMessage } from "playcart";
import { restoreToken, unsubscribeToken } from "playcart";
import type { Db } from "@/db/client";
import { outboxMessages } from "@/db/schema";
import { env } from "@/lib/env";
import { reminderLinkSecret, storeInfo, unsubscribeMailto } from "./reminder-config";
import { buildReminderEmail, type StoreInfo } from "./reminder-email";
import { classifySmtpError } from "./smtp-errors";

async function pooledTransport(url: string): Promise<Transporter> {
  const { createTransport } = await import("nodemailer");
  const { parseConnectionUrl } = await import("nodemailer/lib/shared");
  // A pool keeps a few connections open for a whole run instead of one per message.
  // Settings already in SMTP_URL win over these defaults.
  const pooledUrl = new URL(url);
  for (const [k, v] of Object.entries({ pool: "true", maxConnections: "50", maxMessages: "1000" })) {
    if (!pooledUrl.searchParams.has(k)) pooledUrl.searchParams.set(k, v);
  }
  return createTransport({
    ...(parseConnectionUrl(pooledUrl.toString()) as SMTPPool.Options),
    // nodemailer leaves Nagle's algorithm on: a message's final small write then waits for the
    // server's delayed ACK (about 40 ms on Linux) on every message. Each connection is opened
    // here with TCP_NODELAY; nodemailer still does the greeting, STARTTLS or TLS and AUTH.
    getSocket: (o: SMTPPool.Options, cb: (err: Error | null, socketOptions?: { connection: Socket }) => void) => {
      const socket = connect({ host: o.host, port: o.port ?? (o.secure ? 465 : 587) });
      socket.setNoDelay(true);
      // nodemailer's own connection timeout (2 minutes by default) covers only sockets it opens.
      const timer = setTimeout(
        () => socket.destroy(new Error("SMTP connection timed out")),
        o.connectionTimeout ?? 120_000,
      );
      socket.once("error", (err) => {
        clearTimeout(timer);
        cb(err);
      });
      socket.once("connect", () => {
        clearTimeout(timer);
        socket.removeAllListeners("error");
        cb(null, { connection: socket });
      });
    },
  } as SMTPPool.Options);
}

const fromDomains = new Map<string, string>();
/** The domain of the From address, for the Message-ID (as nodemailer picks it). */
function fromDomain(from: string) {
  let domain = fromDomains.get(from);
  if (!domain) {
    domain = addressparser(from, { flatten: true })[0]?.address?.split("@").pop() || "localhost";
    fromDomains.set(from, domain);
  }
  return domain;
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

/**
 * Sends one reminder email; throws SendFailure (permanent or not) when SMTP refuses it.
 * One SMTP pool per sender: call `close()` when the run is over, so no connection lingers.
 */
export function reminderEmailSender(db: Db, opts: { origin?: string; smtpUrl?: string | null; now: () => Date }) {
  const store = storeInfo(opts.origin);
  const smtpUrl = opts.smtpUrl === undefined ? env().SMTP_URL : opts.smtpUrl;
  let transport: Promise<Transporter> | undefined;
  const send = async (m: ReminderMessage) => {
    const mail = await buildReminderEmail(m, reminderLinks(m, store, opts.now()), store);
    if (!smtpUrl) {
      await db.insert(outboxMessages).values({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
      return;
    }
    transport ??= pooledTransport(smtpUrl);
    try {
      // base64 is encoded natively; quoted-printable in JavaScript costs more than the rest of a send.
      // The message is composed into one buffer (the same composer sendMail uses, so the same
      // bytes) and handed over raw: it reaches the socket in one write instead of one per
      // encoded chunk, and with TCP_NODELAY each write would be a packet of its own.
      // The Message-ID and the multipart boundary come from one pooled randomUUID: nodemailer
      // otherwise draws them with eight separate randomBytes calls per message.
      const from = env().MAIL_FROM;
      const id = randomUUID();
      const node = new MailComposer({
        from,
        ...mail,
        textEncoding: "base64",
        messageId: `<${id}@${fromDomain(from)}>`,
        baseBoundary: id.replaceAll("-", ""),
      } as Mail.Options).compile();
      const raw = await node.build();
      await (await transport).sendMail({ envelope: node.getEnvelope(), raw });
    } catch (err) {
      throw classifySmtpError(err);
    }
  };
  const close = async () => {
    const t = transport;
    transport = undefined;
    if (t) (await t).close();
  };
  return Object.assign(send, { close });
}

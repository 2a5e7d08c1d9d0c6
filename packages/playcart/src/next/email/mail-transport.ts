// One way out for every email Playcart sends (reminders, an owner's test reminder): composed
// once into a raw message, DKIM-signed when configured, and sent through a pooled SMTP
// connection (smtpUrl), or kept in the host's outbox when no SMTP server is configured.
import { randomUUID } from "node:crypto";
import { connect, type Socket } from "node:net";
import type { Transporter } from "nodemailer";
import addressparser from "nodemailer/lib/addressparser/index.js";
import MailComposer from "nodemailer/lib/mail-composer/index.js";
import type Mail from "nodemailer/lib/mailer/index.js";
import type SMTPPool from "nodemailer/lib/smtp-pool/index.js";
import type { EmailConfig, Outbox } from "../config.ts";
import type { DkimSigning } from "./dkim.ts";
import { classifySmtpError } from "./smtp-errors.ts";

export type OutgoingMail = { to: string; subject: string; html: string; text: string; headers: Record<string, string> };

async function pooledTransport(url: string, dkim: DkimSigning | null | undefined): Promise<Transporter> {
  const { createTransport } = await import("nodemailer");
  const { parseConnectionUrl } = await import("nodemailer/lib/shared/index.js");
  // A pool keeps a few connections open for a whole run instead of one per message.
  // Settings already in SMTP_URL win over these defaults.
  const pooledUrl = new URL(url);
  for (const [k, v] of Object.entries({ pool: "true", maxConnections: "50", maxMessages: "1000" })) {
    if (!pooledUrl.searchParams.has(k)) pooledUrl.searchParams.set(k, v);
  }
  return createTransport({
    ...(parseConnectionUrl(pooledUrl.toString()) as SMTPPool.Options),
    // The URL form has no place for DKIM: it is given here and signs each message as it is
    // sent (raw messages included).
    ...(dkim ? { dkim } : {}),
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

/**
 * Sends messages from `email.from`; throws SendFailure (permanent or not) when SMTP refuses one.
 * One SMTP pool per sender: call `close()` when done, so no connection lingers. Without
 * smtpUrl a message goes to the host's outbox, or is dropped with a log line.
 */
export function mailTransport(email: EmailConfig, outbox: Outbox | null = null) {
  let transport: Promise<Transporter> | undefined;
  const send = async (mail: OutgoingMail): Promise<"smtp" | "outbox" | "dropped"> => {
    if (!email.smtpUrl) {
      if (!outbox?.mail) return "dropped";
      await outbox.mail({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
      return "outbox";
    }
    transport ??= pooledTransport(email.smtpUrl, email.dkim as DkimSigning | null | undefined);
    try {
      // base64 is encoded natively; quoted-printable in JavaScript costs more than the rest of a send.
      // The message is composed into one buffer (the same composer sendMail uses, so the same
      // bytes) and handed over raw: it reaches the socket in one write instead of one per
      // encoded chunk, and with TCP_NODELAY each write would be a packet of its own.
      // The Message-ID and the multipart boundary come from one randomUUID: nodemailer
      // otherwise draws them with eight separate randomBytes calls per message.
      const from = email.from;
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
      return "smtp";
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

import "server-only";
import type { Transporter } from "nodemailer";
import type { DkimSigning } from "playcart/next";
import { getDb } from "@/db/client";
import { outboxMessages } from "@/db/schema";
import { mailConfig } from "./mail-config";

export type Mail = { to: string; subject: string; text: string; html?: string; headers?: Record<string, string> };

let transport: Transporter | undefined;

/** Sends through SMTP_URL when set (DKIM-signed when configured); otherwise keeps the mail in the dev outbox (/admin/outbox). */
export async function sendMail(mail: Mail): Promise<{ via: "smtp" | "outbox" }> {
  const config = mailConfig();
  if (config.smtpUrl) {
    if (!transport) {
      const { createTransport } = await import("nodemailer");
      transport = createTransport(config.smtpUrl);
    }
    // The URL form of the transport cannot carry DKIM options: each message carries them.
    const dkim = (config.dkim as DkimSigning | null | undefined) ?? undefined;
    const info = await transport.sendMail({ from: config.from, ...mail, ...(dkim ? { dkim } : {}) });
    if (info.rejected.length > 0) throw new Error(`mail to ${mail.to} was rejected`);
    return { via: "smtp" };
  }
  const db = await getDb();
  await db
    .insert(outboxMessages)
    .values({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html ?? null });
  return { via: "outbox" };
}

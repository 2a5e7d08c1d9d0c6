import "server-only";
import type { Transporter } from "nodemailer";
import { getDb } from "@/db/client";
import { outboxMessages } from "@/db/schema";
import { env } from "@/lib/env";

export type Mail = { to: string; subject: string; text: string; html?: string; headers?: Record<string, string> };

let transport: Transporter | undefined;

/** Sends through SMTP_URL when set; otherwise keeps the mail in the dev outbox (/admin/outbox). */
export async function sendMail(mail: Mail): Promise<{ via: "smtp" | "outbox" }> {
  const e = env();
  if (e.SMTP_URL) {
    if (!transport) {
      const { createTransport } = await import("nodemailer");
      transport = createTransport(e.SMTP_URL);
    }
    const info = await transport.sendMail({ from: e.MAIL_FROM, ...mail });
    if (info.rejected.length > 0) throw new Error(`mail to ${mail.to} was rejected`);
    return { via: "smtp" };
  }
  const db = await getDb();
  await db
    .insert(outboxMessages)
    .values({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html ?? null });
  return { via: "outbox" };
}

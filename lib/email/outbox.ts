import "server-only";
import { getDb } from "@/db/client";
import { outboxMessages } from "@/db/schema";

/** Keeps an email in the dev outbox (/admin/outbox) when no SMTP server is configured. */
export async function outboxMail(m: { to: string; subject: string; text: string; html: string }) {
  await (await getDb()).insert(outboxMessages).values(m);
}

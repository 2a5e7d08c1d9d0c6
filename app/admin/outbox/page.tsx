import type { Metadata } from "next";
import { desc } from "drizzle-orm";
import { Forbidden } from "@/components/admin/forbidden";
import { getDb } from "@/db/client";
import { outboxMessages } from "@/db/schema";
import { adminViewerOrRedirect } from "@/lib/auth/admin-page";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Dev outbox" };

export default async function OutboxPage() {
  if (!(await adminViewerOrRedirect("/admin/outbox"))) return <Forbidden />;
  const db = await getDb();
  const mail = await db
    .select({ id: outboxMessages.id, to: outboxMessages.to, subject: outboxMessages.subject, text: outboxMessages.text, createdAt: outboxMessages.createdAt })
    .from(outboxMessages)
    .orderBy(desc(outboxMessages.createdAt))
    .limit(50);
  return (
    <div className="space-y-4">
      <h1 className="font-display text-3xl font-semibold">Dev outbox</h1>
      <p className="text-sm text-stone-600">
        {env().SMTP_URL ? "SMTP_URL is set: mail goes to your SMTP server, not here." : "No SMTP_URL is set, so mail is kept here instead of being sent."}
      </p>
      <ul className="space-y-3">
        {mail.map((m) => (
          <li key={m.id} className="rounded-xl border border-stone-200 bg-white p-4">
            <p className="text-sm text-stone-600">{m.createdAt.toISOString()} · to {m.to}</p>
            <p className="font-medium">{m.subject}</p>
            <pre className="mt-2 whitespace-pre-wrap break-all text-sm">{m.text}</pre>
          </li>
        ))}
      </ul>
    </div>
  );
}

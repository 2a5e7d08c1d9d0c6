import { desc, like, notLike } from "drizzle-orm";
import { getDb } from "@/db/client";
import { outboxMessages } from "@/db/schema";
import { env } from "@/lib/env";
import { DEV_PUSH_PREFIX } from "@/lib/push/dev-outbox";

/** The dev outbox (mail and pushes kept instead of sent): a host page of the Playcart admin. */
export async function OutboxPage() {
  const db = await getDb();
  const columns = {
    id: outboxMessages.id,
    to: outboxMessages.to,
    subject: outboxMessages.subject,
    text: outboxMessages.text,
    createdAt: outboxMessages.createdAt,
  };
  const [mail, pushes] = await Promise.all([
    db
      .select(columns)
      .from(outboxMessages)
      .where(notLike(outboxMessages.to, `${DEV_PUSH_PREFIX}%`))
      .orderBy(desc(outboxMessages.createdAt))
      .limit(50),
    db
      .select(columns)
      .from(outboxMessages)
      .where(like(outboxMessages.to, `${DEV_PUSH_PREFIX}%`))
      .orderBy(desc(outboxMessages.createdAt))
      .limit(50),
  ]);
  const e = env();
  return (
    <div className="space-y-4">
      <h1 className="font-display text-3xl font-semibold">Dev outbox</h1>
      <section aria-labelledby="mail-h" className="space-y-2">
        <h2 id="mail-h" className="text-xl font-semibold">
          Emails
        </h2>
        <p className="text-sm text-stone-600">
          {e.SMTP_URL
            ? "SMTP_URL is set: mail goes to your SMTP server, not here."
            : "No SMTP_URL is set, so mail is kept here instead of being sent."}
        </p>
        <ul className="space-y-3">
          {mail.map((m) => (
            <li key={m.id} className="rounded-xl border border-stone-200 bg-white p-4">
              <p className="text-sm text-stone-600">
                {m.createdAt.toISOString()} · to {m.to}
              </p>
              <p className="font-medium">{m.subject}</p>
              <pre className="mt-2 whitespace-pre-wrap break-all text-sm">{m.text}</pre>
            </li>
          ))}
          {mail.length === 0 && <li className="text-sm text-stone-600">No emails kept.</li>}
        </ul>
      </section>
      <section aria-labelledby="push-h" className="space-y-2">
        <h2 id="push-h" className="text-xl font-semibold">
          Pushes
        </h2>
        <p className="text-sm text-stone-600">
          {e.VAPID_PUBLIC_KEY && e.VAPID_PRIVATE_KEY
            ? "VAPID keys are set: pushes go to subscribed browsers, not here."
            : "No VAPID keys are set, so browsers cannot subscribe; the push each sent reminder would carry is kept here."}
        </p>
        <ul className="space-y-3">
          {pushes.map((p) => (
            <li key={p.id} className="rounded-xl border border-stone-200 bg-white p-4">
              <p className="text-sm text-stone-600">
                {p.createdAt.toISOString()} · for {p.to.slice(DEV_PUSH_PREFIX.length)}
              </p>
              <p className="font-medium">{p.subject}</p>
              <pre className="mt-2 whitespace-pre-wrap break-all text-sm">{p.text}</pre>
            </li>
          ))}
          {pushes.length === 0 && <li className="text-sm text-stone-600">No pushes kept.</li>}
        </ul>
      </section>
    </div>
  );
}

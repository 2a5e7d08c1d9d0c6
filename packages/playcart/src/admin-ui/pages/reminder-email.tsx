import { DEFAULT_REMINDER_WORDS, getSettings } from "../../index.ts";
import { sampleReminder, storeNameOf } from "../../next/index.ts";
import { PREVIEW_TOKENS } from "../components/reminder-preview.ts";
import { ReminderWordsForm } from "../components/reminder-words-form.tsx";
import type { AdminPageProps } from "./page-props.ts";

export async function ReminderEmailPage({ ctx }: AdminPageProps) {
  const settings = await getSettings(ctx.db);
  // Rendered once with stand-ins for the words; the form puts the typed words in as they change.
  const template = await sampleReminder(
    ctx,
    { subject: PREVIEW_TOKENS.subject, heading: PREVIEW_TOKENS.heading, body: [PREVIEW_TOKENS.body] },
    "preview@example.invalid",
  );
  return (
    <div className="playcart-admin-stack">
      <p className="playcart-admin-small">
        <a href={ctx.href("settings/reminders")} className="playcart-admin-link">
          Reminder schedule
        </a>
      </p>
      <h1 className="playcart-admin-title">Reminder email</h1>
      <p className="playcart-admin-small playcart-admin-muted">
        The words of every cart reminder. A reminder with a discount puts its offer before the subject and below the
        text. Write {"{store}"} for the store's name. The preview shows the newest cart a shopper left and the prizes
        the comeback game gives today.
      </p>
      <ReminderWordsForm
        words={settings.reminderWords ?? DEFAULT_REMINDER_WORDS}
        own={settings.reminderWords !== null}
        storeName={storeNameOf(ctx.email ?? { from: "Your store <store@localhost>" })}
        template={template.html}
        canTest={Boolean(ctx.email)}
        owner={ctx.actor}
      />
    </div>
  );
}

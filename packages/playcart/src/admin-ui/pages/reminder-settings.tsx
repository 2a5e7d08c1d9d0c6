import { CAMPAIGN_STATUSES } from "../../core/schema.ts";
import { getSettings, reminderSequenceList } from "../../index.ts";
import { QuietHoursForm, ReminderSequenceForm } from "../components/reminder-settings-forms.tsx";
import type { AdminPageProps } from "./page-props.ts";

export async function ReminderSettingsPage({ ctx }: AdminPageProps) {
  const db = ctx.db;
  const [sequences, settings] = await Promise.all([reminderSequenceList(db), getSettings(db)]);
  return (
    <div className="playcart-admin-stack">
      <p className="playcart-admin-small">
        <a href={ctx.href("settings")} className="playcart-admin-link">
          Settings
        </a>
        {" · "}
        <a href={ctx.href("settings/reminder-email")} className="playcart-admin-link">
          Reminder email: words, preview and a test
        </a>
      </p>
      <h1 className="playcart-admin-title">Reminder schedule and quiet hours</h1>
      <section aria-labelledby="quiet-h" className="playcart-admin-card playcart-admin-stack-sm">
        <h2 id="quiet-h" className="playcart-admin-heading">
          Quiet hours
        </h2>
        <p className="playcart-admin-small playcart-admin-muted">
          No reminder goes out between these times; one due inside them waits until they end. They may span midnight.
        </p>
        <QuietHoursForm quiet={settings.quietHours} timeZone={ctx.timeZone} />
      </section>
      <section aria-labelledby="sequences-h" className="playcart-admin-stack-sm">
        <h2 id="sequences-h" className="playcart-admin-heading">
          Sequences
        </h2>
        <p className="playcart-admin-small playcart-admin-muted">
          The oldest live sequence schedules reminders for newly abandoned carts; reminders already scheduled keep their
          times. Without a live one, Playcart reminds after 1, 24 and 72 hours.
        </p>
        {sequences.map((s) => (
          <div key={s.id} className="playcart-admin-card">
            <ReminderSequenceForm sequence={s} statuses={CAMPAIGN_STATUSES} />
          </div>
        ))}
        {sequences.length === 0 && (
          <p className="playcart-admin-small">No sequence is stored: the built-in schedule applies.</p>
        )}
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getSettings, reminderSequenceList } from "playcart";
import { CAMPAIGN_STATUSES } from "playcart/schema";
import { Forbidden } from "@/components/admin/forbidden";
import { QuietHoursForm, ReminderSequenceForm } from "@/components/admin/reminder-settings-forms";
import { getDb } from "@/db/client";
import { adminViewerOrRedirect } from "@/lib/auth/admin-page";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Reminder schedule" };

export default async function ReminderSettingsPage() {
  if (!(await adminViewerOrRedirect("/admin/settings/reminders"))) return <Forbidden />;
  const db = await getDb();
  const [sequences, settings] = await Promise.all([reminderSequenceList(db), getSettings(db)]);
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/settings" className="underline">
          Settings
        </Link>
      </p>
      <h1 className="font-display text-3xl font-semibold">Reminder schedule and quiet hours</h1>
      <section aria-labelledby="quiet-h" className="space-y-2 rounded-2xl border border-stone-200 bg-white/60 p-4">
        <h2 id="quiet-h" className="text-lg font-semibold">
          Quiet hours
        </h2>
        <p className="text-sm text-stone-600">
          No reminder goes out between these times; one due inside them waits until they end. They may span midnight.
        </p>
        <QuietHoursForm quiet={settings.quietHours} timeZone={env().STORE_TIMEZONE} />
      </section>
      <section aria-labelledby="sequences-h" className="space-y-3">
        <h2 id="sequences-h" className="text-lg font-semibold">
          Sequences
        </h2>
        <p className="text-sm text-stone-600">
          The oldest live sequence schedules reminders for newly abandoned carts; reminders already scheduled keep their
          times. Without a live one, Playcart reminds after 1, 24 and 72 hours.
        </p>
        {sequences.map((s) => (
          <div key={s.id} className="rounded-2xl border border-stone-200 bg-white/60 p-4">
            <ReminderSequenceForm sequence={s} statuses={CAMPAIGN_STATUSES} />
          </div>
        ))}
        {sequences.length === 0 && <p className="text-sm">No sequence is stored: the built-in schedule applies.</p>}
      </section>
    </div>
  );
}

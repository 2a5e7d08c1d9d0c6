// The reminder email's words as the owner edits them (a setting the reminder job reads on
// each run), and the record of a test sent to the owner.
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { EngageDb } from "../core/db.ts";
import { engageSettings } from "../core/schema.ts";
import { getSettings, saveSettings } from "../core/settings.ts";
import { type ReminderWords, reminderWordsSchema } from "../reminders/index.ts";
import { recordAudit } from "./audit.ts";

const auditWords = (tx: EngageDb, actor: string, before: ReminderWords | null, after: ReminderWords | null) =>
  recordAudit(tx, {
    actor,
    action: "settings.reminder_words",
    entity: "settings",
    entityId: "reminderWords",
    before,
    after,
  });

export async function updateReminderWords(
  db: EngageDb,
  actor: string,
  input: z.input<typeof reminderWordsSchema>,
): Promise<ReminderWords> {
  const words = reminderWordsSchema.parse(input);
  return db.transaction(async (tx) => {
    const before = (await getSettings(tx)).reminderWords;
    await saveSettings(tx, { reminderWords: words });
    await auditWords(tx, actor, before, words);
    return words;
  });
}

/** Back to the built-in words for each step. */
export async function resetReminderWords(db: EngageDb, actor: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = (await getSettings(tx)).reminderWords;
    if (!before) return;
    await tx.delete(engageSettings).where(eq(engageSettings.key, "reminderWords"));
    await auditWords(tx, actor, before, null);
  });
}

/** A test reminder went to the owner: who, to where, with which words. */
export async function recordTestReminder(db: EngageDb, actor: string, sent: { to: string; words: ReminderWords }) {
  await recordAudit(db, {
    actor,
    action: "reminder_email.test_sent",
    entity: "settings",
    entityId: "reminderWords",
    after: sent,
  });
}

// The reminder schedule as the admin edits it: the live sequence's steps and idle time, and
// the store's quiet hours (a setting the reminder job reads on each run).
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { EngageDb } from "../core/db.ts";
import { EngageError } from "../core/errors.ts";
import { CAMPAIGN_STATUSES, type ReminderSequence, reminderSequences } from "../core/schema.ts";
import { getSettings, saveSettings } from "../core/settings.ts";
import { quietHoursSchema } from "../reminders/index.ts";
import { recordAudit } from "./audit.ts";

const DAY = 24 * 60;

export const sequenceEdit = z.object({
  id: z.uuid(),
  name: z.string().trim().min(1, "Give the sequence a name").max(80, "At most 80 characters"),
  status: z.enum(CAMPAIGN_STATUSES, { message: "Choose a status" }),
  abandonAfterMinutes: z
    .number({ message: "Enter minutes" })
    .int("Whole minutes")
    .min(5, "At least 5 minutes")
    .max(7 * DAY, "At most 7 days"),
  steps: z
    .array(
      z.object({
        afterMinutes: z
          .number({ message: "Enter minutes" })
          .int("Whole minutes")
          .min(1, "At least 1 minute")
          .max(60 * DAY, "At most 60 days"),
        discountPercent: z
          .number()
          .int("A whole percentage")
          .min(1, "A discount is 1 to 90%")
          .max(90, "A discount is 1 to 90%")
          .optional(),
      }),
    )
    .min(1, "Keep at least one reminder")
    .max(10, "At most 10 reminders")
    .refine(
      (s) => s.every((step, i) => i === 0 || step.afterMinutes > s[i - 1].afterMinutes),
      "Each reminder must come after the one before",
    ),
});

const hhmm = (label: string) =>
  z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${label}: use a 24-hour time such as 21:00`);
export const quietHoursEdit = z
  .object({ start: hhmm("Start"), end: hhmm("End") })
  .refine((q) => q.start !== q.end, { message: "Start and end must differ", path: ["end"] })
  .pipe(quietHoursSchema);

export async function reminderSequenceList(db: EngageDb): Promise<ReminderSequence[]> {
  return db.select().from(reminderSequences).orderBy(asc(reminderSequences.createdAt));
}

/** Steps already scheduled for abandoned carts keep their times; new carts follow the new schedule. */
export async function updateReminderSequence(
  db: EngageDb,
  actor: string,
  input: z.input<typeof sequenceEdit>,
): Promise<ReminderSequence> {
  const { id, ...values } = sequenceEdit.parse(input);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(reminderSequences).where(eq(reminderSequences.id, id)).for("update");
    if (!before) throw new EngageError("invalid:input", "No such reminder sequence.");
    const [after] = await tx.update(reminderSequences).set(values).where(eq(reminderSequences.id, id)).returning();
    await recordAudit(tx, {
      actor,
      action: "reminder_sequence.update",
      entity: "reminder_sequence",
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

export async function updateQuietHours(db: EngageDb, actor: string, input: z.input<typeof quietHoursEdit>) {
  const quietHours = quietHoursEdit.parse(input);
  return db.transaction(async (tx) => {
    const before = (await getSettings(tx)).quietHours;
    await saveSettings(tx, { quietHours });
    await recordAudit(tx, {
      actor,
      action: "settings.quiet_hours",
      entity: "settings",
      entityId: "quietHours",
      before,
      after: quietHours,
    });
    return quietHours;
  });
}

import { z } from "zod";
import { updateQuietHours, updateReminderSequence } from "../../index.ts";
import { formJson, formNumber } from "../form-values.ts";
import { adminAction } from "./define.ts";

const sequenceForm = z.object({
  id: z.uuid("Unknown sequence"),
  name: z.string().default(""),
  status: z.string({ message: "Choose a status" }),
  abandonAfterMinutes: formNumber("Enter minutes"),
  steps: formJson("reminders"),
});

export const saveReminderSequenceAction = adminAction(sequenceForm, async (input, ctx) => {
  const row = await updateReminderSequence(ctx.db, ctx.actor, {
    ...input,
    status: input.status as never,
    steps: input.steps as never,
  });
  return { status: "ok", message: `Saved ${row.name}.` };
});

export const saveQuietHoursAction = adminAction(
  z.object({ start: z.string().default(""), end: z.string().default("") }),
  async (input, ctx) => {
    const q = await updateQuietHours(ctx.db, ctx.actor, input);
    return { status: "ok", message: `Quiet hours are ${q.start} to ${q.end}.` };
  },
);

"use server";

import { revalidatePath } from "next/cache";
import { updateQuietHours, updateReminderSequence } from "playcart";
import { z } from "zod";
import { getDb } from "@/db/client";
import { adminAction } from "../../admin-action";
import { formJson, formNumber } from "../form-values";

const sequenceForm = z.object({
  id: z.uuid("Unknown sequence"),
  name: z.string().default(""),
  status: z.string({ message: "Choose a status" }),
  abandonAfterMinutes: formNumber("Enter minutes"),
  steps: formJson("reminders"),
});

export const saveReminderSequenceAction = adminAction(sequenceForm, async (input, admin) => {
  const row = await updateReminderSequence(await getDb(), admin.email, {
    ...input,
    status: input.status as never,
    steps: input.steps as never,
  });
  revalidatePath("/admin/settings/reminders");
  return { status: "ok", message: `Saved ${row.name}.` };
});

export const saveQuietHoursAction = adminAction(
  z.object({ start: z.string().default(""), end: z.string().default("") }),
  async (input, admin) => {
    const q = await updateQuietHours(await getDb(), admin.email, input);
    revalidatePath("/admin/settings/reminders");
    return { status: "ok", message: `Quiet hours are ${q.start} to ${q.end}.` };
  },
);

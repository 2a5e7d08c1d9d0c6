"use server";

import { revalidatePath } from "next/cache";
import { birthdaySchema, ensureCustomer, setBirthday } from "playcart";
import { z } from "zod";
import { getDb } from "@/db/client";
import { type ActionState, formObject, invalid } from "@/lib/action-state";
import { currentViewer } from "@/lib/auth/guards";

const input = z.object({
  month: z.coerce.number({ message: "Choose a month" }).int().min(1, "Choose a month").max(12, "Choose a month"),
  day: z.coerce
    .number({ message: "Enter a day" })
    .int()
    .min(1, "Enter a day from 1 to 31")
    .max(31, "Enter a day from 1 to 31"),
});

export async function saveBirthdayAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const viewer = await currentViewer();
  if (!viewer) return { status: "unauthenticated", message: "Please sign in." };
  const parsed = input.safeParse(formObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const md = `${String(parsed.data.month).padStart(2, "0")}-${String(parsed.data.day).padStart(2, "0")}`;
  const valid = birthdaySchema.safeParse(md);
  if (!valid.success)
    return {
      status: "invalid",
      message: "That day does not exist.",
      fieldErrors: { day: "That day does not exist in that month" },
    };
  const db = await getDb();
  await db.transaction(async (tx) => {
    const customer = await ensureCustomer(tx, { email: viewer.email, userRef: viewer.id });
    await setBirthday(tx, customer.id, valid.data);
  });
  revalidatePath("/account");
  return { status: "ok", message: "Saved. We'll have a treat for you on the day." };
}

"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { updateBadge, updateStampCard } from "@/lib/engage/badge-admin";
import { adminAction } from "../../admin-action";
import { formNumber, optionalFormText } from "../form-values";

const badgeForm = z.object({ id: z.uuid("Unknown badge"), name: z.string().default(""), description: z.string().default(""), emoji: z.string().default("") });

export const saveBadgeAction = adminAction(badgeForm, async (input, admin) => {
  const row = await updateBadge(await getDb(), admin.email, input);
  revalidatePath("/admin/settings/badges");
  return { status: "ok", message: `Saved ${row.name}.` };
});

const cardForm = z.object({
  id: z.uuid("Unknown stamp card"),
  name: z.string().default(""),
  stampsRequired: formNumber("Enter a number of stamps"),
  badgeId: optionalFormText(),
});

export const saveStampCardAction = adminAction(cardForm, async (input, admin) => {
  const row = await updateStampCard(await getDb(), admin.email, input);
  revalidatePath("/admin/settings/badges");
  return { status: "ok", message: `Saved ${row.name}.` };
});

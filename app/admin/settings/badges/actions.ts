"use server";

import { revalidatePath } from "next/cache";
import { createBadge, createStampCard, updateBadge, updateStampCard } from "playcart";
import { z } from "zod";
import { getDb } from "@/db/client";
import { adminAction } from "../../admin-action";
import { formNumber, optionalFormText } from "../form-values";

// No id: a new one, with the key typed in the form. The core validates every value.
const badgeForm = z.object({
  id: optionalFormText(),
  slug: z.string().default(""),
  name: z.string().default(""),
  description: z.string().default(""),
  emoji: z.string().default(""),
});

export const saveBadgeAction = adminAction(badgeForm, async ({ id, slug, ...values }, admin) => {
  const db = await getDb();
  const row = id
    ? await updateBadge(db, admin.email, { id, ...values })
    : await createBadge(db, admin.email, { slug, ...values });
  revalidatePath("/admin/settings/badges");
  revalidatePath("/admin/settings/rules");
  return { status: "ok", message: id ? `Saved ${row.name}.` : `Added ${row.name}.` };
});

const cardForm = z.object({
  id: optionalFormText(),
  slug: z.string().default(""),
  name: z.string().default(""),
  stampsRequired: formNumber("Enter a number of stamps"),
  badgeId: optionalFormText(),
});

export const saveStampCardAction = adminAction(cardForm, async ({ id, slug, ...values }, admin) => {
  const db = await getDb();
  const row = id
    ? await updateStampCard(db, admin.email, { id, ...values })
    : await createStampCard(db, admin.email, { slug, ...values });
  revalidatePath("/admin/settings/badges");
  revalidatePath("/admin/settings/rules");
  return { status: "ok", message: id ? `Saved ${row.name}.` : `Added ${row.name}.` };
});

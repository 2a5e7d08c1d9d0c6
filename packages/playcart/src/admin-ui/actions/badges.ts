import { z } from "zod";
import { createBadge, createStampCard, updateBadge, updateStampCard } from "../../index.ts";
import { formNumber, optionalFormText } from "../form-values.ts";
import { adminAction } from "./define.ts";

// No id: a new one, with the key typed in the form. The core validates every value.
const badgeForm = z.object({
  id: optionalFormText(),
  slug: z.string().default(""),
  name: z.string().default(""),
  description: z.string().default(""),
  emoji: z.string().default(""),
});

export const saveBadgeAction = adminAction(badgeForm, async ({ id, slug, ...values }, ctx) => {
  const db = ctx.db;
  const row = id
    ? await updateBadge(db, ctx.actor, { id, ...values })
    : await createBadge(db, ctx.actor, { slug, ...values });
  return { status: "ok", message: id ? `Saved ${row.name}.` : `Added ${row.name}.` };
});

const cardForm = z.object({
  id: optionalFormText(),
  slug: z.string().default(""),
  name: z.string().default(""),
  stampsRequired: formNumber("Enter a number of stamps"),
  badgeId: optionalFormText(),
});

export const saveStampCardAction = adminAction(cardForm, async ({ id, slug, ...values }, ctx) => {
  const db = ctx.db;
  const row = id
    ? await updateStampCard(db, ctx.actor, { id, ...values })
    : await createStampCard(db, ctx.actor, { slug, ...values });
  return { status: "ok", message: id ? `Saved ${row.name}.` : `Added ${row.name}.` };
});

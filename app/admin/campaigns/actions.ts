"use server";

import { revalidatePath } from "next/cache";
import { saveCampaign, setCampaignStatus } from "playcart";
import { CAMPAIGN_STATUSES } from "playcart/schema";
import { z } from "zod";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { storeNow } from "@/lib/store/clock";
import { adminAction } from "../admin-action";

const json = z
  .string()
  .max(100_000, "The campaign is too large")
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "The campaign could not be read" });
      return z.NEVER;
    }
  });

/** Creates (no id) or edits a campaign from the editor's JSON; the core validates every field. */
export const saveCampaignAction = adminAction(
  z.object({
    id: z
      .uuid()
      .optional()
      .or(z.literal("").transform(() => undefined)),
    draft: json,
  }),
  async (input, admin) => {
    const clock = { now: await storeNow(), timeZone: env().STORE_TIMEZONE };
    const id = await saveCampaign(await getDb(), admin.email, input.id ?? null, input.draft, clock);
    revalidatePath("/admin/campaigns");
    return { status: "ok", message: input.id ? "Campaign saved." : "Campaign created as a draft.", id };
  },
);

/** Publish, pause, resume or end. */
export const setCampaignStatusAction = adminAction(
  z.object({ id: z.uuid({ message: "Unknown campaign" }), status: z.enum(CAMPAIGN_STATUSES) }),
  async (input, admin) => {
    const clock = { now: await storeNow(), timeZone: env().STORE_TIMEZONE };
    await setCampaignStatus(await getDb(), admin.email, input.id, input.status, clock);
    revalidatePath("/admin/campaigns");
    revalidatePath(`/admin/campaigns/${input.id}`);
    const verb = { live: "Published", paused: "Paused", ended: "Ended", draft: "Saved" }[input.status];
    return { status: "ok", message: `${verb}.` };
  },
);

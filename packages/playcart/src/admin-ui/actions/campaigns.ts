import { z } from "zod";
import { CAMPAIGN_STATUSES } from "../../core/schema.ts";
import { saveCampaign, setCampaignStatus } from "../../index.ts";
import { adminAction, jsonField } from "./define.ts";

/** Creates (no id) or edits a campaign from the editor's JSON; the core validates every field. */
export const saveCampaignAction = adminAction(
  z.object({
    id: z
      .uuid()
      .optional()
      .or(z.literal("").transform(() => undefined)),
    draft: jsonField("campaign"),
  }),
  async (input, ctx) => {
    const clock = { now: await ctx.now(), timeZone: ctx.timeZone };
    const id = await saveCampaign(ctx.db, ctx.actor, input.id ?? null, input.draft, clock);
    return { status: "ok", message: input.id ? "Campaign saved." : "Campaign created as a draft.", id };
  },
);

/** Publish, pause, resume or end. */
export const setCampaignStatusAction = adminAction(
  z.object({ id: z.uuid({ message: "Unknown campaign" }), status: z.enum(CAMPAIGN_STATUSES) }),
  async (input, ctx) => {
    const clock = { now: await ctx.now(), timeZone: ctx.timeZone };
    await setCampaignStatus(ctx.db, ctx.actor, input.id, input.status, clock);
    const verb = { live: "Published", paused: "Paused", ended: "Ended", draft: "Saved" }[input.status];
    return { status: "ok", message: `${verb}.` };
  },
);

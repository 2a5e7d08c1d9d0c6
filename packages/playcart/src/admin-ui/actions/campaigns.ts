import { z } from "zod";
import { CAMPAIGN_STATUSES } from "../../core/schema.ts";
import { CampaignOverlapError, saveCampaign, setCampaignStatus } from "../../index.ts";
import { adminAction } from "./define.ts";

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
  async (input, ctx) => {
    const clock = { now: await ctx.now(), timeZone: ctx.timeZone };
    const id = await saveCampaign(ctx.db, ctx.actor, input.id ?? null, input.draft, clock);
    return { status: "ok", message: input.id ? "Campaign saved." : "Campaign created as a draft.", id };
  },
);

/** Publish, pause, resume or end; publishing may first pause the live campaign in its way. */
export const setCampaignStatusAction = adminAction(
  z.object({
    id: z.uuid({ message: "Unknown campaign" }),
    status: z.enum(CAMPAIGN_STATUSES),
    pauseFirst: z.uuid({ message: "Unknown campaign" }).optional(),
  }),
  async (input, ctx) => {
    const clock = { now: await ctx.now(), timeZone: ctx.timeZone };
    try {
      await setCampaignStatus(ctx.db, ctx.actor, input.id, input.status, clock, { pauseFirst: input.pauseFirst });
    } catch (err) {
      // The form offers to pause the campaign in the way, by name.
      if (err instanceof CampaignOverlapError)
        return { status: "invalid", message: err.message, fieldErrors: err.fieldErrors, conflict: err.conflict };
      throw err;
    }
    const verb = { live: "Published", paused: "Paused", ended: "Ended", draft: "Saved" }[input.status];
    return { status: "ok", message: input.pauseFirst ? `Paused the other campaign and published.` : `${verb}.` };
  },
);

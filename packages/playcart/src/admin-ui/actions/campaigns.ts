import { z } from "zod";
import { CAMPAIGN_STATUSES } from "../../core/schema.ts";
import { CampaignInputError, CampaignOverlapError, parseDraft, saveCampaign, setCampaignStatus } from "../../index.ts";
import type { AdminContext } from "../config.ts";
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
    await assertCatalogProducts(input.draft, ctx);
    const clock = { now: await ctx.now(), timeZone: ctx.timeZone };
    const id = await saveCampaign(ctx.db, ctx.actor, input.id ?? null, input.draft, clock);
    return { status: "ok", message: input.id ? "Campaign saved." : "Campaign created as a draft.", id };
  },
);

/** A free product must be one the store sells, when the host lists its catalog. */
async function assertCatalogProducts(raw: unknown, ctx: AdminContext) {
  const products = await ctx.products();
  if (!products) return;
  const refs = new Set(products.map((p) => p.ref));
  const errors: Record<string, string> = {};
  parseDraft(raw).prizes.forEach((p, i) => {
    if (p.rewardType === "free_product" && p.productRef && !refs.has(p.productRef))
      errors[`prizes.${i}.productRef`] = "Choose a product from the store's catalog";
  });
  if (Object.keys(errors).length) throw new CampaignInputError(errors);
}

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

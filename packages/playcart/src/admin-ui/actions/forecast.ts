// Forecast before launch and templates: read-only replay of a campaign over the last N days,
// and a new draft from a template. Both run behind the admin's authorize (run-action.ts).
import { z } from "zod";
import { CAMPAIGN_TEMPLATE_KEYS, createCampaignFromTemplate, runForecast } from "../../index.ts";
import { toMinor } from "../format.ts";
import { adminAction } from "./define.ts";

export const FORECAST_DAYS = [7, 14, 30] as const;

/** An optional amount in the store's currency ("12.50"), to minor units. */
const optionalMoney = (currency: string, label: string) =>
  z
    .string()
    .optional()
    .transform((text, ctx) => {
      const minor = toMinor(text ?? "", currency);
      if (minor === null) return null;
      if (Number.isNaN(minor) || minor < 0) {
        ctx.addIssue({ code: "custom", message: `${label}: type an amount such as 250.00, or leave it empty` });
        return z.NEVER;
      }
      return minor;
    });

export const forecastCampaignAction = adminAction(
  (ctx) =>
    z.object({
      id: z.uuid({ message: "Unknown campaign" }),
      days: z.coerce
        .number()
        .refine((d) => (FORECAST_DAYS as readonly number[]).includes(d), "Choose 7, 14 or 30 days"),
      playRate: z.coerce
        .number({ message: "Type a percentage from 1 to 100" })
        .int("Type a whole percentage")
        .min(1, "Type a percentage from 1 to 100")
        .max(100, "Type a percentage from 1 to 100"),
      totalBudget: optionalMoney(ctx.currency, "Forecast total budget"),
      dailyBudget: optionalMoney(ctx.currency, "Forecast daily budget"),
    }),
  async (input, ctx) => {
    const forecast = await runForecast(ctx.db, {
      campaignId: input.id,
      days: input.days,
      now: await ctx.now(),
      timeZone: ctx.timeZone,
      playRate: input.playRate / 100,
      budget: { totalMinor: input.totalBudget, dailyMinor: input.dailyBudget },
    });
    return { status: "ok", message: `Forecast over the last ${input.days} days.`, forecast };
  },
);

export const createFromTemplateAction = adminAction(
  z.object({ template: z.enum(CAMPAIGN_TEMPLATE_KEYS, { message: "Choose a template" }) }),
  async (input, ctx) => {
    const clock = { now: await ctx.now(), timeZone: ctx.timeZone };
    const id = await createCampaignFromTemplate(ctx.db, ctx.actor, input.template, clock);
    return { status: "ok", message: "Campaign created as a draft from the template.", id };
  },
);

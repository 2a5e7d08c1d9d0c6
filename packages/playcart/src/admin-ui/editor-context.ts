// What the campaign editor needs from the store: tiers, currency, time zone, now and its products.
import { getSettings } from "../index.ts";
import { conditionOptions } from "./condition-options.ts";
import type { AdminContext } from "./config.ts";

export async function editorContext(ctx: AdminContext) {
  const settings = await getSettings(ctx.db);
  return {
    tiers: settings.tiers.map((t) => ({ name: t.name, label: t.label })),
    currency: ctx.currency,
    timeZone: ctx.timeZone,
    now: (await ctx.now()).toISOString(),
    conditions: await conditionOptions(ctx),
    products: await ctx.products(),
  };
}

// The choices the audience and rule builders offer: the store's tiers and segments, and its
// categories and products from the host's catalog (or, without one, the categories Playcart
// has seen in orders, so a condition can still name them).
import { sql } from "drizzle-orm";
import { rowsOf } from "../core/db.ts";
import { getSettings, SEGMENTS } from "../index.ts";
import type { ConditionOptions } from "./condition-fields.ts";
import type { AdminContext } from "./config.ts";

export async function conditionOptions(ctx: AdminContext): Promise<ConditionOptions> {
  const settings = await getSettings(ctx.db);
  const catalog = ctx.catalog ? await ctx.catalog() : null;
  const categories =
    catalog?.categories ??
    rowsOf<{ category: string }>(
      await ctx.db.execute(sql`SELECT DISTINCT category FROM playcart_order_categories ORDER BY category LIMIT 200`),
    ).map((r) => ({ ref: r.category, name: r.category }));
  return {
    currency: ctx.currency,
    tiers: settings.tiers.map((t) => ({ name: t.name, label: t.label })),
    segments: [...SEGMENTS],
    categories,
    products: catalog?.products ?? [],
  };
}

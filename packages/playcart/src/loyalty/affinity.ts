// Category affinity: what a shopper buys, from their paid orders, the recent ones weighing
// more (an order's weight halves every affinityHalfLifeDays) and refunds taken out.
import { sql } from "drizzle-orm";
import { z } from "zod";
import { type EngageDb, rowsOf } from "../core/db.ts";
import { mailAddress } from "../core/identity.ts";
import { netPaidSql } from "../core/reversed-share.ts";
import { orderCategories, orderFacts, orderRewards } from "../core/schema.ts";

const placedSchema = z.object({
  orderRef: z.string().min(1).max(100),
  email: z.email(),
  sessionRef: z.string().max(100).nullish(),
  referralCode: z
    .string()
    .regex(/^[a-z0-9]{4,32}$/)
    .nullish(),
  lines: z
    .array(
      z.object({
        category: z.string().min(1).max(100),
        amountMinor: z.number().int().min(0),
        quantity: z.number().int().min(1).default(1),
      }),
    )
    .max(500),
});
export type OrderPlaced = z.input<typeof placedSchema>;

/**
 * The host calls this when an order is placed (or placed again): its categories and amounts,
 * the browser session and the referral code it came with. Replaces what was recorded before.
 */
export async function recordOrderPlaced(db: EngageDb, input: OrderPlaced): Promise<void> {
  const o = placedSchema.parse(input);
  const byCategory = new Map<string, number>();
  for (const l of o.lines) byCategory.set(l.category, (byCategory.get(l.category) ?? 0) + l.amountMinor);
  const facts = {
    email: mailAddress(o.email),
    sessionRef: o.sessionRef ?? null,
    referralCode: o.referralCode ?? null,
    itemCount: o.lines.reduce((s, l) => s + l.quantity, 0),
  };
  await db
    .insert(orderFacts)
    .values({ orderRef: o.orderRef, ...facts })
    .onConflictDoUpdate({ target: orderFacts.orderRef, set: { ...facts, placedAt: new Date() } });
  await db.delete(orderCategories).where(sql`${orderCategories.orderRef} = ${o.orderRef}`);
  if (byCategory.size > 0) {
    await db
      .insert(orderCategories)
      .values([...byCategory].map(([category, amountMinor]) => ({ orderRef: o.orderRef, category, amountMinor })));
  }
}

export type Affinity = { scores: Record<string, number>; favourite: string | null };

/** Shares (summing to 1) of the customer's recency-weighted, net-of-refund spend by category. */
export async function categoryAffinity(
  db: EngageDb,
  customerId: string,
  now: Date,
  halfLifeDays: number,
): Promise<Affinity> {
  const rows = rowsOf<{ category: string; score: number }>(
    await db.execute(sql`
      SELECT c.category,
             sum(c.amount_minor
                 * (${netPaidSql("o")}::float8 / greatest(o.amount_paid_minor, 1))
                 * power(0.5, greatest(0, extract(epoch FROM (${now.toISOString()}::timestamptz - o.paid_at))) / 86400 / ${halfLifeDays}))::float8 AS score
      FROM ${orderCategories} c JOIN ${orderRewards} o ON o.order_ref = c.order_ref
      WHERE o.customer_id = ${customerId}
      GROUP BY c.category`),
  );
  const total = rows.reduce((s, r) => s + Math.max(0, Number(r.score)), 0);
  const scores: Record<string, number> = {};
  let favourite: string | null = null;
  for (const r of rows.sort((a, b) => a.category.localeCompare(b.category))) {
    const share = total > 0 ? Math.max(0, Number(r.score)) / total : 0;
    scores[r.category] = Math.round(share * 1000) / 1000;
    if (share > 0 && (favourite === null || share > scores[favourite])) favourite = r.category;
  }
  return { scores, favourite };
}

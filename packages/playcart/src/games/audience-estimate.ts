// How many of the store's customers a campaign audience matches today, for the editor's
// "about 340 customers match today". Who a customer is (orders, spend, tier, segments) is
// known now; the cart, the event and the time of day are known only at checkout, so clauses
// on those count as met (the estimate is of who could be offered the game).
//
// Scale: one aggregate of the customers' orders (through the order table's customer index),
// then JSON Logic in memory, so it is linear in customers and their orders. Past SAMPLE_LIMIT
// customers it evaluates a repeatable Bernoulli sample of about that many and scales the count
// up (a share is then within about 1 point of the true one), so a store of 2 million customers
// answers in about the time one of 10,000 does.
import { sql } from "drizzle-orm";
import { type EngageDb, rowsOf } from "../core/db.ts";
import { getSettings } from "../core/settings.ts";
import { evaluateCondition } from "../engine/index.ts";
import { primarySegment, segmentsOf, tierFor } from "../loyalty/index.ts";

export const SAMPLE_LIMIT = 10_000;

export type AudienceEstimate = {
  /** Customers who match (scaled from the sample when sampled). */
  matching: number;
  /** Customers the store knows. */
  total: number;
  sampled: boolean;
  /** True when the condition also tests the cart, the event or the time: checked at checkout. */
  atCheckout: boolean;
};

type Node = unknown;
const COMPARISONS = new Set(["==", "===", "!=", "!==", "<", "<=", ">", ">=", "in"]);

const varsIn = (node: Node): string[] => {
  if (!node || typeof node !== "object") return [];
  if (Array.isArray(node)) return node.flatMap(varsIn);
  if ("var" in node) {
    const v = (node as { var: unknown }).var;
    const name = Array.isArray(v) ? v[0] : v;
    return typeof name === "string" ? [name] : [];
  }
  return Object.values(node).flatMap(varsIn);
};

/**
 * The condition with every comparison that needs the checkout replaced by what keeps the
 * customer in: `true`, or `false` under an odd number of negations.
 */
export function customerPart(node: Node, positive = true): { logic: Node; dropped: boolean } {
  if (!node || typeof node !== "object" || Array.isArray(node)) return { logic: node, dropped: false };
  const entries = Object.entries(node);
  if (entries.length !== 1) return { logic: node, dropped: false };
  const [op, args] = entries[0];
  if ((op === "and" || op === "or") && Array.isArray(args)) {
    const parts = args.map((a) => customerPart(a, positive));
    return { logic: { [op]: parts.map((p) => p.logic) }, dropped: parts.some((p) => p.dropped) };
  }
  if (op === "!" || op === "!!") {
    const inner = Array.isArray(args) && args.length === 1 ? args[0] : args;
    const part = customerPart(inner, op === "!" ? !positive : positive);
    return { logic: { [op]: [part.logic] }, dropped: part.dropped };
  }
  if (COMPARISONS.has(op) && varsIn(args).some((v) => !v.startsWith("customer."))) {
    return { logic: positive, dropped: true };
  }
  return { logic: node, dropped: false };
}

type Row = {
  id: string;
  signed_in: boolean;
  paid_orders: number;
  lifetime: number;
  trailing: number;
  first_paid_at: string | Date | null;
  last_paid_at: string | Date | null;
  with_reward: number;
};

export async function estimateAudience(
  db: EngageDb,
  condition: unknown,
  options: { now: Date; sampleLimit?: number },
): Promise<AudienceEstimate> {
  const limit = options.sampleLimit ?? SAMPLE_LIMIT;
  const { logic, dropped } = customerPart(condition);
  const settings = await getSettings(db);
  const now = options.now;
  const since = new Date(now.getTime() - settings.tierWindowDays * 86_400_000).toISOString();
  const [{ n: total }] = rowsOf<{ n: number }>(
    await db.execute(sql`SELECT count(*)::int AS n FROM playcart_customers`),
  );
  const sampled = total > limit;
  // REPEATABLE: the same store gives the same estimate while the owner types.
  const from = sampled
    ? sql`playcart_customers c TABLESAMPLE BERNOULLI (${(100 * limit) / total}) REPEATABLE (13)`
    : sql`playcart_customers c`;
  const rows = rowsOf<Row>(
    await db.execute(sql`
      SELECT c.id, c.user_ref IS NOT NULL AS signed_in, s.*
      FROM ${from}
      -- Per customer, through the order table's customer index: a sample reads only its own orders.
      LEFT JOIN LATERAL (
        SELECT count(*)::int AS paid_orders,
               coalesce(sum(o.amount_paid_minor - o.amount_refunded_minor), 0)::int AS lifetime,
               coalesce(sum(o.amount_paid_minor - o.amount_refunded_minor) FILTER (WHERE o.paid_at > ${since}::timestamptz), 0)::int AS trailing,
               min(o.paid_at) AS first_paid_at, max(o.paid_at) AS last_paid_at,
               count(*) FILTER (WHERE EXISTS (
                 SELECT 1 FROM playcart_rewards r WHERE r.order_ref = o.order_ref AND r.status = 'redeemed'))::int AS with_reward
        FROM playcart_order_rewards o WHERE o.customer_id = c.id AND o.paid_at <= ${now.toISOString()}::timestamptz
      ) s ON true`),
  );
  const seen = rows.length;
  let matching = 0;
  for (const r of rows) {
    const date = (d: string | Date | null) => (d ? new Date(d) : null);
    const stats = {
      paidOrders: Number(r.paid_orders),
      netSpendMinor: Number(r.lifetime),
      trailingSpendMinor: Number(r.trailing),
      firstPaidAt: date(r.first_paid_at),
      lastPaidAt: date(r.last_paid_at),
      ordersWithReward: Number(r.with_reward),
    };
    const segments = segmentsOf(stats, now, settings.segments);
    const customer = {
      known: true,
      signedIn: r.signed_in,
      firstPurchase: stats.paidOrders === 0,
      paidOrders: stats.paidOrders,
      lifetimeSpendMinor: stats.netSpendMinor,
      trailingSpendMinor: stats.trailingSpendMinor,
      tier: tierFor(settings.tiers, stats.trailingSpendMinor).name,
      segments,
      segment: primarySegment(segments),
    };
    if (evaluateCondition(logic, { customer })) matching += 1;
  }
  return {
    matching: sampled && seen > 0 ? Math.round((matching * total) / seen) : matching,
    total,
    sampled,
    atCheckout: dropped,
  };
}

/** "About 340 customers match today", exact below 100 and when counted in full. */
export function estimateWords(e: AudienceEstimate): string {
  const n = e.sampled && e.matching >= 100 ? Number(e.matching.toPrecision(2)) : e.matching;
  const count = `${e.sampled ? "About " : ""}${n.toLocaleString("en-US")} ${n === 1 ? "customer matches" : "customers match"} today`;
  const of = ` (of ${e.total.toLocaleString("en-US")})`;
  return e.atCheckout ? `${count}${of}, if their cart and the time also match at checkout.` : `${count}${of}.`;
}

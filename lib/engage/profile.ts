// What Playcart knows about a shopper, for conditions and allowances: paid orders, spend
// and tier, all computed from its own record of paid orders (net of refunds).
import { and, eq, gt, sql } from "drizzle-orm";
import type { EngageDb } from "./db";
import { findCustomerByEmail } from "./customers";
import { customers, orderRewards } from "./schema";
import { getSettings, type Tier } from "./settings";

export type CustomerProfile = {
  known: boolean;
  paidOrders: number;
  firstPurchase: boolean;
  lifetimeSpendMinor: number;
  trailingSpendMinor: number;
  tier: string;
  /** The tier's play multiplier (settings), for campaigns without a number for this tier. */
  tierPlayMultiplier: number;
};

export function tierFor(tiers: Tier[], trailingSpendMinor: number): Tier {
  return tiers.reduce((best, t) => (trailingSpendMinor >= t.minSpendMinor ? t : best), tiers[0]);
}

export async function customerProfile(db: EngageDb, input: { email?: string | null; userRef?: string | null; now: Date }): Promise<CustomerProfile> {
  const settings = await getSettings(db);
  const customer = input.email
    ? await findCustomerByEmail(db, input.email)
    : input.userRef
      ? (await db.select().from(customers).where(eq(customers.userRef, input.userRef)))[0]
      : undefined;
  if (!customer) {
    return { known: false, paidOrders: 0, firstPurchase: true, lifetimeSpendMinor: 0, trailingSpendMinor: 0, tier: settings.tiers[0].name, tierPlayMultiplier: settings.tiers[0].playMultiplier };
  }
  const since = new Date(input.now.getTime() - settings.tierWindowDays * 86_400_000);
  const net = sql<number>`coalesce(sum(${orderRewards.amountPaidMinor} - ${orderRewards.amountRefundedMinor}), 0)::int`;
  const [all] = await db
    .select({ orders: sql<number>`count(*)::int`, spend: net })
    .from(orderRewards)
    .where(eq(orderRewards.customerId, customer.id));
  const [trailing] = await db
    .select({ spend: net })
    .from(orderRewards)
    .where(and(eq(orderRewards.customerId, customer.id), gt(orderRewards.paidAt, since)));
  const tier = tierFor(settings.tiers, trailing.spend);
  return {
    known: true,
    paidOrders: all.orders,
    firstPurchase: all.orders === 0,
    lifetimeSpendMinor: all.spend,
    trailingSpendMinor: trailing.spend,
    tier: tier.name,
    tierPlayMultiplier: tier.playMultiplier,
  };
}

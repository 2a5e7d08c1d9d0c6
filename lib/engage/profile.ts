// What Playcart knows about a shopper, for conditions and allowances: paid orders, spend
// and tier, all computed from its own record of paid orders (net of refunds).
import { eq } from "drizzle-orm";
import type { EngageDb } from "./db";
import { findCustomerByEmail } from "./customers";
import { customers } from "./schema";
import { orderStats, primarySegment, segmentsOf, type Segment } from "./segments";
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
  /** Segments (new, active, lapsed, high_value, discount_driven) and the most telling one. */
  segments: Segment[];
  segment: Segment | null;
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
    return {
      known: false,
      paidOrders: 0,
      firstPurchase: true,
      lifetimeSpendMinor: 0,
      trailingSpendMinor: 0,
      tier: settings.tiers[0].name,
      tierPlayMultiplier: settings.tiers[0].playMultiplier,
      segments: ["new"],
      segment: "new",
    };
  }
  // One query for orders, spend, trailing spend and what segments need.
  const stats = await orderStats(db, customer.id, undefined, new Date(input.now.getTime() - settings.tierWindowDays * 86_400_000));
  const tier = tierFor(settings.tiers, stats.trailingSpendMinor);
  const segments = segmentsOf(stats, input.now, settings.segments);
  return {
    known: true,
    paidOrders: stats.paidOrders,
    firstPurchase: stats.paidOrders === 0,
    lifetimeSpendMinor: stats.netSpendMinor,
    trailingSpendMinor: stats.trailingSpendMinor,
    tier: tier.name,
    tierPlayMultiplier: tier.playMultiplier,
    segments,
    segment: primarySegment(segments),
  };
}

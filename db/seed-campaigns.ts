// Demo campaigns, one per game: the first-order wheel, the returning shopper's tree, a
// Saturday spin where Gold and Platinum get more spins than Green, and a Sunday scratch card.
import { sql } from "drizzle-orm";
import type { Db } from "./client";
import { campaigns, prizes } from "./schema";
import { seedAdvent, seedCatalog } from "./seed-seasonal";

type PrizeSeed = Omit<typeof prizes.$inferInsert, "campaignId">;

const demo: { campaign: typeof campaigns.$inferInsert; prizes: PrizeSeed[] }[] = [
  {
    campaign: {
      slug: "first-order-wheel",
      name: "Spin to win up to 10% off your first order",
      gameType: "spin_wheel",
      placement: "checkout_first_order",
      status: "live",
      audience: { "==": [{ var: "customer.firstPurchase" }, true] },
      allowance: { default: 1 },
      lifetimeLimit: 1,
      rewardScope: "this_order",
      rewardValidDays: 1,
    },
    prizes: [
      {
        position: 0,
        label: "10% off",
        weight: 10,
        rewardType: "percent_off",
        rewardValue: 10,
        maxDiscountMinor: 2500,
        costMinor: 400,
        inventory: 500,
      },
      {
        position: 1,
        label: "5% off",
        weight: 35,
        rewardType: "percent_off",
        rewardValue: 5,
        maxDiscountMinor: 1500,
        costMinor: 200,
      },
      { position: 2, label: "$2 off", weight: 25, rewardType: "amount_off", rewardValue: 200, costMinor: 200 },
      {
        position: 3,
        label: "7% off",
        weight: 20,
        rewardType: "percent_off",
        rewardValue: 7,
        maxDiscountMinor: 2000,
        costMinor: 300,
        dailyCap: 200,
      },
      {
        position: 4,
        label: "3% off",
        weight: 10,
        rewardType: "percent_off",
        rewardValue: 3,
        maxDiscountMinor: 1000,
        costMinor: 100,
      },
    ],
  },
  {
    campaign: {
      slug: "shake-the-tree",
      name: "Shake the tree for a reward on your next order",
      gameType: "shake_tree",
      placement: "checkout_returning",
      status: "live",
      audience: { ">=": [{ var: "customer.paidOrders" }, 1] },
      allowance: { default: 1, byTier: { gold: 2, platinum: 3 } },
      rewardScope: "next_order",
      rewardValidDays: 14,
    },
    prizes: [
      {
        position: 0,
        label: "15% off your next order",
        weight: 15,
        rewardType: "percent_off",
        rewardValue: 15,
        maxDiscountMinor: 3000,
        costMinor: 500,
        inventory: 200,
      },
      {
        position: 1,
        label: "$5 off your next order",
        weight: 35,
        rewardType: "amount_off",
        rewardValue: 500,
        costMinor: 500,
        budgetValueMinor: 500_000,
      },
      {
        position: 2,
        label: "A free butter croissant",
        weight: 30,
        rewardType: "free_product",
        rewardValue: 0,
        productRef: "butter-croissant",
        costMinor: 120,
      },
      {
        position: 3,
        label: "10% off your next order",
        weight: 20,
        rewardType: "percent_off",
        rewardValue: 10,
        maxDiscountMinor: 2000,
        costMinor: 300,
      },
    ],
  },
  {
    campaign: {
      slug: "saturday-spin",
      name: "Saturday spin: more spins for Gold and Platinum",
      gameType: "spin_wheel",
      placement: "checkout_returning",
      status: "live",
      audience: { ">=": [{ var: "customer.paidOrders" }, 1] },
      windows: [{ weekday: 6, start: "09:00", end: "15:00" }],
      allowance: { default: 1, byTier: { gold: 3, platinum: 5 } },
      rewardScope: "next_order",
      rewardValidDays: 7,
      // It can lose and comes with a purchase: anyone may also enter free (official rules).
      freeEntry: true,
    },
    prizes: [
      {
        position: 0,
        label: "20% off your next order",
        weight: 5,
        rewardType: "percent_off",
        rewardValue: 20,
        maxDiscountMinor: 4000,
        costMinor: 800,
        inventory: 100,
      },
      {
        position: 1,
        label: "$3 off your next order",
        weight: 45,
        rewardType: "amount_off",
        rewardValue: 300,
        costMinor: 300,
      },
      {
        position: 2,
        label: "A free almond financier",
        weight: 30,
        rewardType: "free_product",
        rewardValue: 0,
        productRef: "almond-financier",
        costMinor: 100,
      },
      { position: 3, label: "No prize this time", weight: 20, rewardType: "none", rewardValue: 0 },
    ],
  },
  {
    campaign: {
      slug: "sunday-scratch-card",
      name: "Sunday scratch card: reveal a reward for your next order",
      gameType: "scratch_card",
      placement: "checkout_returning",
      status: "live",
      audience: { ">=": [{ var: "customer.paidOrders" }, 1] },
      windows: [{ weekday: 7, start: "10:00", end: "18:00" }],
      allowance: { default: 1 },
      rewardScope: "next_order",
      rewardValidDays: 7,
      // It can lose and comes with a purchase: anyone may also enter free (official rules).
      freeEntry: true,
    },
    prizes: [
      {
        position: 0,
        label: "$4 off your next order",
        weight: 40,
        rewardType: "amount_off",
        rewardValue: 400,
        costMinor: 400,
        budgetValueMinor: 200_000,
      },
      {
        position: 1,
        label: "A free pain au chocolat",
        weight: 30,
        rewardType: "free_product",
        rewardValue: 0,
        productRef: "pain-au-chocolat",
        costMinor: 130,
      },
      {
        position: 2,
        label: "12% off your next order",
        weight: 10,
        rewardType: "percent_off",
        rewardValue: 12,
        maxDiscountMinor: 2500,
        costMinor: 400,
        inventory: 150,
      },
      { position: 3, label: "No prize this time", weight: 20, rewardType: "none", rewardValue: 0 },
    ],
  },
];

// The demo offers its games to everyone, so a first visit always shows one; a store sets a
// holdout (10% by default for new campaigns) in the admin to measure lift.
export async function seedCampaigns(db: Db): Promise<void> {
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(campaigns);
  if (n === 0) {
    await db.transaction(async (tx) => {
      for (const { campaign, prizes: table } of demo) {
        const [row] = await tx
          .insert(campaigns)
          .values({ holdoutPercent: 0, ...campaign })
          .returning({ id: campaigns.id });
        await tx.insert(prizes).values(table.map((p) => ({ ...p, campaignId: row.id })));
      }
    });
  }
  await seedAdvent(db);
  await seedCatalog(db);
}

// The benchmark's live campaign: the kind of prize table a store would set up (five prizes:
// limited inventories, a value budget, a daily cap, a consolation).
import { campaigns, prizes } from "playcart/schema";
import type { Db } from "@/db/client";

/** A live checkout campaign with the kind of prize table a store would set up. */
export async function createCampaign(db: Db): Promise<string> {
  const [campaign] = await db
    .insert(campaigns)
    .values({
      slug: "bench-first-order-wheel",
      name: "Spin to win up to 10% off your first order",
      gameType: "spin_wheel",
      placement: "checkout_first_order",
      status: "live",
      holdoutPercent: 0,
      audience: { "==": [{ var: "customer.firstPurchase" }, true] },
      // Enough plays that no shopper runs out during the run.
      allowance: { default: 1_000 },
      rewardScope: "this_order",
      rewardValidDays: 1,
    })
    .returning({ id: campaigns.id });
  await db.insert(prizes).values([
    {
      campaignId: campaign.id,
      position: 0,
      label: "10% off",
      weight: 10,
      rewardType: "percent_off",
      rewardValue: 10,
      maxDiscountMinor: 2_000,
      costMinor: 500,
      inventory: 400,
    },
    {
      campaignId: campaign.id,
      position: 1,
      label: "$5 off",
      weight: 15,
      rewardType: "amount_off",
      rewardValue: 500,
      costMinor: 500,
      budgetValueMinor: 150_000,
    },
    {
      campaignId: campaign.id,
      position: 2,
      label: "Free pastry",
      weight: 10,
      rewardType: "free_product",
      rewardValue: 0,
      productRef: "butter-croissant",
      costMinor: 150,
      dailyCap: 300,
    },
    {
      campaignId: campaign.id,
      position: 3,
      label: "50 bonus stars",
      weight: 20,
      rewardType: "bonus_points",
      rewardValue: 50,
    },
    { campaignId: campaign.id, position: 4, label: "Try again", weight: 45, rewardType: "none" },
  ]);
  return campaign.id;
}

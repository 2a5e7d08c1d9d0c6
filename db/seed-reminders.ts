// The demo's reminder sequence (1 h, 24 h, 72 h after abandonment; 10% off only in the last)
// and its comeback game: a scratch card whose prize comes off the order the shopper came back for.
import { eq } from "drizzle-orm";
import type { Db } from "./client";
import { campaigns, prizes, reminderSequences } from "./schema";

export const COMEBACK_CAMPAIGN_SLUG = "comeback-scratch-card";

export async function seedReminders(db: Db): Promise<void> {
  const [existing] = await db.select({ id: reminderSequences.id }).from(reminderSequences).limit(1);
  if (existing) return;
  await db.transaction(async (tx) => {
    let [game] = await tx
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(eq(campaigns.slug, COMEBACK_CAMPAIGN_SLUG));
    if (!game) {
      [game] = await tx
        .insert(campaigns)
        .values({
          slug: COMEBACK_CAMPAIGN_SLUG,
          name: "Scratch to reveal your comeback reward",
          // Everyone gets the game: holdouts are for campaigns that measure lift.
          holdoutPercent: 0,
          gameType: "scratch_card",
          placement: "comeback",
          status: "live",
          audience: true,
          allowance: { default: 1 },
          lifetimeLimit: 1,
          rewardScope: "this_order",
          rewardValidDays: 7,
        })
        .returning({ id: campaigns.id });
      await tx.insert(prizes).values([
        {
          campaignId: game.id,
          position: 0,
          label: "10% off this order",
          weight: 30,
          rewardType: "percent_off",
          rewardValue: 10,
          maxDiscountMinor: 2000,
          costMinor: 300,
        },
        {
          campaignId: game.id,
          position: 1,
          label: "$2 off this order",
          weight: 50,
          rewardType: "amount_off",
          rewardValue: 200,
          costMinor: 200,
        },
        {
          campaignId: game.id,
          position: 2,
          label: "A free butter croissant",
          weight: 20,
          rewardType: "free_product",
          rewardValue: 0,
          productRef: "butter-croissant",
          costMinor: 100,
        },
      ]);
    }
    await tx.insert(reminderSequences).values({
      slug: "cart-reminders",
      name: "Cart reminders: 1 h, 24 h, 72 h",
      status: "live",
      abandonAfterMinutes: 60,
      steps: [{ afterMinutes: 60 }, { afterMinutes: 24 * 60 }, { afterMinutes: 72 * 60, discountPercent: 10 }],
      comebackCampaignId: game.id,
    });
  });
}

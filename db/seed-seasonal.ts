// The advent calendar (1-12 December every year, store time) and the points catalog. Seeded
// by slug, so a demo database created before they existed gets them too. The calendar is a
// season, not dates: the store works out each December in its own time zone when it runs.
import type { Db } from "./client";
import { campaigns, catalogItems, prizes } from "./schema";

export const ADVENT_SLUG = "advent-calendar";

export async function seedAdvent(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(campaigns)
      .values({
        slug: ADVENT_SLUG,
        name: "The 12 days of Corner Roastery",
        // Everyone gets the game: holdouts are for campaigns that measure lift.
        holdoutPercent: 0,
        gameType: "advent_calendar",
        placement: "seasonal_page",
        status: "live",
        audience: true,
        // Doors 1-12 are the store days from 1 December to 12 December, every year.
        season: { month: 12, day: 1, days: 12 },
        allowance: { default: 1 },
        lifetimeLimit: 12,
        rewardScope: "next_order",
        rewardValidDays: 14,
      })
      .onConflictDoNothing({ target: campaigns.slug })
      .returning({ id: campaigns.id });
    if (!row) return;
    await tx.insert(prizes).values([
      {
        campaignId: row.id,
        position: 0,
        label: "A free butter croissant",
        weight: 30,
        rewardType: "free_product",
        productRef: "butter-croissant",
        costMinor: 120,
      },
      {
        campaignId: row.id,
        position: 1,
        label: "Free shipping on your next order",
        weight: 25,
        rewardType: "free_shipping",
        costMinor: 300,
      },
      {
        campaignId: row.id,
        position: 2,
        label: "25 bonus stars",
        weight: 20,
        rewardType: "bonus_points",
        rewardValue: 25,
        costMinor: 100,
      },
      {
        campaignId: row.id,
        position: 3,
        label: "$3 off your next order",
        weight: 15,
        rewardType: "amount_off",
        rewardValue: 300,
        costMinor: 300,
        budgetValueMinor: 300_000,
      },
      { campaignId: row.id, position: 4, label: "No prize this time", weight: 10, rewardType: "none" },
    ]);
  });
}

export async function seedCatalog(db: Db): Promise<void> {
  await db
    .insert(catalogItems)
    .values([
      {
        slug: "free-croissant",
        position: 0,
        name: "A butter croissant on us",
        description: "Add a croissant to your next order: it comes off the total.",
        pointsCost: 20,
        rewardType: "free_product",
        productRef: "butter-croissant",
      },
      {
        slug: "free-shipping",
        position: 1,
        name: "Free shipping",
        description: "No delivery fee on your next order.",
        pointsCost: 15,
        rewardType: "free_shipping",
      },
      {
        slug: "five-off",
        position: 2,
        name: "$5 off your next order",
        description: "Five dollars off anything in the shop.",
        pointsCost: 60,
        rewardType: "amount_off",
        rewardValue: 500,
      },
    ])
    .onConflictDoNothing({ target: catalogItems.slug });
}

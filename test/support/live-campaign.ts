// A live spin-wheel campaign and its prize table, inserted straight into the database (no
// editor, no audit): the pg suites' starting point. Each prize defaults to weight 1, "none".
import { randomUUID } from "node:crypto";
import { type Campaign, campaigns, type Prize, prizes } from "playcart/schema";
import type { Db } from "@/db/client";

export async function insertLiveCampaign(
  db: Db,
  overrides: Partial<typeof campaigns.$inferInsert>,
  table: Partial<typeof prizes.$inferInsert>[],
): Promise<{ campaign: Campaign; prizes: Prize[] }> {
  const id = randomUUID();
  const [campaign] = await db
    .insert(campaigns)
    .values({
      slug: `c-${id}`,
      name: `Campaign ${id.slice(0, 8)}`,
      gameType: "spin_wheel",
      placement: "checkout_first_order",
      status: "live",
      rewardScope: "this_order",
      holdoutPercent: 0,
      ...overrides,
    })
    .returning();
  const rows = table.length
    ? await db
        .insert(prizes)
        .values(
          table.map((p, i) => ({
            campaignId: campaign.id,
            position: i,
            label: `Prize ${i}`,
            weight: 1,
            rewardType: "none" as const,
            ...p,
          })),
        )
        .returning()
    : [];
  return { campaign, prizes: rows.sort((a, b) => a.position - b.position) };
}

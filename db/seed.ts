// Demo data: categories, products, the earn rate and two demo accounts. Idempotent.
import { sql } from "drizzle-orm";
import { DEFAULT_SETTINGS, saveSettings } from "playcart";
import type { Db } from "./client";
import { categories, products, users } from "./schema";
import { seedCampaigns } from "./seed-campaigns";
import { DEMO_ADMIN_EMAIL, DEMO_SHOPPER_EMAIL, demoCategories, demoProducts } from "./seed-data";
import { seedReminders } from "./seed-reminders";
import { seedRules } from "./seed-rules";

export async function seedIfEmpty(db: Db): Promise<boolean> {
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(categories);
  if (n > 0) {
    // Campaigns arrived after the catalog: an older demo database gets them too.
    await seedCampaigns(db);
    await seedRules(db);
    await seedReminders(db);
    return false;
  }
  await seed(db);
  return true;
}

export async function seed(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(categories)
      .values([...demoCategories])
      .onConflictDoNothing();
    await tx
      .insert(products)
      .values(
        demoProducts.map((p) => ({
          slug: p.slug,
          name: p.name,
          description: p.description,
          categorySlug: p.category,
          priceMinor: p.price,
          image: `/products/${p.slug}.svg`,
        })),
      )
      .onConflictDoNothing();
    await tx
      .insert(users)
      .values([
        { email: DEMO_ADMIN_EMAIL, name: "Demo Owner", role: "admin" },
        { email: DEMO_SHOPPER_EMAIL, name: "Demo Shopper", role: "shopper" },
      ])
      .onConflictDoNothing();
    // The demo's sponsor for its games' official rules (an owner sets theirs in the admin).
    const storeTerms = {
      ...DEFAULT_SETTINGS.storeTerms,
      sponsorName: "Corner Roastery Ltd",
      sponsorAddress: "12 Harbour Street, Portland, ME 04101, USA",
      territories: "the United States",
    };
    await saveSettings(tx, { ...DEFAULT_SETTINGS, storeTerms }, { onlyIfMissing: true });
  });
  await seedCampaigns(db);
  await seedRules(db);
  await seedReminders(db);
}

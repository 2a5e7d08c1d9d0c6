// Starting a campaign from a template: the template's draft, under the first free slug
// (first-order-wheel, first-order-wheel-2, ...), created as a draft like any other campaign.
import { like } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import { campaigns } from "../core/schema.ts";
import { getSettings } from "../core/settings.ts";
import { type CampaignTemplateKey, campaignTemplate } from "../games/index.ts";
import { CampaignInputError, type StoreClock, saveCampaign } from "./campaign-admin.ts";

/** The first of slug, slug-2, slug-3... that no campaign uses. */
export async function freeSlug(db: EngageDb, slug: string): Promise<string> {
  const taken = new Set(
    (
      await db
        .select({ slug: campaigns.slug })
        .from(campaigns)
        .where(like(campaigns.slug, `${slug}%`))
    ).map((r) => r.slug),
  );
  let n = 1;
  while (taken.has(n === 1 ? slug : `${slug}-${n}`)) n++;
  return n === 1 ? slug : `${slug}-${n}`;
}

/** Creates a draft from the template; returns its id. */
export async function createCampaignFromTemplate(
  db: EngageDb,
  actor: string,
  key: CampaignTemplateKey,
  clock: StoreClock,
): Promise<string> {
  const { tiers } = await getSettings(db);
  const { draft } = campaignTemplate(key, tiers);
  // Two owners starting the same template at once: the loser takes the next free slug.
  for (let attempt = 0; ; attempt++) {
    try {
      return await saveCampaign(db, actor, null, { ...draft, slug: await freeSlug(db, draft.slug) }, clock);
    } catch (err) {
      if (!(err instanceof CampaignInputError && err.fieldErrors.slug) || attempt >= 3) throw err;
    }
  }
}

// The free entry page's data: which game, whether it is open now, its rules link and the
// route <FreeEntryForm> posts to.
import { freeEntryCampaign, openWindow } from "../games/index.ts";
import { rulesHref } from "./offers.ts";
import type { Runtime } from "./runtime.ts";

export type FreeEntryPage = {
  slug: string;
  name: string;
  /** Open for a free play right now (live, within its dates and hours). */
  openNow: boolean;
  rulesHref: string;
  endpoint: string;
  wording: "win" | "gift";
};

export async function freeEntryPage(rt: Runtime, slug: string): Promise<FreeEntryPage | null> {
  if (!/^[a-z0-9-]{1,100}$/.test(slug)) return null;
  const { cfg } = rt;
  const campaign = await freeEntryCampaign(await cfg.db(), slug);
  if (!campaign) return null;
  return {
    slug,
    name: campaign.name,
    openNow: openWindow(campaign, await cfg.now(), cfg.timeZone) !== null,
    rulesHref: rulesHref(rt, slug),
    endpoint: `${cfg.basePath}/free-entry`,
    wording: (await rt.storeTerms()).wording,
  };
}

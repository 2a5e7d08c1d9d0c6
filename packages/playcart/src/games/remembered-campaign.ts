// The campaigns this process played last, with their prize tables: a play can draw from the
// one it remembers and have its one statement check that the campaign and its prizes are
// still what it drew from (their version, below) before anything is written. A stale one
// makes that statement refuse, and the play reads the campaign afresh.
import { type SQL, sql } from "drizzle-orm";
import type { Campaign, Prize } from "../core/schema.ts";

/**
 * A campaign's version: the MD5 of its row and of its prizes' rows, less the prizes' win
 * counters, which every limited win moves, and the campaign row's `xmin` (the transaction that
 * wrote it: a campaign seeded again is another version). A draw from remembered counters can
 * pick a prize that is gone since: the claim re-checks every limit under its lock, and the
 * play draws again without it. It could also leave out a prize it remembers used up that is
 * not (a database restored from a backup holds fewer wins): so the claim checks that those
 * are still used up too (play-claim.ts, `fresh`), and the odds are always the table's.
 */
export const campaignVersionSql = (campaignId: SQL): SQL => sql`md5(
  (SELECT c.xmin::text || row_to_json(c)::text FROM playcart_campaigns c WHERE c.id = ${campaignId})
  || coalesce((SELECT json_agg(to_jsonb(p) - 'wins' - 'value_awarded_minor' ORDER BY p.position, p.id)::text
    FROM playcart_prizes p WHERE p.campaign_id = ${campaignId}), ''))`;

export type RememberedCampaign = {
  version: string;
  campaign: Campaign;
  prizes: Prize[];
  /** The store day the daily win counts are of: another day's do not apply. */
  today: string;
  dailyWins: Map<string, number>;
};

// A store has a handful of live campaigns; the bound only keeps a long-lived process small.
const MAX_REMEMBERED = 256;
const remembered = new Map<string, RememberedCampaign>();

export function rememberCampaign(entry: RememberedCampaign): void {
  remembered.delete(entry.campaign.id);
  remembered.set(entry.campaign.id, entry);
  if (remembered.size > MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
}

/** The campaign as last read on this store day, if this process has read it. */
export function rememberedCampaign(campaignId: string, today: string): RememberedCampaign | null {
  const entry = remembered.get(campaignId);
  return entry && entry.today === today ? entry : null;
}

/**
 * A limited prize this process just claimed, drawn from `drawnFrom`: the remembered counters
 * take the win, so the next play does not draw a prize this one used up. Only the entry the
 * play drew from takes it (one read before the claim, so without this win): a newer read may
 * hold the win already, and counting it twice could hide a prize that is still there.
 */
export function rememberWin(drawnFrom: RememberedCampaign, prize: Prize): void {
  if (remembered.get(drawnFrom.campaign.id) !== drawnFrom) return;
  const prizes = drawnFrom.prizes.map((p) =>
    p.id === prize.id ? { ...p, wins: p.wins + 1, valueAwardedMinor: p.valueAwardedMinor + p.costMinor } : p,
  );
  const dailyWins =
    prize.dailyCap === null
      ? drawnFrom.dailyWins
      : new Map(drawnFrom.dailyWins).set(prize.id, (drawnFrom.dailyWins.get(prize.id) ?? 0) + 1);
  remembered.set(drawnFrom.campaign.id, { ...drawnFrom, prizes, dailyWins });
}

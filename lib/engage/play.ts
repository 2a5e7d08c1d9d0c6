// A play: one allowance consumed, one server-side draw under the prize table's limits, one
// reward issued, all in one transaction and recorded before the browser animates anything.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { EngageDb } from "./db";
import { executePrepared, isUniqueViolation } from "./db";
import { allowanceFor, campaignPrizes, isEligible, liveCampaigns, openWindow, playContext, type CartSummary } from "./campaigns";
import { ensureCustomer } from "./customers";
import { cryptoRng, type Rng } from "./draw";
import { countUnlimitedWin, drawAndRecord, isUnlimited } from "./play-claim";
import { identityKeys, type Shopper } from "./identity";
import { customerProfile, profileFromRow, profileQuery, type ProfileRow } from "./profile";
import { rowFromJson } from "./json-rows";
import { campaigns, playAllowances, prizes, type Campaign, type Placement, type Prize } from "./schema";
import { storeDay } from "./store-time";

export type PlayErrorCode = "not_found" | "closed" | "not_eligible" | "unidentified" | "no_plays_left" | "replayed";

export class PlayError extends Error {
  constructor(
    public readonly code: PlayErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "PlayError";
  }
}

export type PlayShopper = Shopper & { sessionRef?: string | null; signedIn?: boolean };
export type PlayInput = {
  campaignId: string;
  requestId: string;
  shopper: PlayShopper;
  cart: CartSummary & { cartRef?: string | null };
  now: Date;
  timeZone: string;
  rng?: Rng;
};

export type PlayResult = {
  playId: string;
  won: boolean;
  prizeId: string | null;
  segment: number;
  label: string;
  reward: { id: string; label: string; scope: string; expiresAt: Date } | null;
  playsLeft: number;
};

const LIFETIME = "lifetime";

export type Offer = {
  campaignId: string;
  slug: string;
  name: string;
  gameType: Campaign["gameType"];
  rewardScope: Campaign["rewardScope"];
  segments: string[];
  playsLeft: number;
};

/** The game this shopper is offered at a placement right now, if any. */
export async function findOffer(
  db: EngageDb,
  input: { placement: Placement; shopper: PlayShopper; cart: CartSummary; now: Date; timeZone: string },
): Promise<Offer | null> {
  const keys = identityKeys(input.shopper);
  if (keys.length === 0) return null;
  const profile = await customerProfile(db, { email: input.shopper.email, userRef: input.shopper.userRef, now: input.now });
  const context = playContext(profile, Boolean(input.shopper.signedIn), input.cart, input.now, input.timeZone);
  for (const campaign of await liveCampaigns(db, input.placement)) {
    const windowKey = openWindow(campaign, input.now, input.timeZone);
    if (!windowKey || !isEligible(campaign, context)) continue;
    const playsLeft = await remainingPlays(db, campaign, keys, windowKey, profile.tier);
    if (playsLeft <= 0) continue;
    const table = await campaignPrizes(db, campaign.id);
    return {
      campaignId: campaign.id,
      slug: campaign.slug,
      name: campaign.name,
      gameType: campaign.gameType,
      rewardScope: campaign.rewardScope,
      segments: table.map((p) => p.label),
      playsLeft,
    };
  }
  return null;
}

export async function remainingPlays(db: EngageDb, campaign: Campaign, keys: string[], windowKey: string, tier: string): Promise<number> {
  const rows = await db
    .select({ windowKey: playAllowances.windowKey, used: playAllowances.used })
    .from(playAllowances)
    .where(and(eq(playAllowances.campaignId, campaign.id), inArray(playAllowances.identityKey, keys), inArray(playAllowances.windowKey, [windowKey, LIFETIME])));
  const used = (w: string) => Math.max(0, ...rows.filter((r) => r.windowKey === w).map((r) => r.used));
  let left = allowanceFor(campaign, tier) - used(windowKey);
  if (campaign.lifetimeLimit !== null) left = Math.min(left, campaign.lifetimeLimit - used(LIFETIME));
  return Math.max(0, left);
}

export async function play(db: EngageDb, input: PlayInput): Promise<PlayResult> {
  try {
    const { result, prize } = await db.transaction((tx) => playInTransaction(tx, input));
    if (prize && isUnlimited(prize)) await countUnlimitedWin(db, prize);
    return result;
  } catch (err) {
    // Two deliveries of one request racing: the loser hits the unique request id.
    if (isUniqueViolation(err, "request_id")) throw new PlayError("replayed", "This play was already made.");
    throw err;
  }
}

// A play is five round trips for a known shopper: BEGIN; (1) campaign, prizes with today's
// wins, replay check and the shopper's profile in one read; (2) every allowance row consumed
// in one INSERT .. ON CONFLICT; (3) the prize claimed and the play, reward and event recorded
// in one statement; COMMIT. A new customer adds one upsert, a prize lost to a race one retry,
// and a prize without limits one autocommitted counter update after the commit.
// Each runs as a prepared statement on postgres.js.
async function playInTransaction(tx: EngageDb, input: PlayInput): Promise<{ result: PlayResult; prize: Prize | null }> {
  const keys = identityKeys(input.shopper);
  const today = storeDay(input.now, input.timeZone);
  const loaded = await loadPlay(tx, input, today);
  const campaign = loaded.campaign;
  if (!campaign) throw new PlayError("not_found", "This game does not exist.");
  const windowKey = openWindow(campaign, input.now, input.timeZone);
  if (!windowKey) throw new PlayError("closed", "This game is not open right now.");
  if (keys.length === 0) throw new PlayError("unidentified", "We could not tell who is playing.");
  if (loaded.replayed) throw new PlayError("replayed", "This play was already made.");

  const { profile, customer: known } = loaded;
  const context = playContext(profile, Boolean(input.shopper.signedIn), input.cart, input.now, input.timeZone);
  if (!isEligible(campaign, context)) throw new PlayError("not_eligible", "This game is not offered to you.");

  const granted = allowanceFor(campaign, profile.tier);
  const used = await consumeAll(tx, campaign, keys, windowKey, granted);
  let playsLeft = granted - used.window;
  if (campaign.lifetimeLimit !== null) playsLeft = Math.min(playsLeft, campaign.lifetimeLimit - used.lifetime);
  playsLeft = Math.max(0, playsLeft);

  const needsUpsert = input.shopper.email && (!known || (input.shopper.userRef && !known.userRef));
  const customerId = needsUpsert ? (await ensureCustomer(tx, { email: input.shopper.email!, userRef: input.shopper.userRef })).id : input.shopper.email ? (known?.id ?? null) : null;

  // The prize is claimed in the same statement that records the play: its row stays locked
  // until commit, and every play that draws the same prize waits on it, so only COMMIT follows.
  const table = loaded.prizes;
  const expiresAt = new Date(input.now.getTime() + campaign.rewardValidDays * 86_400_000);
  const base = { input, campaign, keys, windowKey, customerId, expiresAt, today };
  const { prize, recorded } = await drawAndRecord(tx, base, table, loaded.dailyWins, input.rng ?? cryptoRng);
  const won = Boolean(prize && prize.rewardType !== "none");
  const reward = prize && won && recorded.rewardId ? { id: recorded.rewardId, label: prize.label, scope: campaign.rewardScope, expiresAt } : null;
  const segment = prize ? table.findIndex((p) => p.id === prize.id) : -1;
  return { result: { playId: recorded.playId, won, prizeId: prize?.id ?? null, segment, label: prize?.label ?? "No prize this time", reward, playsLeft }, prize };
}

type LoadedRow = ProfileRow & { campaign: Record<string, unknown> | null; prizes: Record<string, unknown>[] | null; daily: Record<string, number> | null; replayed: boolean };

async function loadPlay(tx: EngageDb, input: PlayInput, today: string) {
  const [row] = await executePrepared<LoadedRow>(
    tx,
    sql`
      WITH profile AS (${profileQuery({ email: input.shopper.email, userRef: input.shopper.userRef, now: input.now })})
      SELECT profile.*,
        (SELECT row_to_json(c) FROM playcart_campaigns c WHERE c.id = ${input.campaignId}::uuid) AS campaign,
        (SELECT json_agg(p ORDER BY p.position, p.id) FROM playcart_prizes p WHERE p.campaign_id = ${input.campaignId}::uuid) AS prizes,
        (SELECT json_object_agg(d.prize_id, d.wins) FROM playcart_prize_daily_wins d JOIN playcart_prizes p ON p.id = d.prize_id
          WHERE p.campaign_id = ${input.campaignId}::uuid AND d.store_day = ${today}) AS daily,
        EXISTS (SELECT 1 FROM playcart_plays WHERE request_id = ${input.requestId}) AS replayed
      FROM profile`,
  );
  const { profile, customer } = profileFromRow(row);
  return {
    campaign: row.campaign ? rowFromJson(campaigns, row.campaign) : null,
    prizes: (row.prizes ?? []).map((p) => rowFromJson(prizes, p)),
    dailyWins: new Map(Object.entries(row.daily ?? {}).map(([id, wins]) => [id, Number(wins)])),
    replayed: Boolean(row.replayed),
    profile,
    customer,
  };
}

/**
 * Uses one play of every identity's allowance (and lifetime cap) in one statement, or
 * refuses: a row at its limit is not updated, so fewer rows come back. Rows are written in
 * sorted key order, so concurrent plays take the row locks in the same order (no deadlocks).
 * Returns the most plays any identity has now used, per window and over the lifetime.
 */
async function consumeAll(tx: EngageDb, campaign: Campaign, keys: string[], windowKey: string, granted: number) {
  if (granted <= 0) throw new PlayError("no_plays_left", "You have no plays left.");
  const rows: Array<[string, string, number]> = [];
  for (const key of keys) {
    rows.push([key, windowKey, granted]);
    if (campaign.lifetimeLimit !== null) {
      if (campaign.lifetimeLimit <= 0) throw new PlayError("no_plays_left", "You have no plays left.");
      rows.push([key, LIFETIME, campaign.lifetimeLimit]);
    }
  }
  const values = sql.join(
    rows.map(([key, window, limit]) => sql`(${campaign.id}::uuid, ${key}, ${window}, ${limit}::int, 1)`),
    sql`, `,
  );
  const updated = await executePrepared<{ window_key: string; used: number }>(
    tx,
    sql`
      INSERT INTO playcart_play_allowances AS a (campaign_id, identity_key, window_key, granted, used)
      VALUES ${values}
      ON CONFLICT (campaign_id, identity_key, window_key) DO UPDATE
        SET used = a.used + 1, granted = greatest(a.granted, excluded.granted)
        WHERE a.used < greatest(a.granted, excluded.granted)
      RETURNING window_key, used`,
  );
  if (updated.length !== rows.length) throw new PlayError("no_plays_left", "You have no plays left.");
  const most = (w: string) => Math.max(0, ...updated.filter((r) => r.window_key === w).map((r) => Number(r.used)));
  return { window: most(windowKey), lifetime: most(LIFETIME) };
}

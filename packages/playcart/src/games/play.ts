// A play: one allowance consumed, one server-side draw under the prize table's limits, one
// reward issued, all in one transaction and recorded before the browser animates anything.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import { executePrepared, isUniqueViolation, pgError } from "../core/db.ts";
import { identityKeys, personKey, type Shopper } from "../core/identity.ts";
import { rowFromJson } from "../core/json-rows.ts";
import { type Campaign, campaigns, type Placement, type Prize, playAllowances, prizes } from "../core/schema.ts";
import { storeDay } from "../core/store-time.ts";
import { customerProfile, type ProfileRow, profileFromRow, profileQuery } from "../loyalty/index.ts";
import {
  allowanceFor,
  type CartSummary,
  campaignPrizes,
  isEligible,
  lifetimeKey,
  liveCampaigns,
  openWindow,
  playContext,
} from "./campaigns.ts";
import { cryptoRng, type Rng } from "./draw.ts";
import { holdoutIdentity, isHeldOut } from "./holdout.ts";
import { type OfferPlacement, PLAYABLE_AT } from "./offer-token.ts";
import { countUnlimitedWin, drawAndRecord, isUnlimited, PrizeLost } from "./play-claim.ts";
import { BONUS_WINDOW, consumeBonusPlay } from "./play-grants.ts";

export type PlayErrorCode =
  | "not_found"
  | "not_offered"
  | "closed"
  | "not_eligible"
  | "unidentified"
  | "no_plays_left"
  | "replayed";

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
  /** Where the game was offered (from a checked offer token): the campaign must be one that placement shows. */
  offeredAt?: OfferPlacement;
};

export type PlayResult = {
  playId: string;
  won: boolean;
  prizeId: string | null;
  segment: number;
  label: string;
  reward: {
    id: string;
    label: string;
    scope: string;
    expiresAt: Date;
    /** What the reward is, as a checkout prices it (rewardEffect): its saving is worked out without a query. */
    terms: Pick<Prize, "rewardType" | "rewardValue" | "productRef" | "maxDiscountMinor"> & {
      categoryRef: string | null;
    };
  } | null;
  playsLeft: number;
};

export type Offer = {
  campaignId: string;
  slug: string;
  name: string;
  gameType: Campaign["gameType"];
  rewardScope: Campaign["rewardScope"];
  segments: string[];
  playsLeft: number;
  /** Proof the server offered this game to this shopper here (playcart/next adds it); a play sends it back. */
  token?: string;
};

export type OfferInput = { placement: Placement; shopper: PlayShopper; cart: CartSummary; now: Date; timeZone: string };

/**
 * What a placement shows this shopper right now: the game offered, or the campaign that would
 * have offered one but holds this shopper out (no game; the host records `game.held_out`).
 */
export async function findPlacement(
  db: EngageDb,
  input: OfferInput,
): Promise<{ offer: Offer | null; heldOut: { campaignId: string } | null }> {
  const keys = identityKeys(input.shopper);
  if (keys.length === 0) return { offer: null, heldOut: null };
  const profile = await customerProfile(db, {
    email: input.shopper.email,
    userRef: input.shopper.userRef,
    now: input.now,
  });
  const context = playContext(profile, Boolean(input.shopper.signedIn), input.cart, input.now, input.timeZone);
  for (const campaign of await liveCampaigns(db, input.placement)) {
    const windowKey = openWindow(campaign, input.now, input.timeZone);
    if (!windowKey || !isEligible(campaign, context)) continue;
    const playsLeft = await remainingPlays(db, campaign, keys, windowKey, profile.tier, profile.tierPlayMultiplier);
    if (playsLeft <= 0) continue;
    // The first campaign that would offer decides: a held-out shopper sees no game here at
    // all (falling through to another campaign would blur the comparison).
    if (isHeldOut(campaign, holdoutIdentity(input.shopper)))
      return { offer: null, heldOut: { campaignId: campaign.id } };
    const table = await campaignPrizes(db, campaign.id);
    return {
      offer: {
        campaignId: campaign.id,
        slug: campaign.slug,
        name: campaign.name,
        gameType: campaign.gameType,
        rewardScope: campaign.rewardScope,
        segments: table.map((p) => p.label),
        playsLeft,
      },
      heldOut: null,
    };
  }
  return { offer: null, heldOut: null };
}

/** The game this shopper is offered at a placement right now, if any. */
export async function findOffer(db: EngageDb, input: OfferInput): Promise<Offer | null> {
  return (await findPlacement(db, input)).offer;
}

export async function remainingPlays(
  db: EngageDb,
  campaign: Campaign,
  keys: string[],
  windowKey: string,
  tier: string,
  playMultiplier = 1,
): Promise<number> {
  const lifetime = lifetimeKey(campaign, windowKey);
  const rows = await db
    .select({ windowKey: playAllowances.windowKey, used: playAllowances.used, granted: playAllowances.granted })
    .from(playAllowances)
    .where(
      and(
        eq(playAllowances.campaignId, campaign.id),
        inArray(playAllowances.identityKey, keys),
        inArray(playAllowances.windowKey, [windowKey, lifetime, BONUS_WINDOW]),
      ),
    );
  const used = (w: string) => Math.max(0, ...rows.filter((r) => r.windowKey === w).map((r) => r.used));
  // Bonus plays granted by rules: usable in any open window once the regular ones are gone.
  const bonus = rows.filter((r) => r.windowKey === BONUS_WINDOW).reduce((s, r) => s + r.granted - r.used, 0);
  let left = Math.max(0, allowanceFor(campaign, tier, [{ name: tier, playMultiplier }]) - used(windowKey)) + bonus;
  if (campaign.lifetimeLimit !== null) left = Math.min(left, campaign.lifetimeLimit - used(lifetime));
  return Math.max(0, left);
}

// A deadlock or serialisation failure is Postgres aborting this play for another's sake: it
// runs again, a few times, after a short random pause (so the two do not collide again).
const RETRYABLE = new Set(["40P01", "40001"]);
const MAX_ATTEMPTS = 4;
const pause = (attempt: number) => new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));

export async function play(db: EngageDb, input: PlayInput): Promise<PlayResult> {
  // Prizes another play took the last unit of while this one drew them: each restarts the
  // play without it, so a transaction never waits for a second prize while holding a first.
  const lost = new Set<string>();
  for (let attempt = 1; ; ) {
    try {
      const { result, prize } = await db.transaction((tx) => playInTransaction(tx, input, lost));
      if (prize && isUnlimited(prize)) await countUnlimitedWin(db, prize);
      return result;
    } catch (err) {
      // Bounded by the prize table: every restart draws from one prize fewer.
      if (err instanceof PrizeLost && !lost.has(err.prizeId)) {
        lost.add(err.prizeId);
        continue;
      }
      // Two deliveries of one request racing: the loser hits the unique request id.
      if (isUniqueViolation(err, "request_id")) throw new PlayError("replayed", "This play was already made.");
      const code = pgError(err)?.code;
      if (code && RETRYABLE.has(code) && attempt < MAX_ATTEMPTS) {
        await pause(attempt++);
        continue;
      }
      throw err;
    }
  }
}

// A play is five round trips for a known shopper: BEGIN; (1) campaign, prizes with today's
// wins, replay check and the shopper's profile in one read; (2) every allowance row consumed
// in one INSERT .. ON CONFLICT; (3) the prize claimed and the play, reward and event recorded
// in one statement; COMMIT. A new customer adds one upsert, a prize lost to a race a restart
// of the whole play, and a prize without limits one autocommitted counter update after the commit.
// Each runs as a prepared statement on postgres.js.
async function playInTransaction(
  tx: EngageDb,
  input: PlayInput,
  lost: ReadonlySet<string>,
): Promise<{ result: PlayResult; prize: Prize | null }> {
  const keys = identityKeys(input.shopper);
  const today = storeDay(input.now, input.timeZone);
  const loaded = await loadPlay(tx, input, today);
  const campaign = loaded.campaign;
  if (!campaign) throw new PlayError("not_found", "This game does not exist.");
  if (input.offeredAt && !PLAYABLE_AT[input.offeredAt].includes(campaign.placement))
    throw new PlayError("not_offered", "This game was not offered to you here.");
  const windowKey = openWindow(campaign, input.now, input.timeZone);
  if (!windowKey) throw new PlayError("closed", "This game is not open right now.");
  if (keys.length === 0) throw new PlayError("unidentified", "We could not tell who is playing.");
  if (loaded.replayed) throw new PlayError("replayed", "This play was already made.");

  const { profile, customer: known } = loaded;
  const context = playContext(profile, Boolean(input.shopper.signedIn), input.cart, input.now, input.timeZone);
  if (!isEligible(campaign, context) || isHeldOut(campaign, holdoutIdentity(input.shopper)))
    throw new PlayError("not_eligible", "This game is not offered to you.");

  const granted = allowanceFor(campaign, profile.tier, [
    { name: profile.tier, playMultiplier: profile.tierPlayMultiplier },
  ]);
  const playsLeft = await consumePlay(tx, campaign, keys, windowKey, granted, loaded.bonusLeft);

  // A new customer (or an account to link) is upserted by the statement that records the play
  // (play-claim.ts): ensureCustomer's upsert, without a round trip of its own. Any refusal
  // before it rolls the transaction back, so a refused play still creates no customer.
  const needsUpsert = Boolean(input.shopper.email && (!known || (input.shopper.userRef && !known.userRef)));
  const customerId = input.shopper.email ? (known?.id ?? null) : null;
  const upsertCustomer = needsUpsert
    ? { email: personKey(input.shopper.email!), userRef: input.shopper.userRef ?? null }
    : null;

  // The prize is claimed in the same statement that records the play: its row stays locked
  // until commit, and every play that draws the same prize waits on it, so only COMMIT follows.
  // A claim lost to another play throws PrizeLost: the play restarts in a new transaction.
  const table = loaded.prizes;
  const expiresAt = new Date(input.now.getTime() + campaign.rewardValidDays * 86_400_000);
  const base = { input, campaign, keys, windowKey, customerId, upsertCustomer, expiresAt, today };
  const { prize, recorded } = await drawAndRecord(tx, base, table, loaded.dailyWins, lost, input.rng ?? cryptoRng);
  const won = Boolean(prize && prize.rewardType !== "none");
  const reward =
    prize && won && recorded.rewardId
      ? {
          id: recorded.rewardId,
          label: recorded.label,
          scope: campaign.rewardScope,
          expiresAt,
          terms: {
            rewardType: prize.rewardType,
            rewardValue: prize.rewardValue,
            productRef: prize.productRef,
            maxDiscountMinor: prize.maxDiscountMinor,
            categoryRef: recorded.categoryRef,
          },
        }
      : null;
  const segment = prize ? table.findIndex((p) => p.id === prize.id) : -1;
  return {
    result: {
      playId: recorded.playId,
      won,
      prizeId: prize?.id ?? null,
      segment,
      label: prize?.label ?? "No prize this time",
      reward,
      playsLeft,
    },
    prize,
  };
}

type LoadedRow = ProfileRow & {
  campaign: Record<string, unknown> | null;
  prizes: Record<string, unknown>[] | null;
  daily: Record<string, number> | null;
  replayed: boolean;
  bonus_left: number | null;
};

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
        EXISTS (SELECT 1 FROM playcart_plays WHERE request_id = ${input.requestId}) AS replayed,
        (SELECT coalesce(sum(b.granted - b.used), 0)::int FROM playcart_play_allowances b
          WHERE b.campaign_id = ${input.campaignId}::uuid AND b.window_key = ${BONUS_WINDOW}
            AND b.identity_key IN (SELECT jsonb_array_elements_text(${JSON.stringify(identityKeys(input.shopper))}::jsonb))) AS bonus_left
      FROM profile`,
  );
  const { profile, customer } = profileFromRow(row, input.now);
  return {
    bonusLeft: Number(row.bonus_left ?? 0),
    campaign: row.campaign ? rowFromJson(campaigns, row.campaign) : null,
    prizes: (row.prizes ?? []).map((p) => rowFromJson(prizes, p)),
    dailyWins: new Map(Object.entries(row.daily ?? {}).map(([id, wins]) => [id, Number(wins)])),
    replayed: Boolean(row.replayed),
    profile,
    customer,
  };
}

/**
 * Uses one play: one of the window's plays for every identity (and its lifetime cap) in one
 * statement; when some identity has used up the window's, a bonus play a rule granted
 * instead (after handing back what the statement took). Returns the plays left after it.
 */
async function consumePlay(
  tx: EngageDb,
  campaign: Campaign,
  keys: string[],
  windowKey: string,
  granted: number,
  bonusLeft: number,
): Promise<number> {
  const lifetime = campaign.lifetimeLimit;
  const lifetimeWindow = lifetimeKey(campaign, windowKey);
  const lifetimeRows = lifetime === null ? [] : keys.map((k): AllowanceRow => [k, lifetimeWindow, lifetime]);
  if (lifetime !== null && lifetime <= 0) throw new PlayError("no_plays_left", "You have no plays left.");
  if (granted > 0) {
    const wanted = [...keys.map((k): AllowanceRow => [k, windowKey, granted]), ...lifetimeRows];
    const taken = await consumeRows(tx, campaign.id, wanted);
    if (taken.length === wanted.length) {
      const most = (w: string) => Math.max(0, ...taken.filter((r) => r.window_key === w).map((r) => Number(r.used)));
      let left = Math.max(0, granted - most(windowKey)) + bonusLeft;
      if (lifetime !== null) left = Math.min(left, lifetime - most(lifetimeWindow));
      return Math.max(0, left);
    }
    await giveBack(tx, campaign.id, taken);
  }
  // Rare: the window's plays are gone; a bonus play, within the lifetime cap, or none.
  if (bonusLeft <= 0 || !(await consumeBonusPlay(tx, campaign.id, keys)))
    throw new PlayError("no_plays_left", "You have no plays left.");
  const takenLifetime = await consumeRows(tx, campaign.id, lifetimeRows);
  if (takenLifetime.length !== lifetimeRows.length) throw new PlayError("no_plays_left", "You have no plays left.");
  return Math.max(0, bonusLeft - 1);
}

type AllowanceRow = [identityKey: string, windowKey: string, limit: number];

/**
 * One INSERT .. ON CONFLICT over the allowance rows: a row at its limit is not updated, so
 * fewer rows come back. Rows are written in the given (sorted key) order, so concurrent plays
 * take the row locks in the same order (no deadlocks).
 */
async function consumeRows(tx: EngageDb, campaignId: string, rows: AllowanceRow[]) {
  if (rows.length === 0) return [];
  const values = sql.join(
    rows.map(([key, window, limit]) => sql`(${campaignId}::uuid, ${key}, ${window}, ${limit}::int, 1)`),
    sql`, `,
  );
  return executePrepared<{ identity_key: string; window_key: string; used: number }>(
    tx,
    sql`
      INSERT INTO playcart_play_allowances AS a (campaign_id, identity_key, window_key, granted, used)
      VALUES ${values}
      ON CONFLICT (campaign_id, identity_key, window_key) DO UPDATE
        SET used = a.used + 1, granted = greatest(a.granted, excluded.granted)
        WHERE a.used < greatest(a.granted, excluded.granted)
      RETURNING identity_key, window_key, used`,
  );
}

async function giveBack(tx: EngageDb, campaignId: string, taken: Array<{ identity_key: string; window_key: string }>) {
  for (const row of taken) {
    await tx
      .update(playAllowances)
      .set({ used: sql`${playAllowances.used} - 1` })
      .where(
        and(
          eq(playAllowances.campaignId, campaignId),
          eq(playAllowances.identityKey, row.identity_key),
          eq(playAllowances.windowKey, row.window_key),
        ),
      );
  }
}

// A play: one allowance consumed, one server-side draw under the prize table's limits, one
// reward issued, all in one transaction and recorded before the browser animates anything.
import { randomUUID } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import { executePrepared, isUniqueViolation, pgError } from "../core/db.ts";
import { identityKeys, personKey, type Shopper } from "../core/identity.ts";
import { rowFromJson } from "../core/json-rows.ts";
import { type Campaign, campaigns, type Placement, type Prize, prizes } from "../core/schema.ts";
import { ShapedStatement } from "../core/shaped-statement.ts";
import { storeDay } from "../core/store-time.ts";
import {
  type CustomerProfile,
  customerProfile,
  type ProfileMatch,
  type ProfileRow,
  profileFromRow,
  profileMatch,
  profileSql,
  profileValues,
} from "../loyalty/index.ts";
import { budgetSpent, hasBudget } from "./budget.ts";
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
import type { Rng } from "./draw.ts";
import type { DrawReceipt } from "./draw-receipt.ts";
import { currentCommitment, periodSeed } from "./draw-seeds.ts";
import { fairRng } from "./fair-draw.ts";
import { holdoutIdentity, isHeldOut } from "./holdout.ts";
import { type OfferPlacement, PLAYABLE_AT } from "./offer-token.ts";
import {
  type AllowanceRow,
  AllowanceSpent,
  drawAndRecord,
  NothingLeftToWin,
  PrizeLost,
  type Recorded,
} from "./play-claim.ts";
import { BONUS_WINDOW, consumeBonusPlay } from "./play-grants.ts";

export type PlayErrorCode =
  | "not_found"
  | "not_offered"
  | "closed"
  | "not_eligible"
  | "unidentified"
  | "no_plays_left"
  | "replayed"
  | "sold_out";

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
  /** Tests only: draw with this Rng instead of the committed seed (the play then has no receipt). */
  rng?: Rng;
  /** Where the game was offered (from a checked offer token): the campaign must be one that placement shows. */
  offeredAt?: OfferPlacement;
  /** A free entry (free-entry.ts): no purchase, and never held out (everyone may enter free). */
  freeEntry?: boolean;
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
  /** A live rule listens to game.played: the play's event waits for the engine (run a sweep). */
  eventPending: boolean;
  /** What the shopper needs to verify the draw once its period's seed is revealed (null for a test's own Rng). */
  receipt: DrawReceipt | null;
};

export type Offer = {
  campaignId: string;
  slug: string;
  name: string;
  gameType: Campaign["gameType"];
  rewardScope: Campaign["rewardScope"];
  segments: string[];
  playsLeft: number;
  /** The published hash of the seed today's plays draw from (see draw-seeds.ts); revealsAt is ISO. */
  commitment?: { period: string; commitment: string; revealsAt: string };
  /** What the significant conditions beside the game are written from (games/official-rules.ts keyConditions). */
  terms: OfferTerms;
  /** Proof the server offered this game to this shopper here (playcart/next adds it); a play sends it back. */
  token?: string;
};

export type OfferTerms = Pick<Campaign, "rewardValidDays" | "freeEntry" | "everyPlayWins" | "lifetimeLimit"> & {
  endsAt: string | null;
};

/** The offer's terms from its campaign row (no query). */
export const offerTerms = (c: Campaign): OfferTerms => ({
  rewardValidDays: c.rewardValidDays,
  freeEntry: c.freeEntry,
  everyPlayWins: c.everyPlayWins,
  lifetimeLimit: c.lifetimeLimit,
  endsAt: c.endsAt?.toISOString() ?? null,
});

export type OfferInput = {
  placement: Placement;
  shopper: PlayShopper;
  cart: CartSummary;
  now: Date;
  timeZone: string;
  /** The shopper's profile when the caller has read it already (a checkout looks at two placements). */
  profile?: CustomerProfile;
};

export type PlacementFound = {
  offer: Offer | null;
  heldOut: { campaignId: string } | null;
  /**
   * The campaign this shopper has played out in its open window: it keeps the placement (no
   * game now) rather than handing it to the next campaign, so plays never stack across
   * campaigns past the owner's limits and a page never switches games under a shopper.
   */
  playedOut: { campaignId: string } | null;
};

/**
 * What a placement shows this shopper right now: the game offered, the campaign that would
 * have offered one but holds this shopper out (no game; the host records `game.held_out`), or
 * the campaign whose plays this shopper has used up in its open window (no game either).
 */
export async function findPlacement(db: EngageDb, input: OfferInput): Promise<PlacementFound> {
  const none = { offer: null, heldOut: null, playedOut: null };
  const keys = identityKeys(input.shopper);
  if (keys.length === 0) return none;
  const profile =
    input.profile ??
    (await customerProfile(db, {
      email: input.shopper.email,
      userRef: input.shopper.userRef,
      now: input.now,
    }));
  const context = playContext(profile, Boolean(input.shopper.signedIn), input.cart, input.now, input.timeZone);
  for (const campaign of await liveCampaigns(db, input.placement)) {
    const windowKey = openWindow(campaign, input.now, input.timeZone);
    if (!windowKey || !isEligible(campaign, context)) continue;
    // A campaign whose budget cannot pay for another win is not offered (today, or until it is
    // raised): a game that can only lose is not a game. Only a campaign with a budget reads here.
    const budgeted = hasBudget(campaign) ? await campaignPrizes(db, campaign.id) : null;
    if (budgeted && budgetSpent(campaign, budgeted, storeDay(input.now, input.timeZone))) continue;
    const plays = await playsInWindow(db, campaign, keys, windowKey, profile.tier, profile.tierPlayMultiplier);
    if (plays.left <= 0) {
      if (plays.played) return { ...none, playedOut: { campaignId: campaign.id } };
      continue;
    }
    const playsLeft = plays.left;
    // The first campaign that would offer decides: a held-out shopper sees no game here at
    // all (falling through to another campaign would blur the comparison).
    if (isHeldOut(campaign, holdoutIdentity(input.shopper))) return { ...none, heldOut: { campaignId: campaign.id } };
    const [table, commitment] = await Promise.all([
      budgeted ?? campaignPrizes(db, campaign.id),
      // Published before any play: the offer carries the seed's hash (cached in process).
      currentCommitment(db, campaign.id, input.now, input.timeZone),
    ]);
    // Every play wins: with every prize gone, the game is not offered rather than lose.
    if (campaign.everyPlayWins && !table.some(mayStillWin)) continue;
    return {
      offer: {
        campaignId: campaign.id,
        slug: campaign.slug,
        name: campaign.name,
        gameType: campaign.gameType,
        rewardScope: campaign.rewardScope,
        segments: table.map((p) => p.label),
        playsLeft,
        commitment: { ...commitment, revealsAt: commitment.revealsAt.toISOString() },
        terms: offerTerms(campaign),
      },
      heldOut: null,
      playedOut: null,
    };
  }
  return none;
}

/** A prize that is drawn and not yet out of stock or over its value budget (daily caps aside). */
const mayStillWin = (p: Prize) =>
  p.weight > 0 &&
  p.rewardType !== "none" &&
  (p.inventory === null || p.wins < p.inventory) &&
  (p.budgetValueMinor === null || p.valueAwardedMinor + p.costMinor <= p.budgetValueMinor);

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
  return (await playsInWindow(db, campaign, keys, windowKey, tier, playMultiplier)).left;
}

/**
 * A shopper's allowance rows of a campaign in these windows (exported for its plan test). One
 * branch per identity key, each bounded by the leading columns of the primary key (campaign,
 * identity): with the keys as a list, Postgres could plan them as a filter over the campaign's
 * every allowance, a read that grows with every play.
 */
export function allowanceRowsQuery(campaignId: string, keys: string[], windows: string[]): SQL {
  const inWindows = sql.join(
    windows.map((w) => sql`${w}`),
    sql`, `,
  );
  return sql.join(
    keys.map(
      (key) => sql`(SELECT window_key, used, granted FROM playcart_play_allowances
        WHERE campaign_id = ${campaignId}::uuid AND identity_key = ${key} AND window_key IN (${inWindows}))`,
    ),
    sql` UNION ALL `,
  );
}

/** The plays this shopper has left in the window, and whether they have played it in this window at all. */
async function playsInWindow(
  db: EngageDb,
  campaign: Campaign,
  keys: string[],
  windowKey: string,
  tier: string,
  playMultiplier: number,
): Promise<{ left: number; played: boolean }> {
  const lifetime = lifetimeKey(campaign, windowKey);
  const rows = keys.length
    ? await executePrepared<{ window_key: string; used: number; granted: number }>(
        db,
        allowanceRowsQuery(campaign.id, keys, [windowKey, lifetime, BONUS_WINDOW]),
      )
    : [];
  const used = (w: string) => Math.max(0, ...rows.filter((r) => r.window_key === w).map((r) => Number(r.used)));
  // Bonus plays granted by rules: usable in any open window once the regular ones are gone.
  const bonus = rows
    .filter((r) => r.window_key === BONUS_WINDOW)
    .reduce((s, r) => s + Number(r.granted) - Number(r.used), 0);
  let left = Math.max(0, allowanceFor(campaign, tier, [{ name: tier, playMultiplier }]) - used(windowKey)) + bonus;
  if (campaign.lifetimeLimit !== null) left = Math.min(left, campaign.lifetimeLimit - used(lifetime));
  return { left: Math.max(0, left), played: used(windowKey) > 0 };
}

// A deadlock or serialisation failure is Postgres aborting this play for another's sake: it
// runs again, a few times, after a short random pause (so the two do not collide again).
const RETRYABLE = new Set(["40P01", "40001"]);
const MAX_ATTEMPTS = 4;
const pause = (attempt: number) => new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));

export async function play(db: EngageDb, input: PlayInput): Promise<PlayResult> {
  // Prizes another play took the last unit of while this one drew them: each restarts the
  // play without it, so a play never waits for a second prize while holding a first.
  const lost = new Set<string>();
  // Known before the draw, which is derived from it; kept across restarts, whose draws are numbered.
  const playId = randomUUID();
  let draws = 0;
  for (let attempt = 1; ; ) {
    try {
      return await playOnce(db, input, lost, playId, ++draws);
    } catch (err) {
      // Bounded by the prize table: every restart draws from one prize fewer.
      if (err instanceof PrizeLost && !lost.has(err.prizeId)) {
        lost.add(err.prizeId);
        continue;
      }
      // Two deliveries of one request racing: the loser hits the unique request id.
      if (isUniqueViolation(err, "request_id")) throw new PlayError("replayed", "This play was already made.");
      // An "every play wins" game with nothing left to give refuses the play rather than lose it.
      if (err instanceof NothingLeftToWin)
        throw new PlayError("sold_out", "Every prize of this game has been given. Thanks for playing!");
      const code = pgError(err)?.code;
      if (code && RETRYABLE.has(code) && attempt < MAX_ATTEMPTS) {
        await pause(attempt++);
        continue;
      }
      throw err;
    }
  }
}

// A play is two round trips, neither inside an explicit transaction: (1) one read of the
// campaign, its prizes with today's wins, the replay check and the shopper's profile; then,
// after the checks and the draw here, (2) one statement that consumes the allowance, claims
// the prize and records the play, reward and event (play-claim.ts), atomic on its own. Both
// run as prepared statements on postgres.js. The statement re-checks every limit under its
// row locks, so what (1) read can be stale without letting anything pass a limit. A category-
// scoped prize adds a read; a play paid for with a bonus play (rare) runs in a transaction.
async function playOnce(
  db: EngageDb,
  input: PlayInput,
  lost: ReadonlySet<string>,
  playId: string,
  draw: number,
): Promise<PlayResult> {
  const keys = identityKeys(input.shopper);
  const today = storeDay(input.now, input.timeZone);
  const loaded = await loadPlay(db, input, today);
  const campaign = loaded.campaign;
  if (!campaign) throw new PlayError("not_found", "This game does not exist.");
  // A shopper who was shown the game before its budget ran out hears so plainly.
  if (campaign.status === "paused" && budgetSpent(campaign, loaded.prizes, today) === "total")
    throw new PlayError("sold_out", "Every prize of this game has been won. Thanks for playing!");
  if (input.offeredAt && !PLAYABLE_AT[input.offeredAt].includes(campaign.placement))
    throw new PlayError("not_offered", "This game was not offered to you here.");
  const windowKey = openWindow(campaign, input.now, input.timeZone);
  if (!windowKey) throw new PlayError("closed", "This game is not open right now.");
  if (keys.length === 0) throw new PlayError("unidentified", "We could not tell who is playing.");
  if (loaded.replayed) throw new PlayError("replayed", "This play was already made.");

  const { profile, customer: known } = loaded;
  const context = playContext(profile, Boolean(input.shopper.signedIn), input.cart, input.now, input.timeZone);
  if (!isEligible(campaign, context) || (!input.freeEntry && isHeldOut(campaign, holdoutIdentity(input.shopper))))
    throw new PlayError("not_eligible", "This game is not offered to you.");

  const granted = allowanceFor(campaign, profile.tier, [
    { name: profile.tier, playMultiplier: profile.tierPlayMultiplier },
  ]);
  const lifetime = campaign.lifetimeLimit;
  if (lifetime !== null && lifetime <= 0) throw new PlayError("no_plays_left", "You have no plays left.");
  const lifetimeWindow = lifetimeKey(campaign, windowKey);
  const lifetimeRows = lifetime === null ? [] : keys.map((k): AllowanceRow => [k, lifetimeWindow, lifetime]);

  // A new customer (or an account to link) is upserted by the statement that records the play
  // (play-claim.ts): ensureCustomer's upsert, without a round trip of its own. A refused play
  // writes nothing, so it still creates no customer.
  const needsUpsert = Boolean(input.shopper.email && (!known || (input.shopper.userRef && !known.userRef)));
  const customerId = input.shopper.email ? (known?.id ?? null) : null;
  const upsertCustomer = needsUpsert
    ? { email: personKey(input.shopper.email!), userRef: input.shopper.userRef ?? null }
    : null;
  const expiresAt = new Date(input.now.getTime() + campaign.rewardValidDays * 86_400_000);
  // The period's seed: cached in process after the first play or offer of the store day, so
  // a play reads none from the database (seeds never change).
  const seed = input.rng ? null : await periodSeed(db, campaign.id, today, input.timeZone);
  const fair = seed && { period: seed.period, attempt: draw };
  const base = { input, campaign, keys, windowKey, customerId, upsertCustomer, expiresAt, today, playId, fair };
  const rng = input.rng ?? fairRng(seed!.seed, playId, draw);
  const drawRecorded = async (tx: EngageDb, allowance: AllowanceRow[]) => {
    const drawn = await drawAndRecord(tx, { ...base, allowance }, loaded.prizes, loaded.dailyWins, lost, rng);
    const receipt: DrawReceipt | null = seed && {
      v: 1,
      campaignId: campaign.id,
      campaign: campaign.name,
      slug: campaign.slug,
      period: seed.period,
      commitment: seed.commitment,
      revealsAt: seed.revealsAt.toISOString(),
      playId,
      attempt: draw,
      among: drawn.among,
      outcome: drawn.prize?.id ?? null,
      label: drawn.recorded.label,
    };
    return { ...drawn, receipt };
  };

  if (granted > 0) {
    // Rows are listed in sorted key order, so concurrent plays lock them in the same order.
    const allowance = [...keys.map((k): AllowanceRow => [k, windowKey, granted]), ...lifetimeRows];
    try {
      const drawn = await drawRecorded(db, allowance);
      const most = (w: string) =>
        Math.max(0, ...drawn.recorded.consumed.filter((r) => r.window_key === w).map((r) => Number(r.used)));
      let left = Math.max(0, granted - most(windowKey)) + loaded.bonusLeft;
      if (lifetime !== null) left = Math.min(left, lifetime - most(lifetimeWindow));
      return playResult(campaign, loaded.prizes, drawn, expiresAt, Math.max(0, left));
    } catch (err) {
      if (!(err instanceof AllowanceSpent)) throw err;
      if (loaded.bonusLeft <= 0) throw new PlayError("no_plays_left", "You have no plays left.");
    }
  }
  // Rare: the window's plays are gone; a bonus play a rule granted, within the lifetime cap, or none.
  return db.transaction(async (tx) => {
    if (!(await consumeBonusPlay(tx, campaign.id, keys)))
      throw new PlayError("no_plays_left", "You have no plays left.");
    try {
      const drawn = await drawRecorded(tx, lifetimeRows);
      return playResult(campaign, loaded.prizes, drawn, expiresAt, Math.max(0, loaded.bonusLeft - 1));
    } catch (err) {
      if (err instanceof AllowanceSpent) throw new PlayError("no_plays_left", "You have no plays left.");
      throw err;
    }
  });
}

function playResult(
  campaign: Campaign,
  table: Prize[],
  { prize, recorded, receipt }: { prize: Prize | null; recorded: Recorded; receipt: DrawReceipt | null },
  expiresAt: Date,
  playsLeft: number,
): PlayResult {
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
  return {
    playId: recorded.playId,
    won,
    prizeId: prize?.id ?? null,
    segment: prize ? table.findIndex((p) => p.id === prize.id) : -1,
    label: prize?.label ?? "No prize this time",
    reward,
    playsLeft,
    eventPending: recorded.eventPending,
    receipt,
  };
}

type LoadedRow = ProfileRow & {
  campaign: Record<string, unknown> | null;
  prizes: Record<string, unknown>[] | null;
  daily: Record<string, number> | null;
  replayed: boolean;
  bonus_left: number | null;
};

// One lookup per key, each naming the whole primary key (campaign, identity, window). With
// the keys as a list (`identity_key IN (...)`), Postgres could plan the key as a filter over
// an index scan of the campaign's every allowance (it did, on a new store whose allowances
// had no statistics yet): a play got slower with every play before it.
const loadPlayStatement = new ShapedStatement<{ keys: number; match: ProfileMatch }>(
  (s) => `${s.keys}|${s.match}`,
  ({ keys, match }) => {
    const campaignId = sql`${sql.placeholder("campaignId")}::uuid`;
    const bonusOf = (i: number) =>
      sql`coalesce((SELECT b.granted - b.used FROM playcart_play_allowances b
      WHERE b.campaign_id = ${campaignId} AND b.identity_key = ${sql.placeholder(`key${i}`)} AND b.window_key = ${sql.placeholder("bonusWindow")}), 0)`;
    const bonusLeft = keys
      ? sql.join(
          Array.from({ length: keys }, (_, i) => bonusOf(i)),
          sql` + `,
        )
      : sql`0`;
    return sql`
      WITH profile AS (${profileSql(match)})
      SELECT profile.*,
        (SELECT row_to_json(c) FROM playcart_campaigns c WHERE c.id = ${campaignId}) AS campaign,
        (SELECT json_agg(p ORDER BY p.position, p.id) FROM playcart_prizes p WHERE p.campaign_id = ${campaignId}) AS prizes,
        (SELECT json_object_agg(d.prize_id, d.wins) FROM playcart_prize_daily_wins d JOIN playcart_prizes p ON p.id = d.prize_id
          WHERE p.campaign_id = ${campaignId} AND d.store_day = ${sql.placeholder("today")}) AS daily,
        EXISTS (SELECT 1 FROM playcart_plays WHERE request_id = ${sql.placeholder("requestId")}) AS replayed,
        (${bonusLeft})::int AS bonus_left
      FROM profile`;
  },
);

/** The play's one read: campaign, prizes, today's capped wins, replay check, bonus plays and profile (exported for its plan test). */
export function loadPlayQuery(input: Pick<PlayInput, "campaignId" | "requestId" | "shopper" | "now">, today: string) {
  const keys = identityKeys(input.shopper);
  const lookup = { email: input.shopper.email, userRef: input.shopper.userRef, now: input.now };
  return loadPlayStatement.query(
    { keys: keys.length, match: profileMatch(lookup) },
    Object.assign(
      {
        campaignId: input.campaignId,
        bonusWindow: BONUS_WINDOW,
        today,
        requestId: input.requestId,
      },
      profileValues(lookup),
      Object.fromEntries(keys.map((k, i) => [`key${i}`, k])),
    ),
  );
}

async function loadPlay(tx: EngageDb, input: PlayInput, today: string) {
  const [row] = await executePrepared<LoadedRow>(tx, loadPlayQuery(input, today));
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

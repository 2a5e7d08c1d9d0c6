// A play: one allowance consumed, one server-side draw under the prize table's limits, one
// reward issued, all in one transaction and recorded before the browser animates anything.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { EngageDb } from "./db";
import { isUniqueViolation, rowsOf } from "./db";
import { allowanceFor, campaignPrizes, isEligible, liveCampaigns, openWindow, playContext, type CartSummary } from "./campaigns";
import { ensureCustomer } from "./customers";
import { recordEvent } from "./events";
import { cryptoRng, drawOne, type Rng } from "./draw";
import { holdoutIdentity, isHeldOut } from "./holdout";
import { identityKeys, type Shopper } from "./identity";
import { customerProfile } from "./profile";
import { campaigns, playAllowances, plays, prizeDailyWins, prizes, rewards, type Campaign, type Placement, type Prize } from "./schema";
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
const NO_ID = "00000000-0000-0000-0000-000000000000";

export type Offer = {
  campaignId: string;
  slug: string;
  name: string;
  gameType: Campaign["gameType"];
  rewardScope: Campaign["rewardScope"];
  segments: string[];
  playsLeft: number;
};

export type OfferInput = { placement: Placement; shopper: PlayShopper; cart: CartSummary; now: Date; timeZone: string };

/**
 * What a placement shows this shopper right now: the game offered, or the campaign that would
 * have offered one but holds this shopper out (no game; the host records `game.held_out`).
 */
export async function findPlacement(db: EngageDb, input: OfferInput): Promise<{ offer: Offer | null; heldOut: { campaignId: string } | null }> {
  const keys = identityKeys(input.shopper);
  if (keys.length === 0) return { offer: null, heldOut: null };
  const profile = await customerProfile(db, { email: input.shopper.email, userRef: input.shopper.userRef, now: input.now });
  const context = playContext(profile, Boolean(input.shopper.signedIn), input.cart, input.now, input.timeZone);
  for (const campaign of await liveCampaigns(db, input.placement)) {
    const windowKey = openWindow(campaign, input.now, input.timeZone);
    if (!windowKey || !isEligible(campaign, context)) continue;
    const playsLeft = await remainingPlays(db, campaign, keys, windowKey, profile.tier);
    if (playsLeft <= 0) continue;
    // The first campaign that would offer decides: a held-out shopper sees no game here at
    // all (falling through to another campaign would blur the comparison).
    if (isHeldOut(campaign, holdoutIdentity(input.shopper))) return { offer: null, heldOut: { campaignId: campaign.id } };
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
    return await db.transaction((tx) => playInTransaction(tx, input));
  } catch (err) {
    // Two deliveries of one request racing: the loser hits the unique request id.
    if (isUniqueViolation(err, "request_id")) throw new PlayError("replayed", "This play was already made.");
    throw err;
  }
}

async function playInTransaction(tx: EngageDb, input: PlayInput): Promise<PlayResult> {
  const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.id, input.campaignId));
  if (!campaign) throw new PlayError("not_found", "This game does not exist.");
  const windowKey = openWindow(campaign, input.now, input.timeZone);
  if (!windowKey) throw new PlayError("closed", "This game is not open right now.");
  const keys = identityKeys(input.shopper);
  if (keys.length === 0) throw new PlayError("unidentified", "We could not tell who is playing.");
  const [replay] = await tx.select({ id: plays.id }).from(plays).where(eq(plays.requestId, input.requestId));
  if (replay) throw new PlayError("replayed", "This play was already made.");

  const profile = await customerProfile(tx, { email: input.shopper.email, userRef: input.shopper.userRef, now: input.now });
  const context = playContext(profile, Boolean(input.shopper.signedIn), input.cart, input.now, input.timeZone);
  if (!isEligible(campaign, context) || isHeldOut(campaign, holdoutIdentity(input.shopper)))
    throw new PlayError("not_eligible", "This game is not offered to you.");

  const granted = allowanceFor(campaign, profile.tier);
  for (const key of keys) {
    await consume(tx, campaign.id, key, windowKey, granted);
    if (campaign.lifetimeLimit !== null) await consume(tx, campaign.id, key, LIFETIME, campaign.lifetimeLimit);
  }

  const customer = input.shopper.email ? await ensureCustomer(tx, { email: input.shopper.email, userRef: input.shopper.userRef }) : null;
  const playsLeft = await remainingPlays(tx, campaign, keys, windowKey, profile.tier);

  // The prize is claimed last: its row stays locked until commit, and every play that draws
  // the same prize waits on it, so only the play and reward inserts may follow.
  const table = await campaignPrizes(tx, campaign.id);
  const today = storeDay(input.now, input.timeZone);
  const prize = await claimPrize(tx, table, today, input.rng ?? cryptoRng);
  const won = Boolean(prize && prize.rewardType !== "none");

  const [row] = await tx
    .insert(plays)
    .values({
      campaignId: campaign.id,
      requestId: input.requestId,
      customerId: customer?.id ?? null,
      identityKeys: keys,
      sessionRef: input.shopper.sessionRef ?? null,
      windowKey,
      prizeId: prize?.id ?? null,
      won: won ? 1 : 0,
    })
    .returning({ id: plays.id });

  let reward: PlayResult["reward"] = null;
  if (prize && won) {
    const expiresAt = new Date(input.now.getTime() + campaign.rewardValidDays * 86_400_000);
    const [issued] = await tx
      .insert(rewards)
      .values({
        customerId: customer?.id ?? null,
        sessionRef: input.shopper.sessionRef ?? null,
        identityKeys: keys,
        campaignId: campaign.id,
        playId: row.id,
        label: prize.label,
        rewardType: prize.rewardType,
        rewardValue: prize.rewardValue,
        productRef: prize.productRef,
        maxDiscountMinor: prize.maxDiscountMinor,
        scope: campaign.rewardScope,
        earnedOnCartRef: campaign.rewardScope === "next_order" ? (input.cart.cartRef ?? null) : null,
        expiresAt,
      })
      .returning({ id: rewards.id });
    reward = { id: issued.id, label: prize.label, scope: campaign.rewardScope, expiresAt };
  }

  await recordEvent(tx, {
    type: "game.played",
    key: row.id,
    customerId: customer?.id ?? null,
    sessionRef: input.shopper.sessionRef ?? null,
    campaignId: campaign.id,
    valueMinor: won && prize ? prize.costMinor : 0,
    payload: { won, prizeId: prize?.id ?? null, rewardId: reward?.id ?? null, windowKey },
  });

  const segment = prize ? table.findIndex((p) => p.id === prize.id) : -1;
  return { playId: row.id, won, prizeId: prize?.id ?? null, segment, label: prize?.label ?? "No prize this time", reward, playsLeft };
}

/** Uses one play of an identity's allowance, or refuses: the row's CHECK and WHERE hold it. */
async function consume(tx: EngageDb, campaignId: string, identityKey: string, windowKey: string, granted: number) {
  if (granted <= 0) throw new PlayError("no_plays_left", "You have no plays left.");
  const rows = await tx.execute(sql`
    INSERT INTO ${playAllowances} (campaign_id, identity_key, window_key, granted, used)
    VALUES (${campaignId}, ${identityKey}, ${windowKey}, ${granted}, 1)
    ON CONFLICT (campaign_id, identity_key, window_key) DO UPDATE
      SET used = ${playAllowances}.used + 1, granted = greatest(${playAllowances}.granted, excluded.granted)
      WHERE ${playAllowances}.used < greatest(${playAllowances}.granted, excluded.granted)
    RETURNING used`);
  if (rowsOf(rows).length === 0) throw new PlayError("no_plays_left", "You have no plays left.");
}

/**
 * Draws among the prizes with stock, budget and daily cap left, and claims the winner with a
 * conditional UPDATE. If another play took the last unit first, that prize drops out and the
 * draw runs again among the rest (renormalised odds).
 */
async function claimPrize(tx: EngageDb, table: Prize[], today: string, rng: Rng): Promise<Prize | null> {
  const excluded = new Set<string>();
  const dailyWins = new Map(
    (
      await tx
        .select({ prizeId: prizeDailyWins.prizeId, wins: prizeDailyWins.wins })
        .from(prizeDailyWins)
        .where(and(inArray(prizeDailyWins.prizeId, table.length ? table.map((p) => p.id) : [NO_ID]), eq(prizeDailyWins.storeDay, today)))
    ).map((r) => [r.prizeId, r.wins]),
  );
  const hasStock = (p: Prize) =>
    (p.inventory === null || p.wins < p.inventory) &&
    (p.budgetValueMinor === null || p.valueAwardedMinor + p.costMinor <= p.budgetValueMinor) &&
    (p.dailyCap === null || (dailyWins.get(p.id) ?? 0) < p.dailyCap);
  for (;;) {
    const chosen = drawOne(table.filter((p) => !excluded.has(p.id) && hasStock(p)), rng);
    if (!chosen) return null;
    if (await claim(tx, chosen, today)) return chosen;
    excluded.add(chosen.id);
  }
}

async function claim(tx: EngageDb, prize: Prize, today: string): Promise<boolean> {
  // Without a daily cap the conditional UPDATE is the only write: no savepoint needed.
  if (prize.dailyCap === null) return (await claimStock(tx, prize)).length === 1;
  // A savepoint: a daily cap taken but inventory lost to another play must be given back.
  return tx
    .transaction(async (sp) => {
      if (prize.dailyCap !== null) {
        const day = await sp.execute(sql`
          INSERT INTO ${prizeDailyWins} (prize_id, store_day, wins) VALUES (${prize.id}, ${today}, 1)
          ON CONFLICT (prize_id, store_day) DO UPDATE SET wins = ${prizeDailyWins}.wins + 1
            WHERE ${prizeDailyWins}.wins < ${prize.dailyCap}
          RETURNING wins`);
        if (rowsOf(day).length === 0) throw new SoldOut();
      }
      if ((await claimStock(sp, prize)).length === 0) throw new SoldOut();
      return true;
    })
    .catch((err) => {
      if (err instanceof SoldOut) return false;
      throw err;
    });
}

/** One unit of the prize, if its inventory and value budget allow: a single conditional UPDATE. */
function claimStock(tx: EngageDb, prize: Prize) {
  return tx
    .update(prizes)
    .set({ wins: sql`${prizes.wins} + 1`, valueAwardedMinor: sql`${prizes.valueAwardedMinor} + ${prizes.costMinor}` })
    .where(
      and(
        eq(prizes.id, prize.id),
        sql`(${prizes.inventory} IS NULL OR ${prizes.wins} < ${prizes.inventory})`,
        sql`(${prizes.budgetValueMinor} IS NULL OR ${prizes.valueAwardedMinor} + ${prizes.costMinor} <= ${prizes.budgetValueMinor})`,
      ),
    )
    .returning({ id: prizes.id });
}

class SoldOut extends Error {}

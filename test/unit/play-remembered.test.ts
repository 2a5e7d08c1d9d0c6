// A play decided on what the process remembers (the campaign from an earlier play, the
// shopper's profile from the checkout that offered the game) is one statement that first
// checks both are still the database's. These tests change each behind the process's back
// and show the play is then judged on the database's, never on the memory.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { identityKeys } from "playcart/internal/core/identity";
import { saveSettings } from "playcart/internal/core/settings";
import type { Rng } from "playcart/internal/games/draw";
import { findOffer, PlayError, type PlayInput, type PlayShopper, play } from "playcart/internal/games/play";
import { recordOrderPaid } from "playcart/internal/ledger/order-points";
import { type Campaign, customers, events, playAllowances, plays, prizes, rewards } from "playcart/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { insertLiveCampaign } from "../support/live-campaign";
import { createMemoryDb } from "../support/pglite";

const TZ = "Europe/Berlin";
const NOW = DateTime.fromISO("2026-06-13T10:00", { zone: TZ }).toJSDate();
const CART = { valueMinor: 5_000, itemCount: 2, categories: ["coffee"] };
const FIRST_ORDER = { "==": [{ var: "customer.firstPurchase" }, true] };

let db: Db;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await createMemoryDb());
});
afterAll(async () => {
  await close?.();
});

const newShopper = (): PlayShopper => ({
  email: `shopper-${randomUUID().slice(0, 8)}@example.test`,
  deviceId: `dev-${randomUUID()}`,
  sessionRef: `sess-${randomUUID()}`,
});

const doPlay = (campaign: Campaign, shopper: PlayShopper, extra: Partial<PlayInput> = {}) =>
  play(db, { campaignId: campaign.id, requestId: randomUUID(), shopper, cart: CART, now: NOW, timeZone: TZ, ...extra });

/** A live first-order wheel with two unlimited prizes, and one play made on it so this process has read it. */
async function playedCampaign(
  weights: [number, number] = [1, 0],
  extra: Parameters<typeof insertLiveCampaign>[1] = {},
) {
  const made = await insertLiveCampaign(db, { audience: FIRST_ORDER, allowance: { default: 3 }, ...extra }, [
    { label: "10% off", weight: weights[0], rewardType: "percent_off", rewardValue: 10 },
    { label: "$5 off", weight: weights[1], rewardType: "amount_off", rewardValue: 500 },
  ]);
  const first = await doPlay(made.campaign, newShopper());
  expect(first.oneStatement).toBe(false);
  return made;
}

/** A draw that always takes the first ticket, keeping the number of tickets it was offered each time. */
function scriptedRng(): Rng & { ranges: number[] } {
  const ranges: number[] = [];
  const rng = ((max: number) => {
    ranges.push(max);
    return 0;
  }) as Rng & { ranges: number[] };
  rng.ranges = ranges;
  return rng;
}

const count = async (table: typeof plays | typeof rewards, email: string) => {
  const [customer] = await db.select().from(customers).where(eq(customers.email, email));
  if (!customer) return 0;
  const rows = await db.select().from(table).where(eq(table.customerId, customer.id));
  return rows.length;
};

describe("a play decided on what the process remembers", () => {
  it("a first-time shopper's play on a campaign played before is one statement that writes all a play writes", async () => {
    const { campaign, prizes: table } = await playedCampaign();
    const shopper = newShopper();
    const requestId = randomUUID();
    const result = await doPlay(campaign, shopper, { requestId });
    expect(result).toMatchObject({ oneStatement: true, won: true, prizeId: table[0].id, playsLeft: 2 });

    const [row] = await db.select().from(plays).where(eq(plays.requestId, requestId));
    expect(row).toMatchObject({ id: result.playId, prizeId: table[0].id, won: 1 });
    const [customer] = await db.select().from(customers).where(eq(customers.id, row.customerId!));
    expect(customer.email).toBe(shopper.email);
    const [reward] = await db.select().from(rewards).where(eq(rewards.playId, result.playId));
    expect(reward).toMatchObject({ id: result.reward!.id, customerId: customer.id, label: "10% off" });
    const [event] = await db
      .select()
      .from(events)
      .where(eq(events.eventKey, `game.played:${result.playId}`));
    expect(event.customerId).toBe(customer.id);
    const allowance = await db.select().from(playAllowances).where(eq(playAllowances.campaignId, campaign.id));
    // Two shoppers' plays, each counted against every key the shopper is known by.
    expect(allowance.filter((a) => a.used === 1)).toHaveLength(2 * identityKeys(shopper).length);
  });

  it("a shopper whose first order was paid after the checkout read their profile is refused a first-order game", async () => {
    const { campaign } = await playedCampaign();
    // The control: a first-time shopper offered the game plays it in one statement.
    const control = newShopper();
    expect(
      await findOffer(db, { placement: "checkout_first_order", shopper: control, cart: CART, now: NOW, timeZone: TZ }),
    ).not.toBeNull();
    expect((await doPlay(campaign, control)).oneStatement).toBe(true);

    const shopper = newShopper();
    // The checkout's offer reads their profile: a first-time shopper's.
    expect(
      await findOffer(db, { placement: "checkout_first_order", shopper, cart: CART, now: NOW, timeZone: TZ }),
    ).not.toBeNull();
    // Their first order is paid (in another tab, say) between the offer and the play.
    await db.transaction((tx) =>
      recordOrderPaid(tx, {
        orderRef: `order-${randomUUID()}`,
        email: shopper.email!,
        amountPaidMinor: 4_000,
        currency: "usd",
        paidAt: new Date(NOW.getTime() - 60_000),
      }),
    );
    const refused = await doPlay(campaign, shopper).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(PlayError);
    expect((refused as PlayError).code).toBe("not_eligible");
    expect(await count(plays, shopper.email!)).toBe(0);
    expect(await count(rewards, shopper.email!)).toBe(0);
  });

  it("an owner's change to the prize table is drawn from at the next play", async () => {
    const { campaign, prizes: table } = await playedCampaign([1, 0]);
    expect(await doPlay(campaign, newShopper())).toMatchObject({ oneStatement: true, prizeId: table[0].id });
    // Only the prizes change (not the campaign's row): 10% off is no longer drawn, $5 off is.
    await db.update(prizes).set({ weight: 0 }).where(eq(prizes.id, table[0].id));
    await db.update(prizes).set({ weight: 1 }).where(eq(prizes.id, table[1].id));
    expect(await doPlay(campaign, newShopper())).toMatchObject({ oneStatement: false, prizeId: table[1].id });
    expect(await doPlay(campaign, newShopper())).toMatchObject({ oneStatement: true, prizeId: table[1].id });
  });

  it("a paused campaign plays no more, though a play remembers it live", async () => {
    const { campaign } = await playedCampaign();
    await db.execute(sql`UPDATE playcart_campaigns SET status = 'paused' WHERE id = ${campaign.id}`);
    const shopper = newShopper();
    const refused = await doPlay(campaign, shopper).catch((err: unknown) => err);
    expect((refused as PlayError).code).toBe("closed");
    expect(await count(plays, shopper.email!)).toBe(0);
  });

  it("a changed setting makes every remembered profile stale; the fresh play keeps the draw's number", async () => {
    const { campaign } = await playedCampaign();
    expect((await doPlay(campaign, newShopper())).oneStatement).toBe(true);
    await saveSettings(db, { tierWindowDays: 180 });
    const fresh = await doPlay(campaign, newShopper());
    expect(fresh.oneStatement).toBe(false);
    // Nothing was taken from it: its draw is the first, as its receipt and its row say.
    expect(fresh.receipt?.attempt).toBe(1);
    const [row] = await db.select().from(plays).where(eq(plays.id, fresh.playId));
    expect(row.drawAttempt).toBe(1);
    expect((await doPlay(campaign, newShopper())).oneStatement).toBe(true);
  });

  it("a limited prize won is left out of the next draw, and one the database holds again is drawn", async () => {
    const {
      campaign,
      prizes: [mug, five],
    } = await insertLiveCampaign(db, { audience: FIRST_ORDER, allowance: { default: 3 } }, [
      { label: "Free mug", weight: 1, rewardType: "free_product", productRef: "mug", inventory: 1 },
      { label: "$5 off", weight: 1, rewardType: "amount_off", rewardValue: 500 },
      { label: "Try again", weight: 2, rewardType: "none" },
    ]);
    // The campaign's first play in this process reads it (and lands on the last ticket: try again).
    const warm = await doPlay(campaign, newShopper(), { rng: (max) => max - 1 });
    expect(warm).toMatchObject({ oneStatement: false, won: false });

    const first = scriptedRng();
    expect(await doPlay(campaign, newShopper(), { rng: first })).toMatchObject({ oneStatement: true, prizeId: mug.id });
    expect(first.ranges).toEqual([4]);
    // The process counted its own win: the next draw is over the other three tickets.
    const second = scriptedRng();
    expect(await doPlay(campaign, newShopper(), { rng: second })).toMatchObject({
      oneStatement: true,
      prizeId: five.id,
    });
    expect(second.ranges).toEqual([3]);

    // The database forgets the mug's win (restored from a backup taken before it): the draw from
    // memory leaves the mug out, its statement finds it there, and the fresh draw includes it.
    await db.update(prizes).set({ wins: 0 }).where(eq(prizes.id, mug.id));
    const third = scriptedRng();
    expect(await doPlay(campaign, newShopper(), { rng: third })).toMatchObject({
      oneStatement: false,
      prizeId: mug.id,
    });
    expect(third.ranges).toEqual([3, 4]);
  });

  it("a replayed request made in one statement is refused and recorded once", async () => {
    const { campaign } = await playedCampaign();
    const shopper = newShopper();
    const requestId = randomUUID();
    expect((await doPlay(campaign, shopper, { requestId })).oneStatement).toBe(true);
    const again = await doPlay(campaign, shopper, { requestId }).catch((err: unknown) => err);
    expect((again as PlayError).code).toBe("replayed");
    expect(await db.select().from(plays).where(eq(plays.requestId, requestId))).toHaveLength(1);
  });

  it("a shopper's second play, after their first made them a customer, reads their profile afresh and counts both", async () => {
    const { campaign } = await playedCampaign();
    const shopper = newShopper();
    expect(await doPlay(campaign, shopper)).toMatchObject({ oneStatement: true, playsLeft: 2 });
    expect(await doPlay(campaign, shopper)).toMatchObject({ oneStatement: false, playsLeft: 1 });
    expect(await doPlay(campaign, shopper)).toMatchObject({ oneStatement: true, playsLeft: 0 });
    const spent = await doPlay(campaign, shopper).catch((err: unknown) => err);
    expect((spent as PlayError).code).toBe("no_plays_left");
    expect(await count(plays, shopper.email!)).toBe(3);
  });

  it("a campaign with a budget is read at every play: each costly win rewrites it", async () => {
    const { campaign } = await playedCampaign([1, 0], { budgetTotalMinor: 100_000 });
    await db
      .update(prizes)
      .set({ costMinor: 100 })
      .where(and(eq(prizes.campaignId, campaign.id)));
    expect((await doPlay(campaign, newShopper())).oneStatement).toBe(false);
    expect((await doPlay(campaign, newShopper())).oneStatement).toBe(false);
  });
});

// Plays, draws and rewards on one in-memory PGlite: allowances by store day, tier and weekly
// window; per-person limits on email, account and device; replays; audiences; campaign
// status; prize inventory, daily caps, value budgets and consolations; the reward life cycle.
// (Concurrency is proven on a real Postgres in test/pg/play-concurrency.test.ts.)
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { identityKeys, personKey } from "playcart/internal/core/identity";
import type { Rng } from "playcart/internal/games/draw";
import {
  findOffer,
  PlayError,
  type PlayErrorCode,
  type PlayInput,
  type PlayShopper,
  play,
} from "playcart/internal/games/play";
import { withPrizeTallies } from "playcart/internal/games/prize-tallies";
import { recordOrderPaid, recordOrderRefund } from "playcart/internal/ledger/order-points";
import {
  bestReward,
  discountFor,
  getReward,
  type RewardOwner,
  redeemOrderRewards,
  releaseOrderRewards,
  reserveReward,
  usableRewards,
} from "playcart/internal/rewards/rewards";
import {
  type Campaign,
  type campaigns,
  events,
  type Prize,
  playAllowances,
  plays,
  prizeDailyWins,
  prizes,
  rewards,
} from "playcart/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { insertLiveCampaign } from "../support/live-campaign";
import { createMemoryDb } from "../support/pglite";

const TZ = "Europe/Berlin";
/** A wall-clock time in the store's zone, as the instant the engine is given. */
const berlin = (iso: string) => DateTime.fromISO(iso, { zone: TZ }).toJSDate();
// Saturday 13 June 2026, 10:00 in Berlin (summer time, UTC+2).
const SATURDAY = berlin("2026-06-13T10:00");
const CART = { valueMinor: 5_000, itemCount: 2, categories: ["coffee"] };

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await createMemoryDb());
});
afterAll(async () => {
  await close?.();
});

type NewCampaign = Partial<typeof campaigns.$inferInsert>;
type NewPrize = Partial<typeof prizes.$inferInsert>;

/** A live campaign (unless told otherwise) and its prize table, in position order. */
function makeCampaign(
  overrides: NewCampaign = {},
  table: NewPrize[] = [{ label: "10% off", weight: 1, rewardType: "percent_off", rewardValue: 10 }],
) {
  // No holdout (insertLiveCampaign's default): these tests are about plays (holdout.test.ts covers the holdout).
  return insertLiveCampaign(db, overrides, table);
}

let n = 0;
/** A shopper nobody has seen: own email, device and session. */
function newShopper(extra: PlayShopper = {}): PlayShopper {
  n += 1;
  return {
    email: `shopper${n}-${randomUUID().slice(0, 8)}@example.test`,
    deviceId: `dev-${randomUUID()}`,
    sessionRef: `sess-${randomUUID()}`,
    ...extra,
  };
}

function doPlay(campaign: Campaign, shopper: PlayShopper, extra: Partial<PlayInput> = {}) {
  return play(db, {
    campaignId: campaign.id,
    requestId: randomUUID(),
    shopper,
    cart: CART,
    now: SATURDAY,
    timeZone: TZ,
    ...extra,
  });
}

/** The code a play is refused with; fails the test if it is not refused. */
async function refusal(p: Promise<unknown>): Promise<PlayErrorCode> {
  try {
    await p;
  } catch (err) {
    if (err instanceof PlayError) return err.code;
    throw err;
  }
  throw new Error("expected the play to be refused");
}

/** Rows that a play writes, for "nothing changed" checks. */
async function footprint(campaignId: string) {
  const [p] = await db.select({ n: sql<number>`count(*)::int` }).from(plays).where(eq(plays.campaignId, campaignId));
  const [a] = await db
    .select({ rows: sql<number>`count(*)::int`, used: sql<number>`coalesce(sum(${playAllowances.used}), 0)::int` })
    .from(playAllowances)
    .where(eq(playAllowances.campaignId, campaignId));
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(rewards)
    .where(eq(rewards.campaignId, campaignId));
  // As the owner sees them: a prize without limits is tallied from its plays.
  const rows = await db.select().from(prizes).where(eq(prizes.campaignId, campaignId)).orderBy(prizes.position);
  const table = (await withPrizeTallies(db, campaignId, rows)).map((p) => ({
    id: p.id,
    wins: p.wins,
    value: p.valueAwardedMinor,
  }));
  return { plays: p.n, allowanceRows: a.rows, used: a.used, rewards: r.n, table };
}

/** An rng that returns these tickets in turn (the last one repeats) and records each range asked. */
function scriptedRng(...tickets: number[]): Rng & { ranges: number[] } {
  const ranges: number[] = [];
  const rng = ((max: number) => {
    ranges.push(max);
    const t = tickets.length > 1 ? tickets.shift()! : tickets[0];
    return t;
  }) as Rng & { ranges: number[] };
  rng.ranges = ranges;
  return rng;
}

const paidOrder = (email: string, amountPaidMinor: number) => {
  const orderRef = `order-${randomUUID()}`;
  return db.transaction(async (tx) => {
    // Paid the day before the plays below: the tier counts spend up to the play's own clock.
    await recordOrderPaid(tx, {
      orderRef,
      email,
      amountPaidMinor,
      currency: "usd",
      paidAt: berlin("2026-06-12T10:00"),
    });
    return orderRef;
  });
};

describe("allowances", () => {
  it("with no weekly windows, gives one play per store day by default and refuses the next", async () => {
    const { campaign } = await makeCampaign({ windows: [] });
    const shopper = newShopper();
    const first = await doPlay(campaign, shopper);
    expect(first.playsLeft).toBe(0);
    expect(await refusal(doPlay(campaign, shopper))).toBe("no_plays_left");
    // Still the same store day at 23:59 Berlin (21:59 UTC).
    expect(await refusal(doPlay(campaign, shopper, { now: berlin("2026-06-13T23:59") }))).toBe("no_plays_left");
    // 00:30 Berlin on Sunday is still Saturday in UTC (22:30Z), but a new store day.
    const nextDay = await doPlay(campaign, shopper, { now: berlin("2026-06-14T00:30") });
    expect(nextDay.playsLeft).toBe(0);
    expect(await refusal(doPlay(campaign, shopper, { now: berlin("2026-06-14T18:00") }))).toBe("no_plays_left");

    const windows = await db
      .select({ windowKey: playAllowances.windowKey, used: playAllowances.used, granted: playAllowances.granted })
      .from(playAllowances)
      .where(
        and(
          eq(playAllowances.campaignId, campaign.id),
          eq(playAllowances.identityKey, `email:${personKey(shopper.email!)}`),
        ),
      )
      .orderBy(playAllowances.windowKey);
    expect(windows).toEqual([
      { windowKey: "2026-06-13", used: 1, granted: 1 },
      { windowKey: "2026-06-14", used: 1, granted: 1 },
    ]);
    expect((await footprint(campaign.id)).plays).toBe(2);
  });

  it("a lifetime limit caps plays across store days", async () => {
    const { campaign } = await makeCampaign({ allowance: { default: 5 }, lifetimeLimit: 2 });
    const shopper = newShopper();
    await doPlay(campaign, shopper);
    const second = await doPlay(campaign, shopper, { now: berlin("2026-06-15T10:00") });
    expect(second.playsLeft).toBe(0);
    expect(await refusal(doPlay(campaign, shopper, { now: berlin("2026-06-16T10:00") }))).toBe("no_plays_left");
  });

  it("a tier allowance gives Gold (>= $200 net paid in the trailing year) more plays than Green", async () => {
    const { campaign } = await makeCampaign({
      placement: "checkout_returning",
      allowance: { default: 1, byTier: { gold: 3 } },
    });
    const gold = newShopper();
    await paidOrder(gold.email!, 12_000);
    await paidOrder(gold.email!, 8_000); // 200.00 in all: exactly the Gold threshold
    const green = newShopper();
    await paidOrder(green.email!, 19_999);
    // 250.00 paid, 60.00 refunded: 190.00 net, so still Green.
    const refunded = newShopper();
    const ref = await paidOrder(refunded.email!, 25_000);
    await db.transaction((tx) => recordOrderRefund(tx, ref, 6_000, berlin("2026-06-12T11:00")));

    const goldLeft = [];
    for (let i = 0; i < 3; i++) goldLeft.push((await doPlay(campaign, gold)).playsLeft);
    expect(goldLeft).toEqual([2, 1, 0]);
    expect(await refusal(doPlay(campaign, gold))).toBe("no_plays_left");

    expect((await doPlay(campaign, green)).playsLeft).toBe(0);
    expect(await refusal(doPlay(campaign, green))).toBe("no_plays_left");
    expect((await doPlay(campaign, refunded)).playsLeft).toBe(0);
    expect(await refusal(doPlay(campaign, refunded))).toBe("no_plays_left");
  });

  it("a tier allowance of 0 offers nothing and refuses the play", async () => {
    const { campaign } = await makeCampaign({ allowance: { default: 0, byTier: { gold: 2 } } });
    const shopper = newShopper();
    const offer = await findOffer(db, {
      placement: "checkout_first_order",
      shopper,
      cart: CART,
      now: SATURDAY,
      timeZone: TZ,
    });
    expect(offer?.campaignId).not.toBe(campaign.id);
    expect(await refusal(doPlay(campaign, shopper))).toBe("no_plays_left");
    expect(await footprint(campaign.id)).toMatchObject({ plays: 0, allowanceRows: 0 });
  });
});

describe("a Saturday 09:00-15:00 Europe/Berlin window", () => {
  const saturday = [{ weekday: 6, start: "09:00", end: "15:00" }];

  it("is open inside the window and closed outside it", async () => {
    const { campaign } = await makeCampaign({ windows: saturday, allowance: { default: 50 } });
    const shopper = newShopper();
    for (const t of ["2026-06-13T09:00", "2026-06-13T12:30", "2026-06-13T14:59:59"]) {
      await expect(doPlay(campaign, shopper, { now: berlin(t) })).resolves.toMatchObject({
        playId: expect.any(String),
      });
    }
    for (const t of ["2026-06-13T08:59:59", "2026-06-13T15:00", "2026-06-14T10:00", "2026-06-12T10:00"]) {
      expect(await refusal(doPlay(campaign, shopper, { now: berlin(t) })), t).toBe("closed");
    }
    // 09:00 in Berlin is 07:00 UTC in summer: 08:30 UTC is inside, 06:30 UTC is not.
    await doPlay(campaign, shopper, { now: new Date("2026-06-13T08:30:00Z") });
    expect(await refusal(doPlay(campaign, shopper, { now: new Date("2026-06-13T06:30:00Z") }))).toBe("closed");
    // Winter time (the day before the spring change): 09:00 Berlin is 08:00 UTC.
    expect(await refusal(doPlay(campaign, shopper, { now: new Date("2026-03-28T07:30:00Z") }))).toBe("closed");
    await doPlay(campaign, shopper, { now: new Date("2026-03-28T08:00:00Z") });
  });

  it("counts plays per window instance: a Gold shopper's spins come back next Saturday", async () => {
    const { campaign } = await makeCampaign({
      windows: saturday,
      placement: "checkout_returning",
      allowance: { default: 1, byTier: { gold: 2 } },
    });
    const gold = newShopper();
    await paidOrder(gold.email!, 20_000);
    const green = newShopper();
    await paidOrder(green.email!, 1_000);
    await doPlay(campaign, gold);
    await doPlay(campaign, gold);
    expect(await refusal(doPlay(campaign, gold))).toBe("no_plays_left");
    await doPlay(campaign, green);
    expect(await refusal(doPlay(campaign, green))).toBe("no_plays_left");
    const nextSaturday = berlin("2026-06-20T09:30");
    expect((await doPlay(campaign, gold, { now: nextSaturday })).playsLeft).toBe(1);
    expect((await doPlay(campaign, green, { now: nextSaturday })).playsLeft).toBe(0);
    const keys = await db
      .selectDistinct({ windowKey: playAllowances.windowKey })
      .from(playAllowances)
      .where(eq(playAllowances.campaignId, campaign.id))
      .orderBy(playAllowances.windowKey);
    expect(keys.map((k) => k.windowKey)).toEqual(["2026-06-13T09:00", "2026-06-20T09:00"]);
  });
});

describe("per-person limits", () => {
  it("normalise the email: J.Doe+x@GoogleMail.com and jdoe@gmail.com are one person", async () => {
    expect(personKey(" J.Doe+x@GoogleMail.com ")).toBe("jdoe@gmail.com");
    expect(personKey("J.Doe+x@Example.com")).toBe("j.doe@example.com");
    const { campaign } = await makeCampaign();
    await doPlay(campaign, { email: "J.Doe+x@GoogleMail.com", deviceId: `dev-${randomUUID()}` });
    const before = await footprint(campaign.id);
    expect(await refusal(doPlay(campaign, { email: "jdoe@gmail.com", deviceId: `dev-${randomUUID()}` }))).toBe(
      "no_plays_left",
    );
    expect(await refusal(doPlay(campaign, { email: "JDOE+spin@gmail.com" }))).toBe("no_plays_left");
    expect(await footprint(campaign.id)).toEqual(before);
    // Dots do count outside Gmail.
    await doPlay(campaign, { email: "j.doe@example.com" });
    await doPlay(campaign, { email: "jdoe@example.com" });
  });

  it("hold on the device: a new email on the same device is still limited, and a new device with the same email too", async () => {
    const { campaign } = await makeCampaign();
    const first = newShopper();
    await doPlay(campaign, first);
    const before = await footprint(campaign.id);
    expect(await refusal(doPlay(campaign, newShopper({ deviceId: first.deviceId })))).toBe("no_plays_left");
    expect(await refusal(doPlay(campaign, newShopper({ email: first.email })))).toBe("no_plays_left");
    expect(await refusal(doPlay(campaign, { deviceId: first.deviceId }))).toBe("no_plays_left");
    // A refused play rolls back every key it touched: no allowance row was added or moved.
    expect(await footprint(campaign.id)).toEqual(before);
  });

  it("hold on the account: a signed-in account is limited whatever email or device it plays from", async () => {
    const { campaign } = await makeCampaign();
    const userRef = `user-${randomUUID()}`;
    await doPlay(campaign, newShopper({ userRef, signedIn: true }));
    expect(await refusal(doPlay(campaign, newShopper({ userRef, signedIn: true })))).toBe("no_plays_left");
    expect(await refusal(doPlay(campaign, { userRef }))).toBe("no_plays_left");
  });

  it("refuses a shopper with no email, account or device", async () => {
    const { campaign } = await makeCampaign();
    expect(await refusal(doPlay(campaign, { sessionRef: "only-a-session" }))).toBe("unidentified");
    expect(identityKeys({ email: "A@B.c", userRef: "u1", deviceId: "d1" })).toEqual([
      "device:d1",
      "email:a@b.c",
      "user:u1",
    ]);
  });
});

describe("refusals change nothing", () => {
  it("a replayed requestId is rejected as replayed, whoever sends it", async () => {
    const { campaign } = await makeCampaign({ allowance: { default: 5 } });
    const shopper = newShopper();
    const requestId = randomUUID();
    const first = await doPlay(campaign, shopper, { requestId });
    expect(first.playsLeft).toBe(4);
    const before = await footprint(campaign.id);
    expect(before).toMatchObject({ plays: 1, allowanceRows: 2, used: 2 }); // one use on each key: email and device
    expect(await refusal(doPlay(campaign, shopper, { requestId }))).toBe("replayed");
    expect(await refusal(doPlay(campaign, newShopper(), { requestId }))).toBe("replayed");
    expect(await footprint(campaign.id)).toEqual(before);
    // The shopper's allowance is untouched by the replays.
    expect((await doPlay(campaign, shopper)).playsLeft).toBe(3);
  });

  it("an audience condition refuses a returning customer (not_eligible) and serves a first-time one", async () => {
    const { campaign } = await makeCampaign({ audience: { "==": [{ var: "customer.firstPurchase" }, true] } });
    const returning = newShopper();
    await paidOrder(returning.email!, 3_000);
    const before = await footprint(campaign.id);
    expect(await refusal(doPlay(campaign, returning))).toBe("not_eligible");
    expect(await footprint(campaign.id)).toEqual(before);
    const offer = await findOffer(db, {
      placement: "checkout_first_order",
      shopper: returning,
      cart: CART,
      now: SATURDAY,
      timeZone: TZ,
    });
    expect(offer?.campaignId).not.toBe(campaign.id);
    await doPlay(campaign, newShopper());
  });

  it("an audience over the cart and store time (cart >= 40.00 and a Saturday)", async () => {
    const { campaign } = await makeCampaign({
      audience: { and: [{ ">=": [{ var: "cart.valueMinor" }, 4_000] }, { "==": [{ var: "store.weekday" }, 6] }] },
      allowance: { default: 9 },
    });
    const shopper = newShopper();
    await doPlay(campaign, shopper);
    expect(await refusal(doPlay(campaign, shopper, { cart: { ...CART, valueMinor: 3_999 } }))).toBe("not_eligible");
    expect(await refusal(doPlay(campaign, shopper, { now: berlin("2026-06-14T10:00") }))).toBe("not_eligible");
  });

  it("a draft, paused or ended campaign is closed; outside its dates too; an unknown one is not_found", async () => {
    for (const status of ["draft", "paused", "ended"] as const) {
      const { campaign } = await makeCampaign({ status });
      expect(await refusal(doPlay(campaign, newShopper())), status).toBe("closed");
      expect(await footprint(campaign.id)).toMatchObject({ plays: 0, allowanceRows: 0 });
    }
    const { campaign: later } = await makeCampaign({
      startsAt: berlin("2026-06-13T12:00"),
      endsAt: berlin("2026-06-20T00:00"),
    });
    expect(await refusal(doPlay(later, newShopper()))).toBe("closed");
    await doPlay(later, newShopper(), { now: berlin("2026-06-13T12:00") });
    expect(await refusal(doPlay(later, newShopper(), { now: berlin("2026-06-20T00:00") }))).toBe("closed");
    expect(
      await refusal(
        play(db, {
          campaignId: randomUUID(),
          requestId: randomUUID(),
          shopper: newShopper(),
          cart: CART,
          now: SATURDAY,
          timeZone: TZ,
        }),
      ),
    ).toBe("not_found");
  });
});

describe("the prize table", () => {
  const wins = async (prizeId: string) => (await db.select().from(prizes).where(eq(prizes.id, prizeId)))[0];

  it("a sold-out prize drops out of the draw and the odds of the rest renormalise", async () => {
    const {
      campaign,
      prizes: [limited, five, nothing],
    } = await makeCampaign({ allowance: { default: 10 } }, [
      { label: "Free mug", weight: 1, rewardType: "free_product", productRef: "mug", inventory: 1 },
      { label: "$5 off", weight: 1, rewardType: "amount_off", rewardValue: 500 },
      { label: "Try again", weight: 2, rewardType: "none" },
    ]);
    const shopper = newShopper();
    const rng1 = scriptedRng(0);
    const first = await doPlay(campaign, shopper, { rng: rng1 });
    expect(rng1.ranges).toEqual([4]);
    expect(first).toMatchObject({ won: true, prizeId: limited.id, segment: 0, label: "Free mug" });
    expect((await wins(limited.id)).wins).toBe(1);

    // Ticket 0 again, but the mug is gone: the draw is over weights 1 + 2 and lands on $5 off.
    const rng2 = scriptedRng(0);
    const second = await doPlay(campaign, shopper, { rng: rng2 });
    expect(rng2.ranges).toEqual([3]);
    expect(second).toMatchObject({ won: true, prizeId: five.id, segment: 1 });
    const rng3 = scriptedRng(1);
    expect(await doPlay(campaign, shopper, { rng: rng3 })).toMatchObject({
      won: false,
      prizeId: nothing.id,
      segment: 2,
      reward: null,
    });
    expect((await wins(limited.id)).wins).toBe(1);
  });

  it("a daily cap holds per store day", async () => {
    const {
      campaign,
      prizes: [capped, nothing],
    } = await makeCampaign({ allowance: { default: 10 } }, [
      { label: "Daily treat", weight: 1, rewardType: "free_product", productRef: "pastry", dailyCap: 2 },
      { label: "Try again", weight: 1, rewardType: "none" },
    ]);
    const always0 = () => 0;
    const results = [];
    for (let i = 0; i < 3; i++) results.push((await doPlay(campaign, newShopper(), { rng: always0 })).prizeId);
    expect(results).toEqual([capped.id, capped.id, nothing.id]);
    // 00:10 on Sunday in Berlin is a new store day (still Saturday in UTC).
    expect((await doPlay(campaign, newShopper(), { rng: always0, now: berlin("2026-06-14T00:10") })).prizeId).toBe(
      capped.id,
    );
    const days = await db
      .select({ day: prizeDailyWins.storeDay, wins: prizeDailyWins.wins })
      .from(prizeDailyWins)
      .where(eq(prizeDailyWins.prizeId, capped.id))
      .orderBy(prizeDailyWins.storeDay);
    expect(days).toEqual([
      { day: "2026-06-13", wins: 2 },
      { day: "2026-06-14", wins: 1 },
    ]);
    expect((await wins(capped.id)).wins).toBe(3);
  });

  it("a budget by value (costMinor) is never exceeded", async () => {
    const {
      campaign,
      prizes: [gift, nothing],
    } = await makeCampaign({ allowance: { default: 10 } }, [
      {
        label: "Gift card",
        weight: 1,
        rewardType: "amount_off",
        rewardValue: 500,
        costMinor: 300,
        budgetValueMinor: 1_000,
      },
      { label: "Try again", weight: 1, rewardType: "none" },
    ]);
    const always0 = () => 0;
    const got = [];
    for (let i = 0; i < 5; i++) got.push((await doPlay(campaign, newShopper(), { rng: always0 })).prizeId);
    // 3 x 300 = 900; a fourth would make 1,200 > 1,000.
    expect(got).toEqual([gift.id, gift.id, gift.id, nothing.id, nothing.id]);
    expect(await wins(gift.id)).toMatchObject({ wins: 3, valueAwardedMinor: 900 });
  });

  it("with every prize sold out: the configured consolation, or no prize; never a reward", async () => {
    const {
      campaign: withNone,
      prizes: [sold, consolation],
    } = await makeCampaign({ allowance: { default: 10 } }, [
      { label: "Free mug", weight: 5, rewardType: "free_product", productRef: "mug", inventory: 1 },
      { label: "Better luck next time", weight: 1, rewardType: "none" },
    ]);
    const shopper = newShopper();
    expect(await doPlay(withNone, shopper, { rng: () => 0 })).toMatchObject({ won: true, prizeId: sold.id });
    const before = await footprint(withNone.id);
    const lowest: Rng = () => 0;
    const highest: Rng = (max) => max - 1;
    for (const rng of [lowest, highest, lowest]) {
      const r = await doPlay(withNone, shopper, { rng });
      expect(r).toMatchObject({
        won: false,
        reward: null,
        prizeId: consolation.id,
        segment: 1,
        label: "Better luck next time",
      });
    }
    const after = await footprint(withNone.id);
    expect(after).toMatchObject({ plays: before.plays + 3, rewards: before.rewards, used: before.used + 2 * 3 });
    expect(after.table.map((p) => p.wins)).toEqual([1, 3]);
    const lost = await db
      .select()
      .from(plays)
      .where(and(eq(plays.campaignId, withNone.id), eq(plays.won, 0)));
    expect(lost.map((p) => p.prizeId)).toEqual([consolation.id, consolation.id, consolation.id]);

    // No consolation configured: the play still counts, and wins nothing.
    const {
      campaign: bare,
      prizes: [only],
    } = await makeCampaign({ allowance: { default: 10 } }, [
      { label: "10% off", weight: 1, rewardType: "percent_off", rewardValue: 10, inventory: 1 },
    ]);
    expect((await doPlay(bare, newShopper())).prizeId).toBe(only.id);
    const bareBefore = await footprint(bare.id);
    const r = await doPlay(bare, newShopper());
    expect(r).toMatchObject({ won: false, reward: null, segment: -1, prizeId: null, label: "No prize this time" });
    expect(await footprint(bare.id)).toMatchObject({
      plays: bareBefore.plays + 1,
      rewards: bareBefore.rewards,
      table: bareBefore.table,
    });
  });
});

describe("rewards", () => {
  const now = SATURDAY;
  const ownerOf = (s: PlayShopper): RewardOwner => ({
    sessionRef: s.sessionRef ?? null,
    identityKeys: identityKeys(s),
  });
  const status = async (id: string) => {
    const r = (await getReward(db, id))!;
    return { status: r.status, orderRef: r.orderRef, redeemedAt: r.redeemedAt };
  };

  async function win(scope: "this_order" | "next_order", shopper = newShopper(), cartRef = `cart-${randomUUID()}`) {
    const { campaign } = await makeCampaign({ rewardScope: scope, rewardValidDays: 7 }, [
      { label: "15% off (max $20)", weight: 1, rewardType: "percent_off", rewardValue: 15, maxDiscountMinor: 2_000 },
    ]);
    const result = await doPlay(campaign, shopper, { cart: { ...CART, cartRef } });
    expect(result.won).toBe(true);
    return { shopper, cartRef, rewardId: result.reward!.id, result };
  }

  it("an issued reward is usable by the session and identity that won it, and by no one else", async () => {
    const { shopper, rewardId, result } = await win("next_order");
    expect(result.reward!.expiresAt).toEqual(new Date(now.getTime() + 7 * 86_400_000));
    const ids = async (owner: Parameters<typeof usableRewards>[1]) => (await usableRewards(db, owner)).map((r) => r.id);
    expect(await ids({ ...ownerOf(shopper), now })).toContain(rewardId);
    // Same session, nothing else known.
    expect(await ids({ sessionRef: shopper.sessionRef, identityKeys: [], now })).toContain(rewardId);
    // Signed in elsewhere with the same (normalised) email.
    expect(
      await ids({
        sessionRef: "other-session",
        identityKeys: identityKeys({ email: shopper.email!.toUpperCase() }),
        now,
      }),
    ).toContain(rewardId);
    const stranger = newShopper();
    expect(await ids({ ...ownerOf(stranger), now })).not.toContain(rewardId);
    expect(await ids({ sessionRef: null, identityKeys: [], now })).toEqual([]);
    // Expired.
    expect(await ids({ ...ownerOf(shopper), now: new Date(now.getTime() + 8 * 86_400_000) })).not.toContain(rewardId);
  });

  it("reserveReward by another owner is refused and changes nothing", async () => {
    const { shopper, rewardId } = await win("next_order");
    const before = await getReward(db, rewardId);
    const stranger = newShopper();
    expect(await reserveReward(db, { rewardId, orderRef: "order-x", owner: ownerOf(stranger), now })).toBe(false);
    expect(
      await reserveReward(db, { rewardId, orderRef: "order-x", owner: { sessionRef: null, identityKeys: [] }, now }),
    ).toBe(false);
    expect(await getReward(db, rewardId)).toEqual(before);
    // The owner, but too late.
    expect(
      await reserveReward(db, {
        rewardId,
        orderRef: "order-x",
        owner: ownerOf(shopper),
        now: new Date(now.getTime() + 8 * 86_400_000),
      }),
    ).toBe(false);
    expect(await getReward(db, rewardId)).toEqual(before);
  });

  it("reserve -> redeem happens once; a reserved reward is not usable nor reservable by another order", async () => {
    const { shopper, rewardId } = await win("this_order");
    const owner = ownerOf(shopper);
    const order = `order-${randomUUID()}`;
    expect(await reserveReward(db, { rewardId, orderRef: order, owner, now })).toBe(true);
    // Reserving again for the same order is idempotent; another order cannot take it.
    expect(await reserveReward(db, { rewardId, orderRef: order, owner, now })).toBe(true);
    expect(await reserveReward(db, { rewardId, orderRef: `order-${randomUUID()}`, owner, now })).toBe(false);
    expect((await usableRewards(db, { ...owner, now })).map((r) => r.id)).not.toContain(rewardId);
    expect(await status(rewardId)).toMatchObject({ status: "reserved", orderRef: order });

    expect(await redeemOrderRewards(db, order, now)).toBe(1);
    expect(await redeemOrderRewards(db, order, now)).toBe(0);
    expect(await releaseOrderRewards(db, order)).toBe(0); // a paid order's reward stays spent
    expect(await status(rewardId)).toEqual({ status: "redeemed", orderRef: order, redeemedAt: now });
    expect(await reserveReward(db, { rewardId, orderRef: `order-${randomUUID()}`, owner, now })).toBe(false);
    expect(await reserveReward(db, { rewardId, orderRef: order, owner, now })).toBe(false);
  });

  it("release returns a reserved reward for use by another order", async () => {
    const { shopper, rewardId } = await win("this_order");
    const owner = ownerOf(shopper);
    const first = `order-${randomUUID()}`;
    expect(await reserveReward(db, { rewardId, orderRef: first, owner, now })).toBe(true);
    expect(await releaseOrderRewards(db, first)).toBe(1);
    expect(await status(rewardId)).toMatchObject({ status: "issued", orderRef: null });
    expect((await usableRewards(db, { ...owner, now })).map((r) => r.id)).toContain(rewardId);
    expect(await redeemOrderRewards(db, first, now)).toBe(0); // the released order can no longer spend it
    const second = `order-${randomUUID()}`;
    expect(await reserveReward(db, { rewardId, orderRef: second, owner, now })).toBe(true);
    expect(await redeemOrderRewards(db, second, now)).toBe(1);
    // The event log has one redemption, for the order that spent it; the release logged none.
    const logged = await db
      .select()
      .from(events)
      .where(and(eq(events.type, "reward.redeemed"), eq(events.eventKey, `reward.redeemed:${rewardId}`)));
    expect(logged.map((e) => e.orderRef)).toEqual([second]);
  });

  it("this_order is for the session that won it; next_order is not for the cart it was won on", async () => {
    const thisOrder = await win("this_order");
    const usable = async (owner: Parameters<typeof usableRewards>[1]) =>
      (await usableRewards(db, owner)).map((r) => r.id);
    expect(await usable({ ...ownerOf(thisOrder.shopper), cartRef: thisOrder.cartRef, now })).toContain(
      thisOrder.rewardId,
    );
    // Same email, another session: a this-order prize does not travel.
    expect(
      await usable({
        sessionRef: "another-session",
        identityKeys: identityKeys({ email: thisOrder.shopper.email }),
        now,
      }),
    ).not.toContain(thisOrder.rewardId);

    const nextOrder = await win("next_order");
    const owner = ownerOf(nextOrder.shopper);
    expect((await getReward(db, nextOrder.rewardId))!.earnedOnCartRef).toBe(nextOrder.cartRef);
    expect(await usable({ ...owner, cartRef: nextOrder.cartRef, now })).not.toContain(nextOrder.rewardId);
    // The next cart in the same session, and a later session that knows the email.
    expect(await usable({ ...owner, cartRef: `cart-${randomUUID()}`, now })).toContain(nextOrder.rewardId);
    expect(
      await usable({
        sessionRef: "later",
        identityKeys: identityKeys({ email: nextOrder.shopper.email }),
        cartRef: "cart-later",
        now,
      }),
    ).toContain(nextOrder.rewardId);
  });

  it("bestReward picks the one worth most on the lines", async () => {
    const lines = [{ productRef: "beans", unitPriceMinor: 1_800, quantity: 2 }];
    const mk = (rewardType: Prize["rewardType"], rewardValue: number, maxDiscountMinor: number | null = null) =>
      ({
        id: `${rewardType}-${rewardValue}`,
        rewardType,
        rewardValue,
        productRef: null,
        maxDiscountMinor,
      }) as unknown as Parameters<typeof bestReward>[0][number];
    const best = bestReward([mk("percent_off", 10), mk("amount_off", 500), mk("none", 0)], lines);
    expect(best).toMatchObject({ discountMinor: 500 });
    expect(bestReward([mk("none", 0)], lines)).toBeNull();
  });
});

describe("discountFor", () => {
  const r = (
    rewardType: Prize["rewardType"],
    rewardValue: number,
    extra: { productRef?: string; maxDiscountMinor?: number } = {},
  ) => ({
    rewardType,
    rewardValue,
    productRef: extra.productRef ?? null,
    maxDiscountMinor: extra.maxDiscountMinor ?? null,
  });
  const lines = [
    { productRef: "beans", unitPriceMinor: 1_999, quantity: 3 }, // 59.97
    { productRef: "mug", unitPriceMinor: 1_250, quantity: 2 }, // 25.00
  ];

  it("percent off, rounded down, and capped", () => {
    expect(discountFor(r("percent_off", 10), lines)).toBe(849); // 8,497 x 10 % = 849.7
    expect(discountFor(r("percent_off", 10, { maxDiscountMinor: 500 }), lines)).toBe(500);
    expect(discountFor(r("percent_off", 10, { maxDiscountMinor: 5_000 }), lines)).toBe(849);
    expect(discountFor(r("percent_off", 150), lines)).toBe(8_497); // never more than 100 %
  });

  it("amount off, never more than the subtotal", () => {
    expect(discountFor(r("amount_off", 500), lines)).toBe(500);
    expect(discountFor(r("amount_off", 10_000), lines)).toBe(8_497);
    expect(discountFor(r("amount_off", 500), [])).toBe(0);
  });

  it("free product: one unit of it, only when it is in the cart", () => {
    expect(discountFor(r("free_product", 0, { productRef: "mug" }), lines)).toBe(1_250);
    expect(discountFor(r("free_product", 0, { productRef: "cake" }), lines)).toBe(0);
  });

  it("bonus points and none take nothing off", () => {
    expect(discountFor(r("bonus_points", 200), lines)).toBe(0);
    expect(discountFor(r("none", 0), lines)).toBe(0);
  });
});

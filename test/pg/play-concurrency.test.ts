// Budgets and per-customer limits under concurrent plays, on a real Postgres (PGlite is one
// connection and would prove nothing). Every case fires its calls at once over a 40-connection
// pool and then asserts from the database, not from what the calls returned.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { identityKeys } from "playcart/internal/core/identity";
import { PlayError, type PlayInput, type PlayResult, type PlayShopper, play } from "playcart/internal/games/play";
import { withPrizeTallies } from "playcart/internal/games/prize-tallies";
import { redeemOrderRewards, reserveReward } from "playcart/internal/rewards/rewards";
import { type Campaign, type campaigns, playAllowances, plays, prizeDailyWins, prizes, rewards } from "playcart/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, openPostgres } from "@/db/client";
import { insertLiveCampaign } from "../support/live-campaign";
import { createTestDatabase } from "../support/pg";

const TZ = "Europe/Berlin";
const NOW = new Date("2026-06-13T08:00:00Z"); // Saturday 10:00 in Berlin
const CART = { valueMinor: 5_000, itemCount: 2, categories: ["coffee"] };
const POOL = 40;

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db; // the wide pool the concurrent calls share
let closeWide: () => Promise<void>;

beforeAll(async () => {
  t = await createTestDatabase();
  const wide = await openPostgres(t.url, { max: POOL, migrate: false });
  db = wide.db;
  closeWide = wide.close;
  // Open every connection before the first case, so connecting is not what races.
  await Promise.all(Array.from({ length: POOL }, () => db.execute(sql`select pg_sleep(0.05)`)));
});

afterAll(async () => {
  await closeWide?.().catch(() => {});
  await t?.drop();
});

type NewPrize = Partial<typeof prizes.$inferInsert>;

const makeCampaign = (overrides: Partial<typeof campaigns.$inferInsert>, table: NewPrize[]) =>
  insertLiveCampaign(t.db, overrides, table);

const shopper = (i: number, run = randomUUID().slice(0, 8)): PlayShopper => ({
  email: `s${i}-${run}@example.test`,
  deviceId: `dev-${run}-${i}`,
  sessionRef: `sess-${run}-${i}`,
});

const input = (campaign: Campaign, s: PlayShopper, extra: Partial<PlayInput> = {}): PlayInput => ({
  campaignId: campaign.id,
  requestId: randomUUID(),
  shopper: s,
  cart: CART,
  now: NOW,
  timeZone: TZ,
  ...extra,
});

/** Runs every play at once; returns the results and the refusal codes, and fails on any other error. */
async function playAll(inputs: PlayInput[]) {
  const settled = await Promise.allSettled(inputs.map((i) => play(db, i)));
  const results: PlayResult[] = [];
  const refusals: Record<string, number> = {};
  for (const s of settled) {
    if (s.status === "fulfilled") results.push(s.value);
    else if (s.reason instanceof PlayError) refusals[s.reason.code] = (refusals[s.reason.code] ?? 0) + 1;
    else throw s.reason; // a deadlock, a CHECK violation, a serialisation failure: all bugs here
  }
  return { results, refusals };
}

async function prizeRows(campaignId: string) {
  return t.db.select().from(prizes).where(eq(prizes.campaignId, campaignId)).orderBy(prizes.position);
}

async function playCounts(campaignId: string) {
  const rows = await t.db
    .select({ prizeId: plays.prizeId, n: sql<number>`count(*)::int` })
    .from(plays)
    .where(eq(plays.campaignId, campaignId))
    .groupBy(plays.prizeId);
  return new Map(rows.map((r) => [r.prizeId, r.n]));
}

async function rewardCount(campaignId: string) {
  const [r] = await t.db
    .select({ n: sql<number>`count(*)::int` })
    .from(rewards)
    .where(eq(rewards.campaignId, campaignId));
  return r.n;
}

describe("concurrent plays on Postgres", () => {
  it("500 concurrent plays against a prize with inventory 50 give exactly 50 wins of it", async () => {
    const {
      campaign,
      prizes: [limited, none],
    } = await makeCampaign({}, [
      { label: "Free pastry", weight: 100, rewardType: "free_product", productRef: "pastry", inventory: 50 },
      { label: "Try again", weight: 1, rewardType: "none" },
    ]);
    const { results, refusals } = await playAll(Array.from({ length: 500 }, (_, i) => input(campaign, shopper(i))));
    expect(refusals).toEqual({});
    expect(results).toHaveLength(500);
    expect(results.filter((r) => r.prizeId === limited.id && r.won)).toHaveLength(50);

    const [p, n] = await prizeRows(campaign.id);
    expect(p.wins).toBe(50);
    // A prize without limits keeps no counter (no play waits on its row); its tally is counted.
    expect(n.wins).toBe(0);
    expect((await withPrizeTallies(t.db, campaign.id, [p, n])).map((x) => x.wins)).toEqual([50, 450]);
    const counts = await playCounts(campaign.id);
    expect(counts.get(limited.id)).toBe(50);
    expect(counts.get(none.id)).toBe(450);
    expect(await rewardCount(campaign.id)).toBe(50);
  });

  it("a budget by value and a daily cap hold under concurrency", async () => {
    const {
      campaign,
      prizes: [gift, treat, none],
    } = await makeCampaign({}, [
      // 700 a win against 10,000: 14 wins (9,800); a 15th would be 10,500.
      {
        label: "$7 gift",
        weight: 100,
        rewardType: "amount_off",
        rewardValue: 700,
        costMinor: 700,
        budgetValueMinor: 10_000,
      },
      {
        label: "Daily treat",
        weight: 100,
        rewardType: "free_product",
        productRef: "pastry",
        costMinor: 250,
        dailyCap: 20,
      },
      { label: "Try again", weight: 1, rewardType: "none" },
    ]);
    const { results, refusals } = await playAll(Array.from({ length: 300 }, (_, i) => input(campaign, shopper(i))));
    expect(refusals).toEqual({});
    expect(results).toHaveLength(300);

    const [g, tr, n] = await prizeRows(campaign.id);
    expect(g).toMatchObject({ wins: 14, valueAwardedMinor: 9_800 });
    expect(g.valueAwardedMinor).toBeLessThanOrEqual(g.budgetValueMinor!);
    expect(tr.wins).toBe(20);
    expect(n.wins).toBe(0);
    const tallied = await withPrizeTallies(t.db, campaign.id, [g, tr, n]);
    expect(tallied.map((x) => [x.wins, x.valueAwardedMinor])).toEqual([
      [14, 9_800],
      [20, 5_000],
      [300 - 14 - 20, 0],
    ]);
    const [day] = await t.db.select().from(prizeDailyWins).where(eq(prizeDailyWins.prizeId, treat.id));
    expect(day).toMatchObject({ storeDay: "2026-06-13", wins: 20 });
    const counts = await playCounts(campaign.id);
    expect([counts.get(gift.id), counts.get(treat.id), counts.get(none.id)]).toEqual([14, 20, 266]);
    expect(await rewardCount(campaign.id)).toBe(34);
  });

  it("200 concurrent plays by one customer with 3 allowances give exactly 3 plays", async () => {
    const { campaign } = await makeCampaign({ allowance: { default: 3 } }, [
      { label: "5% off", weight: 1, rewardType: "percent_off", rewardValue: 5 },
    ]);
    const me = { ...shopper(0), userRef: `user-${randomUUID()}` };
    const { results, refusals } = await playAll(Array.from({ length: 200 }, () => input(campaign, me)));
    expect(results).toHaveLength(3);
    expect(refusals).toEqual({ no_plays_left: 197 });
    expect((await playCounts(campaign.id)).get((await prizeRows(campaign.id))[0].id)).toBe(3);
    const allowances = await t.db
      .select()
      .from(playAllowances)
      .where(eq(playAllowances.campaignId, campaign.id))
      .orderBy(playAllowances.identityKey);
    expect(allowances.map((a) => [a.identityKey, a.used, a.granted])).toEqual(identityKeys(me).map((k) => [k, 3, 3]));
    expect(await rewardCount(campaign.id)).toBe(3);
  });

  it("one person behind many devices and spellings of a Gmail address still gets exactly 3 plays", async () => {
    const { campaign } = await makeCampaign({ allowance: { default: 3 } }, [
      { label: "5% off", weight: 1, rewardType: "percent_off", rewardValue: 5 },
    ]);
    const run = randomUUID().slice(0, 8);
    const spellings = [`j.doe.${run}@gmail.com`, `JDoe${run}+spin@googlemail.com`, `j.d.o.e${run}@Gmail.com`];
    const inputs = Array.from({ length: 200 }, (_, i) =>
      input(campaign, {
        email: spellings[i % spellings.length],
        deviceId: `dev-${run}-${i}`,
        sessionRef: `sess-${run}-${i}`,
      }),
    );
    const { results, refusals } = await playAll(inputs);
    expect(results).toHaveLength(3);
    expect(refusals).toEqual({ no_plays_left: 197 });
    const [p] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(plays)
      .where(eq(plays.campaignId, campaign.id));
    expect(p.n).toBe(3);
    const [email] = await t.db
      .select()
      .from(playAllowances)
      .where(
        and(eq(playAllowances.campaignId, campaign.id), eq(playAllowances.identityKey, `email:jdoe${run}@gmail.com`)),
      );
    expect(email).toMatchObject({ used: 3, granted: 3 });
    // Only the three devices that played hold a row: refused plays left nothing behind.
    const [rows] = await t.db
      .select({ n: sql<number>`count(*)::int`, used: sql<number>`sum(used)::int` })
      .from(playAllowances)
      .where(eq(playAllowances.campaignId, campaign.id));
    expect(rows).toEqual({ n: 4, used: 6 });
  });

  it("the same requestId sent 20 times at once gives exactly one play", async () => {
    const { campaign } = await makeCampaign({ allowance: { default: 100 } }, [
      { label: "$1 off", weight: 1, rewardType: "amount_off", rewardValue: 100, inventory: 1_000 },
    ]);
    const requestId = randomUUID();
    const me = shopper(0);
    const { results, refusals } = await playAll(Array.from({ length: 20 }, () => input(campaign, me, { requestId })));
    expect(results).toHaveLength(1);
    expect(refusals).toEqual({ replayed: 19 });
    const rows = await t.db.select().from(plays).where(eq(plays.campaignId, campaign.id));
    expect(rows.map((r) => r.requestId)).toEqual([requestId]);
    const allowances = await t.db.select().from(playAllowances).where(eq(playAllowances.campaignId, campaign.id));
    expect(allowances.map((a) => a.used)).toEqual([1, 1]);
    expect((await prizeRows(campaign.id))[0].wins).toBe(1);
    expect(await rewardCount(campaign.id)).toBe(1);
  });

  it("the same requestId sent 20 times at once with a single allowance still gives one play and uses one allowance", async () => {
    const { campaign } = await makeCampaign({ allowance: { default: 1 } }, [
      { label: "$1 off", weight: 1, rewardType: "amount_off", rewardValue: 100 },
    ]);
    const requestId = randomUUID();
    const { results, refusals } = await playAll(
      Array.from({ length: 20 }, () => input(campaign, shopper(0, "single"), { requestId })),
    );
    expect(results).toHaveLength(1);
    // A late duplicate may be told "replayed" or "no plays left"; either way nothing is applied.
    expect((refusals.replayed ?? 0) + (refusals.no_plays_left ?? 0)).toBe(19);
    const [p] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(plays)
      .where(eq(plays.campaignId, campaign.id));
    expect(p.n).toBe(1);
    const allowances = await t.db.select().from(playAllowances).where(eq(playAllowances.campaignId, campaign.id));
    expect(allowances.map((a) => a.used)).toEqual([1, 1]);
  });
});

describe("concurrent redemptions on Postgres", () => {
  it("50 concurrent reservations of one reward for 50 different orders apply exactly once, and it is redeemed once", async () => {
    const { campaign } = await makeCampaign({}, [
      { label: "10% off", weight: 1, rewardType: "percent_off", rewardValue: 10 },
    ]);
    const me = shopper(0);
    const won = await play(db, input(campaign, me));
    const rewardId = won.reward!.id;
    const owner = { sessionRef: me.sessionRef, identityKeys: identityKeys(me) };
    const orders = Array.from({ length: 50 }, (_, i) => `order-${i}-${randomUUID()}`);

    const reserved = await Promise.all(
      orders.map((orderRef) => reserveReward(db, { rewardId, orderRef, owner, now: NOW })),
    );
    expect(reserved.filter(Boolean)).toHaveLength(1);
    const winner = orders[reserved.indexOf(true)];
    const [row] = await t.db.select().from(rewards).where(eq(rewards.id, rewardId));
    expect(row).toMatchObject({ status: "reserved", orderRef: winner });

    // Every order tries to spend it at once, the winning one several times over.
    const redeemed = await Promise.all(
      [...orders, winner, winner, winner].map((orderRef) => redeemOrderRewards(db, orderRef, NOW)),
    );
    expect(redeemed.reduce((a, b) => a + b, 0)).toBe(1);
    const [after] = await t.db.select().from(rewards).where(eq(rewards.id, rewardId));
    expect(after).toMatchObject({ status: "redeemed", orderRef: winner });
  });
});

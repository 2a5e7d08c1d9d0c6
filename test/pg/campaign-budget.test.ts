// Campaign budgets under concurrent plays, on a real Postgres: the spend never passes the total
// or the day's budget, the win that spends the total pauses the campaign (with an audit entry),
// and a campaign without a budget keeps no counter at all.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { campaignWithPrizes, saveCampaign, toDraft } from "playcart/internal/admin/campaign-admin";
import { findOffer, PlayError, type PlayInput, type PlayResult, play } from "playcart/internal/games/play";
import { auditLog, type Campaign, campaigns, plays, type prizes, rewards } from "playcart/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, openPostgres } from "@/db/client";
import { insertLiveCampaign } from "../support/live-campaign";
import { createTestDatabase } from "../support/pg";

const TZ = "America/New_York";
const NOW = new Date("2026-06-13T15:00:00Z"); // Saturday 11:00 in New York
const NEXT_DAY = new Date("2026-06-14T15:00:00Z");
const CART = { valueMinor: 5_000, itemCount: 2, categories: ["coffee"] };
const POOL = 30;

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let closeWide: () => Promise<void>;

beforeAll(async () => {
  t = await createTestDatabase();
  const wide = await openPostgres(t.url, { max: POOL, migrate: false });
  db = wide.db;
  closeWide = wide.close;
  await Promise.all(Array.from({ length: POOL }, () => db.execute(sql`select pg_sleep(0.05)`)));
});

afterAll(async () => {
  await closeWide?.().catch(() => {});
  await t?.drop();
});

const makeCampaign = async (
  overrides: Partial<typeof campaigns.$inferInsert>,
  table: Partial<typeof prizes.$inferInsert>[],
): Promise<Campaign> => (await insertLiveCampaign(t.db, overrides, table)).campaign;

const run = () => randomUUID().slice(0, 8);
const input = (campaign: Campaign, i: number, r: string, now = NOW): PlayInput => ({
  campaignId: campaign.id,
  requestId: randomUUID(),
  shopper: { email: `s${i}-${r}@example.test`, deviceId: `dev-${r}-${i}`, sessionRef: `sess-${r}-${i}` },
  cart: CART,
  now,
  timeZone: TZ,
});

/** Every play at once; any error but a PlayError (a deadlock, a CHECK violation) fails the test. */
async function playAll(inputs: PlayInput[]) {
  const settled = await Promise.allSettled(inputs.map((i) => play(db, i)));
  const results: PlayResult[] = [];
  const refusals: Record<string, number> = {};
  for (const s of settled) {
    if (s.status === "fulfilled") results.push(s.value);
    else if (s.reason instanceof PlayError) refusals[s.reason.code] = (refusals[s.reason.code] ?? 0) + 1;
    else throw s.reason;
  }
  return { results, refusals };
}

/** Deadlocks the server has counted in this database (its statistics are flushed within a second). */
async function deadlocks(): Promise<number> {
  await new Promise((r) => setTimeout(r, 1_500));
  const rows = (await t.db.execute(
    sql`SELECT deadlocks::int AS n FROM pg_stat_database WHERE datname = current_database()`,
  )) as unknown as { n: number }[];
  return rows[0].n;
}

const campaignRow = async (id: string) => (await t.db.select().from(campaigns).where(eq(campaigns.id, id)))[0];
const count = async (table: typeof rewards | typeof plays, id: string) =>
  (await t.db.select({ n: sql<number>`count(*)::int` }).from(table).where(eq(table.campaignId, id)))[0].n;

describe("campaign budgets on Postgres", () => {
  it("100 concurrent plays against a $37 budget of $5 wins: 7 wins, never over, and the campaign pauses itself", async () => {
    const campaign = await makeCampaign({ budgetTotalMinor: 3_700 }, [
      { label: "$5 off", weight: 1, rewardType: "amount_off", rewardValue: 500, costMinor: 500 },
    ]);
    const r = run();
    const { results, refusals } = await playAll(Array.from({ length: 100 }, (_, i) => input(campaign, i, r)));

    // Every call is answered: a win, an honest no-prize, or "sold out" once paused. No error.
    expect(results.length + (refusals.sold_out ?? 0)).toBe(100);
    expect(Object.keys(refusals).filter((c) => c !== "sold_out")).toEqual([]);
    expect(results.filter((x) => x.won)).toHaveLength(7);
    expect(results.filter((x) => !x.won).every((x) => x.reward === null && x.prizeId === null)).toBe(true);

    const row = await campaignRow(campaign.id);
    expect(row.budgetSpentMinor).toBe(3_500);
    expect(row.budgetSpentMinor).toBeLessThanOrEqual(row.budgetTotalMinor!);
    expect(row.budgetDaySpentMinor).toBe(3_500);
    expect(row.budgetDay).toBe("2026-06-13");
    expect(row.status).toBe("paused");
    expect(await count(rewards, campaign.id)).toBe(7);

    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, campaign.id), eq(auditLog.action, "campaign.pause")));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor: "playcart",
      after: { status: "paused", reason: "budget_spent", budgetSpentMinor: 3_500, budgetTotalMinor: 3_700 },
    });
    expect(audit[0].at.toISOString()).toBe(NOW.toISOString());

    // A shopper who still has the game open hears that it is sold out; nothing is recorded.
    const before = await count(plays, campaign.id);
    await expect(play(db, input(campaign, 999, r))).rejects.toMatchObject({ code: "sold_out" });
    expect(await count(plays, campaign.id)).toBe(before);
  });

  it("a daily budget stops costly wins for the rest of the store day and offers the game again the next", async () => {
    const campaign = await makeCampaign({ budgetDailyMinor: 1_000 }, [
      { label: "$4 off", weight: 1, rewardType: "amount_off", rewardValue: 400, costMinor: 400 },
    ]);
    const r = run();
    const { results, refusals } = await playAll(Array.from({ length: 40 }, (_, i) => input(campaign, i, r)));
    expect(refusals).toEqual({});
    expect(results.filter((x) => x.won)).toHaveLength(2); // 2 x 400 = 800; a third would be 1,200
    const row = await campaignRow(campaign.id);
    expect(row).toMatchObject({ status: "live", budgetDaySpentMinor: 800, budgetSpentMinor: 800 });

    const offerAt = (now: Date, i: number) =>
      findOffer(db, {
        placement: "checkout_first_order",
        shopper: input(campaign, i, r, now).shopper,
        cart: CART,
        now,
        timeZone: TZ,
      });
    expect(await offerAt(NOW, 500)).toBeNull();
    expect((await offerAt(NEXT_DAY, 501))?.campaignId).toBe(campaign.id);

    const next = await playAll(Array.from({ length: 10 }, (_, i) => input(campaign, 100 + i, r, NEXT_DAY)));
    expect(next.results.filter((x) => x.won)).toHaveLength(2);
    expect(await campaignRow(campaign.id)).toMatchObject({
      budgetDay: "2026-06-14",
      budgetDaySpentMinor: 800,
      budgetSpentMinor: 1_600,
    });
  });

  it("mixed costs: the spend stays within the total and the campaign pauses once the cheapest win no longer fits", async () => {
    const campaign = await makeCampaign({ budgetTotalMinor: 2_000, budgetDailyMinor: 1_500 }, [
      { label: "$7 off", weight: 1, rewardType: "amount_off", rewardValue: 700, costMinor: 700 },
      { label: "$3 off", weight: 1, rewardType: "amount_off", rewardValue: 300, costMinor: 300 },
      { label: "Free points", weight: 1, rewardType: "bonus_points", rewardValue: 5, costMinor: 0 },
    ]);
    const r = run();
    const day1 = await playAll(Array.from({ length: 60 }, (_, i) => input(campaign, i, r)));
    expect(day1.refusals).toEqual({});
    let row = await campaignRow(campaign.id);
    expect(row.budgetSpentMinor).toBeLessThanOrEqual(1_500);
    expect(1_500 - row.budgetSpentMinor).toBeLessThan(300);
    const costly = (rs: PlayResult[]) => rs.filter((x) => x.won && x.label !== "Free points");
    const spent1 = costly(day1.results).reduce((s, x) => s + (x.label === "$7 off" ? 700 : 300), 0);
    expect(spent1).toBe(row.budgetSpentMinor);

    const day2 = await playAll(Array.from({ length: 60 }, (_, i) => input(campaign, 100 + i, r, NEXT_DAY)));
    expect(Object.keys(day2.refusals).filter((c) => c !== "sold_out")).toEqual([]);
    row = await campaignRow(campaign.id);
    expect(row.budgetSpentMinor).toBeLessThanOrEqual(2_000);
    expect(2_000 - row.budgetSpentMinor).toBeLessThan(300);
    expect(row.status).toBe("paused");
  });

  it("owner saves racing budgeted plays of a limited prize: no deadlock, no error, the spend within budget", async () => {
    // Alone at its placement: saving a live campaign checks it overlaps no other.
    // It can lose and comes with a purchase, so saving it needs its free method of entry.
    const campaign = await makeCampaign({ budgetTotalMinor: 10_000, placement: "comeback", freeEntry: true }, [
      { label: "$3 off", weight: 1, rewardType: "amount_off", rewardValue: 300, costMinor: 300, inventory: 25 },
      { label: "Try again", weight: 1, rewardType: "none" },
    ]);
    const r = run();
    const clock = { now: NOW, timeZone: TZ };
    const deadlocksBefore = await deadlocks();
    // The owner saves the campaign (its row, then its prizes) over and over while shoppers play.
    const saves = (async () => {
      for (let i = 0; i < 15; i++) {
        const found = (await campaignWithPrizes(db, campaign.id))!;
        await saveCampaign(
          db,
          "owner",
          campaign.id,
          { ...toDraft(found.campaign, found.prizes), name: `Saved ${i}` },
          clock,
        );
      }
    })();
    const [{ results, refusals }] = await Promise.all([
      playAll(Array.from({ length: 80 }, (_, i) => input(campaign, i, r))),
      saves,
    ]);
    expect(refusals).toEqual({});
    const wins = results.filter((x) => x.won).length;
    const row = await campaignRow(campaign.id);
    expect(row.budgetSpentMinor).toBe(wins * 300);
    expect(wins).toBeLessThanOrEqual(25);
    expect(row.name).toBe("Saved 14");
    // A deadlock would be retried unseen; the server's own count says whether there was one.
    expect(await deadlocks()).toBe(deadlocksBefore);
  });

  it("a campaign without a budget keeps no counter: its row is never written by a play", async () => {
    const campaign = await makeCampaign({}, [
      { label: "$5 off", weight: 1, rewardType: "amount_off", rewardValue: 500, costMinor: 500 },
    ]);
    const before = await campaignRow(campaign.id);
    const r = run();
    const { results } = await playAll(Array.from({ length: 20 }, (_, i) => input(campaign, i, r)));
    expect(results.filter((x) => x.won)).toHaveLength(20);
    const after = await campaignRow(campaign.id);
    expect(after).toEqual(before);
    // The row's tuple is the one inserted: no UPDATE ever touched it.
    const [{ updated }] = (await t.db.execute(
      sql`SELECT c.xmin::text::bigint > p.xmin::text::bigint AS updated FROM playcart_campaigns c
          JOIN playcart_prizes p ON p.campaign_id = c.id WHERE c.id = ${campaign.id}::uuid LIMIT 1`,
    )) as unknown as { updated: boolean }[];
    expect(updated).toBe(false);
  });
});

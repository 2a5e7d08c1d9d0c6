// A whole period of provably fair draws on a real Postgres: hundreds of concurrent plays, some
// of which lose a prize to another play and draw again, then the period ends and every recorded
// outcome is re-derived from the revealed seed. Receipts verify; forged ones fail.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { encodeReceipt } from "playcart/internal/games/draw-receipt";
import { publishedDraws } from "playcart/internal/games/draw-seeds";
import { commitmentOf, fairOutcome, newSeed } from "playcart/internal/games/fair-draw";
import { findOffer, PlayError, type PlayResult, play } from "playcart/internal/games/play";
import { verifyReceipt } from "playcart/internal/games/verify-receipt";
import { drawSeeds, plays } from "playcart/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, openPostgres } from "@/db/client";
import { insertLiveCampaign } from "../support/live-campaign";
import { createTestDatabase } from "../support/pg";

const TZ = "Europe/Berlin";
// Saturday 13 June 2026 in Berlin: the store day runs 12 June 22:00Z to 13 June 22:00Z.
const DAY = "2026-06-13";
const MORNING = new Date("2026-06-13T06:00:00Z");
const DAY_END = new Date("2026-06-13T22:00:00Z");
const CART = { valueMinor: 5_000, itemCount: 2, categories: ["coffee"] };
const POOL = 30;
const PLAYS = 300;

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let closeWide: () => Promise<void>;

beforeAll(async () => {
  t = await createTestDatabase();
  const wide = await openPostgres(t.url, { max: POOL, migrate: false });
  db = wide.db;
  closeWide = wide.close;
});

afterAll(async () => {
  await closeWide?.().catch(() => {});
  await t?.drop();
});

const shopper = (i: number, run: string) => ({
  email: `fair${i}-${run}@example.test`,
  deviceId: `dev-${run}-${i}`,
  sessionRef: `sess-${run}-${i}`,
});

describe("a period of provably fair draws", () => {
  it("re-derives every recorded outcome from the revealed seed, sold-out retries included", async () => {
    const { campaign, prizes: table } = await insertLiveCampaign(t.db, {}, [
      { label: "Free pastry", weight: 60, rewardType: "free_product", productRef: "pastry", inventory: 25 },
      { label: "10% off", weight: 30, rewardType: "percent_off", rewardValue: 10, dailyCap: 40 },
      { label: "5% off", weight: 9, rewardType: "percent_off", rewardValue: 5 },
      { label: "Try again", weight: 1, rewardType: "none" },
    ]);
    const run = randomUUID().slice(0, 8);

    // The game is offered before any play: the offer carries the period's commitment.
    const offer = await findOffer(db, {
      placement: "checkout_first_order",
      shopper: shopper(0, run),
      cart: CART,
      now: MORNING,
      timeZone: TZ,
    });
    expect(offer?.commitment).toMatchObject({ period: DAY, revealsAt: DAY_END.toISOString() });
    const commitment = offer!.commitment!.commitment;

    // Every play at once, spread over the store day.
    const settled = await Promise.allSettled(
      Array.from({ length: PLAYS }, (_, i) =>
        play(db, {
          campaignId: campaign.id,
          requestId: randomUUID(),
          shopper: shopper(i, run),
          cart: CART,
          now: new Date(MORNING.getTime() + i * 60_000),
          timeZone: TZ,
        }),
      ),
    );
    const results: PlayResult[] = [];
    for (const s of settled) {
      if (s.status === "rejected") throw s.reason instanceof PlayError ? new Error(s.reason.code) : s.reason;
      results.push(s.value);
    }
    expect(results).toHaveLength(PLAYS);

    const rows = await t.db.select().from(plays).where(eq(plays.campaignId, campaign.id));
    expect(rows).toHaveLength(PLAYS);
    // The limits held, so some plays lost the pastry or the day's 10% to another play and drew again.
    expect(rows.filter((r) => r.prizeId === table[0].id)).toHaveLength(25);
    expect(rows.filter((r) => r.prizeId === table[1].id).length).toBeLessThanOrEqual(40);
    const retried = rows.filter((r) => (r.drawAttempt ?? 0) > 1);
    expect(retried.length).toBeGreaterThan(0);
    // A retry draws without the prize it lost (a deadlock retry, if any, draws among the same prizes).
    expect(retried.some((r) => r.drawAvailable!.length < table.length)).toBe(true);
    // Every play drew from the one seed of the period the offer committed to.
    for (const r of rows) expect(r.drawPeriod).toBe(DAY);
    for (const r of results) expect(r.receipt).toMatchObject({ period: DAY, commitment, playId: r.playId });

    // Before the day ends the seed stays secret: the public page has only its hash.
    const before = await publishedDraws(t.db, campaign.slug, { now: new Date(DAY_END.getTime() - 1), timeZone: TZ });
    const published = before!.periods.find((p) => p.period === DAY)!;
    expect(published).toMatchObject({ commitment, seed: null, revealed: false });
    // The next day's commitment was published ahead of it.
    expect(before!.periods.map((p) => p.period)).toContain("2026-06-14");
    const pending = await verifyReceipt(t.db, encodeReceipt(results[0].receipt!), new Date(DAY_END.getTime() - 1));
    expect(pending.status).toBe("pending");
    expect(pending.seed).toBeNull();
    expect(pending.reason).toContain(DAY_END.toISOString());

    // The day ends: the seed is revealed, hashes to the commitment and redraws every play.
    const after = await publishedDraws(t.db, campaign.slug, { now: DAY_END, timeZone: TZ });
    const seed = after!.periods.find((p) => p.period === DAY)!.seed!;
    expect(commitmentOf(seed)).toBe(commitment);
    for (const r of rows) expect(fairOutcome(seed, r.id, r.drawAttempt!, r.drawAvailable!)).toBe(r.prizeId);

    // Every shopper's receipt verifies against the store's record.
    for (const r of results.slice(0, 60).concat(results.filter((x) => x.receipt!.attempt > 1))) {
      const verdict = await verifyReceipt(t.db, encodeReceipt(r.receipt!), DAY_END);
      expect(verdict.status, verdict.reason).toBe("verified");
      expect(verdict.checks.map((c) => c.ok)).toEqual([true, true, true, true, true]);
    }
  }, 120_000);

  it("fails forged receipts with the reason, and keeps seeds append-only", async () => {
    const { campaign, prizes: table } = await insertLiveCampaign(t.db, {}, [
      { label: "10% off", weight: 1, rewardType: "percent_off", rewardValue: 10 },
      { label: "5% off", weight: 1, rewardType: "percent_off", rewardValue: 5 },
    ]);
    const run = randomUUID().slice(0, 8);
    const played = await play(db, {
      campaignId: campaign.id,
      requestId: randomUUID(),
      shopper: shopper(1, run),
      cart: CART,
      now: MORNING,
      timeZone: TZ,
    });
    const receipt = played.receipt!;
    const verify = (r: object) => verifyReceipt(t.db, encodeReceipt({ ...receipt, ...r }), DAY_END);
    expect((await verify({})).status).toBe("verified");

    const other = table.find((p) => p.id !== played.prizeId)!.id;
    const changedOutcome = await verify({ outcome: other, label: "anything" });
    expect(changedOutcome).toMatchObject({ status: "failed" });
    expect(changedOutcome.checks.at(-1)).toMatchObject({ key: "outcome", ok: false });
    expect(changedOutcome.reason).toMatch(/Redrawn from the seed/);

    const changedPlay = await verify({ playId: randomUUID() });
    expect(changedPlay.status).toBe("failed");
    expect(changedPlay.checks.at(-1)?.ok).toBe(false);
    expect(["outcome", "record"]).toContain(changedPlay.checks.at(-1)?.key);

    const forgedSeed = newSeed();
    const changedSeed = await verify({ seed: forgedSeed });
    expect(changedSeed).toMatchObject({ status: "failed", reason: expect.stringMatching(/does not hash/) });
    const changedBoth = await verify({ seed: forgedSeed, commitment: commitmentOf(forgedSeed) });
    expect(changedBoth).toMatchObject({
      status: "failed",
      reason: expect.stringMatching(/not the one the store published/),
    });

    const changedDraw = await verify({ attempt: receipt.attempt + 1 });
    expect(changedDraw.status).toBe("failed");
    const garbage = await verifyReceipt(t.db, "not a receipt", DAY_END);
    expect(garbage).toMatchObject({ status: "failed", reason: expect.stringMatching(/not a Playcart draw receipt/) });

    // A committed seed can be neither changed nor removed.
    await expect(
      t.db.update(drawSeeds).set({ seed: forgedSeed }).where(eq(drawSeeds.campaignId, campaign.id)),
    ).rejects.toThrow();
    await expect(t.db.delete(drawSeeds).where(eq(drawSeeds.campaignId, campaign.id))).rejects.toThrow();
    const [kept] = await t.db.select().from(drawSeeds).where(sql`${drawSeeds.campaignId} = ${campaign.id}`);
    expect(commitmentOf(kept.seed)).toBe(receipt.commitment);
  });
});

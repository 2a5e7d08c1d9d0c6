// Plays as a busy store serves them: two app instances (child processes, each with its own
// Postgres pool, serving Playcart's play route over HTTP) take 200 shoppers' plays at once
// while several limited prizes sell out mid-play. No play may fail (no 5xx, no deadlock),
// and no prize may be won past its inventory, budget or daily cap.
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { mintOfferToken, offerSecretOf } from "playcart";
import { plays, prizeDailyWins, prizes, rewards } from "playcart/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertLiveCampaign } from "../support/live-campaign";
import { createTestDatabase } from "../support/pg";
import { repoRoot } from "../support/server";

const SECRET = "instances-secret-0123456789abcdef";
const NOW = new Date("2026-06-13T08:00:00Z"); // Saturday 10:00 in Berlin
const STORE_DAY = "2026-06-13";
const SHOPPERS = 200;

let t: Awaited<ReturnType<typeof createTestDatabase>>;
const instances: { child: ChildProcess; port: number }[] = [];

/** One app instance: resolves once it listens. */
function startInstance(databaseUrl: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ["--import", "tsx", "test/support/play-instance.ts"], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      PLAYCART_SECRET: SECRET,
      PLAYCART_NOW: NOW.toISOString(),
      POOL_MAX: "20",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const port = /listening (\d+)/.exec(out)?.[1];
      if (port) resolve({ child, port: Number(port) });
      else if (out.length > 0) process.stdout.write(chunk);
    });
    child.on("exit", (code) => reject(new Error(`play instance exited (${code}) before listening`)));
  });
}

beforeAll(async () => {
  t = await createTestDatabase();
  instances.push(...(await Promise.all([startInstance(t.url), startInstance(t.url)])));
});

afterAll(async () => {
  for (const { child } of instances) child.kill("SIGTERM");
  await t?.drop();
});

async function limitedCampaign() {
  // Four limited prizes, drawn often, each selling out within the first plays; then "Try again".
  const table = [
    { label: "10% off", rewardType: "percent_off" as const, rewardValue: 10, inventory: 6 },
    { label: "$2 off", rewardType: "amount_off" as const, rewardValue: 200, inventory: 10, dailyCap: 5 },
    { label: "Free pastry", rewardType: "free_product" as const, productRef: "pastry", costMinor: 250, dailyCap: 8 },
    { label: "$5 off", rewardType: "amount_off" as const, rewardValue: 500, costMinor: 500, budgetValueMinor: 3_000 },
    { label: "Try again", rewardType: "none" as const },
  ];
  return insertLiveCampaign(
    t.db,
    {},
    table.map((p) => ({ weight: p.rewardType === "none" ? 10 : 30, ...p })),
  );
}

describe("plays over two app instances", () => {
  it("200 concurrent plays while several limited prizes sell out: no 5xx, and no stock or cap exceeded", async () => {
    const { campaign, prizes: table } = await limitedCampaign();
    const key = offerSecretOf(SECRET);
    const run = randomUUID().slice(0, 8);
    const responses = await Promise.all(
      Array.from({ length: SHOPPERS }, async (_, i) => {
        const shopper = `shopper-${run}-${i}`;
        // The token the checkout page gives this shopper with the game.
        const token = mintOfferToken(key, {
          campaignId: campaign.id,
          placement: "checkout",
          holder: { id: shopper, userRef: null },
          now: NOW,
        });
        const res = await fetch(`http://127.0.0.1:${instances[i % 2].port}/api/playcart/play`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-test-shopper": shopper },
          body: JSON.stringify({ campaignId: campaign.id, requestId: randomUUID().replace(/-/g, ""), token }),
        });
        return { status: res.status, body: (await res.json()) as { status: string; code?: string } };
      }),
    );
    const failed = responses.filter((r) => r.status >= 500);
    expect(failed, JSON.stringify(failed.slice(0, 3))).toHaveLength(0);
    expect(responses.map((r) => r.body.status)).toEqual(Array(SHOPPERS).fill("ok"));

    const counts = new Map(
      (
        await t.db
          .select({ prizeId: plays.prizeId, n: sql<number>`count(*)::int` })
          .from(plays)
          .where(eq(plays.campaignId, campaign.id))
          .groupBy(plays.prizeId)
      ).map((r) => [r.prizeId, r.n]),
    );
    const [tenOff, twoOff, pastry, fiveOff, none] = await t.db
      .select()
      .from(prizes)
      .where(eq(prizes.campaignId, campaign.id))
      .orderBy(prizes.position);
    const days = new Map(
      (await t.db.select().from(prizeDailyWins))
        .filter((d) => d.storeDay === STORE_DAY)
        .map((d) => [d.prizeId, d.wins]),
    );
    // Every limited prize sold out exactly: to its inventory, its daily cap, its budget.
    expect(counts.get(tenOff.id)).toBe(6);
    expect(counts.get(twoOff.id)).toBe(5);
    expect(days.get(twoOff.id)).toBe(5);
    expect(counts.get(pastry.id)).toBe(8);
    expect(days.get(pastry.id)).toBe(8);
    expect(counts.get(fiveOff.id)).toBe(6);
    expect(fiveOff.valueAwardedMinor).toBe(3_000);
    expect(counts.get(none.id)).toBe(SHOPPERS - 25);
    // The counters agree with the plays recorded, and every win has its one reward.
    for (const p of [tenOff, twoOff, pastry, fiveOff]) expect(p.wins).toBe(counts.get(p.id));
    const [issued] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(rewards)
      .where(eq(rewards.campaignId, campaign.id));
    expect(issued.n).toBe(25);
    expect(table).toHaveLength(5);
  });
});

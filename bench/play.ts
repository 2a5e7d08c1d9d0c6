// `npm run bench:play`: latency of a play at checkout on a real Postgres.
//
// A throwaway database gets a realistic live campaign (five prizes: limited inventories, a
// value budget, a daily cap, a consolation); then 20 shoppers play at once, each one play
// after another with a fresh requestId, straight through `play()` on a pool of 20
// connections, for BENCH_DURATION seconds. Each play is the whole server-side work: the
// allowance consumed, the draw, the prize claimed under its limits, the play and reward
// recorded, in one transaction.
// Not a test: it prints figures and PASS/FAIL against the floor, and exits 0 unless it broke.
//
// Env: DATABASE_URL (admin URL of the server; default postgres://postgres@127.0.0.1:5432/postgres),
// BENCH_DURATION (s, default 12), BENCH_SHOPPERS (default 20).
import { randomUUID } from "node:crypto";
import os from "node:os";
import { eq, sql } from "drizzle-orm";
import { openPostgres, type Db } from "@/db/client";
import { rowsOf } from "@/lib/engage/db";
import { play, PlayError, type PlayShopper } from "@/lib/engage/play";
import { campaigns, prizes } from "@/lib/engage/schema";
import { createTestDatabase } from "../test/support/pg";

const DURATION = Number(process.env.BENCH_DURATION ?? 12);
const SHOPPERS = Number(process.env.BENCH_SHOPPERS ?? 20);
const WARMUP_SECONDS = 2;
const TIME_ZONE = "Europe/Berlin";

const FLOORS = { playP99Ms: 100 };

function log(msg: string) {
  console.log(`[bench] ${msg}`);
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** A live checkout campaign with the kind of prize table a store would set up. */
async function createCampaign(db: Db): Promise<string> {
  const [campaign] = await db
    .insert(campaigns)
    .values({
      slug: "bench-first-order-wheel",
      name: "Spin to win up to 10% off your first order",
      gameType: "spin_wheel",
      placement: "checkout_first_order",
      status: "live",
      holdoutPercent: 0,
      audience: { "==": [{ var: "customer.firstPurchase" }, true] },
      // Enough plays that no shopper runs out during the run.
      allowance: { default: 1_000 },
      rewardScope: "this_order",
      rewardValidDays: 1,
    })
    .returning({ id: campaigns.id });
  await db.insert(prizes).values([
    { campaignId: campaign.id, position: 0, label: "10% off", weight: 10, rewardType: "percent_off", rewardValue: 10, maxDiscountMinor: 2_000, costMinor: 500, inventory: 400 },
    { campaignId: campaign.id, position: 1, label: "$5 off", weight: 15, rewardType: "amount_off", rewardValue: 500, costMinor: 500, budgetValueMinor: 150_000 },
    { campaignId: campaign.id, position: 2, label: "Free pastry", weight: 10, rewardType: "free_product", rewardValue: 0, productRef: "butter-croissant", costMinor: 150, dailyCap: 300 },
    { campaignId: campaign.id, position: 3, label: "50 bonus stars", weight: 20, rewardType: "bonus_points", rewardValue: 50 },
    { campaignId: campaign.id, position: 4, label: "Try again", weight: 45, rewardType: "none" },
  ]);
  return campaign.id;
}

export type PlayMeasurement = {
  shoppers: number;
  seconds: number;
  latenciesMs: number[];
  wins: number;
  refusals: Map<string, number>;
  errors: number;
  /** This process's CPU time (user + system) over the run, in ms: the driver and ORM side of the plays. */
  cpuMs: number;
};

/**
 * SHOPPERS shoppers each play back to back for `seconds` against one campaign, every play a
 * fresh requestId; returns each play's latency. Plays refused (PlayError) are counted apart
 * and not timed; any other error is counted as an error.
 */
export async function measurePlays(db: Db, campaignId: string, opts: { shoppers: number; seconds: number }): Promise<PlayMeasurement> {
  const run = randomUUID().slice(0, 8);
  const m: PlayMeasurement = { shoppers: opts.shoppers, seconds: 0, latenciesMs: [], wins: 0, refusals: new Map(), errors: 0, cpuMs: 0 };
  const cpu = process.cpuUsage();
  const started = performance.now();
  const deadline = started + opts.seconds * 1_000;
  const now = () => new Date();
  const shopper = async (i: number) => {
    const who: PlayShopper = { email: `bench-${run}-${i}@example.test`, deviceId: `dev-${run}-${i}`, sessionRef: `sess-${run}-${i}` };
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        const r = await play(db, {
          campaignId,
          requestId: randomUUID(),
          shopper: who,
          cart: { valueMinor: 2_450, itemCount: 3, categories: ["pastries", "coffee"], cartRef: `cart-${run}-${i}` },
          now: now(),
          timeZone: TIME_ZONE,
        });
        m.latenciesMs.push(performance.now() - t0);
        if (r.won) m.wins += 1;
      } catch (err) {
        if (err instanceof PlayError) m.refusals.set(err.code, (m.refusals.get(err.code) ?? 0) + 1);
        else {
          m.errors += 1;
          if (m.errors <= 3) console.error(err);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: opts.shoppers }, (_, i) => shopper(i)));
  m.seconds = (performance.now() - started) / 1_000;
  const used = process.cpuUsage(cpu);
  m.cpuMs = (used.user + used.system) / 1_000;
  return m;
}

async function main() {
  log(`load average before: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} on ${os.cpus().length} CPUs`);
  const t = await createTestDatabase();
  let closePool: (() => Promise<void>) | undefined;
  try {
    const campaignId = await createCampaign(t.db);
    const pool = await openPostgres(t.url, { max: SHOPPERS, migrate: false });
    closePool = pool.close;
    log(`database ${new URL(t.url).pathname.slice(1)}, pool of ${SHOPPERS} connections`);

    log(`warm-up: ${WARMUP_SECONDS} s`);
    await measurePlays(pool.db, campaignId, { shoppers: SHOPPERS, seconds: WARMUP_SECONDS });
    log(`${SHOPPERS} shoppers playing back to back for ${DURATION} s`);
    const m = await measurePlays(pool.db, campaignId, { shoppers: SHOPPERS, seconds: DURATION });

    const sorted = [...m.latenciesMs].sort((a, b) => a - b);
    const p50 = percentile(sorted, 50);
    const p90 = percentile(sorted, 90);
    const p99 = percentile(sorted, 99);
    const table = await t.db
      .select({ label: prizes.label, wins: prizes.wins, inventory: prizes.inventory, value: prizes.valueAwardedMinor, budget: prizes.budgetValueMinor })
      .from(prizes)
      .where(eq(prizes.campaignId, campaignId))
      .orderBy(prizes.position);
    const [overLimit] = rowsOf<{ n: number }>(
      await t.db.execute(sql`
        SELECT count(*)::int AS n FROM playcart_prizes
        WHERE (inventory IS NOT NULL AND wins > inventory) OR (budget_value_minor IS NOT NULL AND value_awarded_minor > budget_value_minor)`),
    );

    console.log("");
    console.log(`Results (${SHOPPERS} concurrent shoppers, ${fmt(m.seconds)} s, play() on a pool of ${SHOPPERS}, loopback Postgres)`);
    console.log("");
    console.log(`  ${"plays".padStart(7)} ${"plays/s".padStart(8)} ${"p50 ms".padStart(8)} ${"p90 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"max ms".padStart(8)} ${"wins".padStart(6)} ${"errors".padStart(7)}`);
    console.log(
      `  ${String(sorted.length).padStart(7)} ${fmt(sorted.length / m.seconds).padStart(8)} ${fmt(p50).padStart(8)} ${fmt(p90).padStart(8)} ${fmt(p99).padStart(8)} ${fmt(sorted.at(-1) ?? NaN).padStart(8)} ${String(m.wins).padStart(6)} ${String(m.errors).padStart(7)}`,
    );
    console.log(`  node CPU per play: ${fmt(m.cpuMs / Math.max(1, sorted.length), 2)} ms (${fmt((m.cpuMs / 1_000 / m.seconds) * 100, 0)} % of one core)`);
    if (m.refusals.size > 0) console.log(`  refused: ${[...m.refusals].map(([k, v]) => `${k}: ${v}`).join(", ")}`);
    console.log(`  prizes (incl. warm-up): ${table.map((p) => `${p.label} ${p.wins}${p.inventory !== null ? `/${p.inventory}` : ""}`).join(", ")}`);

    const verdicts: Array<[string, boolean]> = [
      [`play p99 <= ${FLOORS.playP99Ms} ms (${fmt(p99)} ms)`, p99 <= FLOORS.playP99Ms],
      [`no play errors (${m.errors}) or refusals (${[...m.refusals.values()].reduce((a, b) => a + b, 0)})`, m.errors === 0 && m.refusals.size === 0],
      [`no prize over its inventory or budget (${overLimit.n})`, overLimit.n === 0],
    ];
    console.log("");
    for (const [label, ok] of verdicts) console.log(`  ${ok ? "PASS" : "FAIL"}  ${label}`);
    log(`load average after: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  } finally {
    await closePool?.().catch(() => {});
    await t.drop();
    log("database dropped");
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

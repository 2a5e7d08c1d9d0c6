// `npm run bench:play`: latency of a play at checkout on a real Postgres.
//
// A throwaway database gets a realistic live campaign (five prizes: limited inventories, a
// value budget, a daily cap, a consolation); then 20 shoppers play at once, for
// BENCH_DURATION seconds per path:
//   1. straight through `play()` on a pool of 20 connections (the core's own cost);
//   2. over HTTP against `next start` (needs a build: `npm run build`), through the JSON
//      route and through the checkout's server action, each request a new first-time shopper
//      with a session cookie and a cart, as a browser sends it.
// Each play is the whole server-side work: the allowance consumed, the draw, the prize
// claimed under its limits, the play and reward recorded, in one transaction. Then the
// checkout page's first-load JavaScript (gzip) with Playcart and with PLAYCART_ENGAGE=off.
// Not a test: it prints figures and PASS/FAIL against the floor, and exits 0 unless it broke.
//
// Env: DATABASE_URL (admin URL of the server; default postgres://postgres@127.0.0.1:5432/postgres),
// BENCH_DURATION (s, default 12), BENCH_SHOPPERS (default 20), BENCH_PORT (default 3290).
import { randomUUID } from "node:crypto";
import os from "node:os";
import { eq, sql } from "drizzle-orm";
import { PlayError, type PlayShopper, play, rowsOf } from "playcart";
import { campaigns, prizes } from "playcart/schema";
import { type Db, openPostgres } from "@/db/client";
import { seed } from "@/db/seed";
import { createTestDatabase } from "../test/support/pg";
import { checkoutFirstLoadJs } from "./checkout-js";
import { hasBuild, type NextServer, startNext } from "./next-server";
import { createSessions, measureHttpPlays, measureRequestFloor, playActionId } from "./play-http";

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
    {
      campaignId: campaign.id,
      position: 0,
      label: "10% off",
      weight: 10,
      rewardType: "percent_off",
      rewardValue: 10,
      maxDiscountMinor: 2_000,
      costMinor: 500,
      inventory: 400,
    },
    {
      campaignId: campaign.id,
      position: 1,
      label: "$5 off",
      weight: 15,
      rewardType: "amount_off",
      rewardValue: 500,
      costMinor: 500,
      budgetValueMinor: 150_000,
    },
    {
      campaignId: campaign.id,
      position: 2,
      label: "Free pastry",
      weight: 10,
      rewardType: "free_product",
      rewardValue: 0,
      productRef: "butter-croissant",
      costMinor: 150,
      dailyCap: 300,
    },
    {
      campaignId: campaign.id,
      position: 3,
      label: "50 bonus stars",
      weight: 20,
      rewardType: "bonus_points",
      rewardValue: 50,
    },
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
export async function measurePlays(
  db: Db,
  campaignId: string,
  opts: { shoppers: number; seconds: number },
): Promise<PlayMeasurement> {
  const run = randomUUID().slice(0, 8);
  const m: PlayMeasurement = {
    shoppers: opts.shoppers,
    seconds: 0,
    latenciesMs: [],
    wins: 0,
    refusals: new Map(),
    errors: 0,
    cpuMs: 0,
  };
  const cpu = process.cpuUsage();
  const started = performance.now();
  const deadline = started + opts.seconds * 1_000;
  const now = () => new Date();
  const shopper = async (i: number) => {
    const who: PlayShopper = {
      email: `bench-${run}-${i}@example.test`,
      deviceId: `dev-${run}-${i}`,
      sessionRef: `sess-${run}-${i}`,
    };
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

type Row = {
  label: string;
  latenciesMs: number[];
  seconds: number;
  errors: number;
  refused: number;
  cpuMsPerPlay: number;
  cpuLabel: string;
};

function summarise(row: Row) {
  const sorted = [...row.latenciesMs].sort((a, b) => a - b);
  return { ...row, sorted, p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99) };
}

function printTable(rows: ReturnType<typeof summarise>[]) {
  console.log(
    `  ${"path".padEnd(34)} ${"plays".padStart(6)} ${"plays/s".padStart(8)} ${"p50 ms".padStart(7)} ${"p90 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"max ms".padStart(7)} ${"CPU/play".padStart(9)} ${"refused".padStart(7)} ${"errors".padStart(6)}`,
  );
  for (const r of rows) {
    console.log(
      `  ${r.label.padEnd(34)} ${String(r.sorted.length).padStart(6)} ${fmt(r.sorted.length / r.seconds).padStart(8)} ${fmt(r.p50).padStart(7)} ${fmt(r.p90).padStart(7)} ${fmt(r.p99).padStart(7)} ${fmt(r.sorted.at(-1) ?? NaN).padStart(7)} ${`${fmt(r.cpuMsPerPlay, 2)} ms`.padStart(9)} ${String(r.refused).padStart(7)} ${String(r.errors).padStart(6)}`,
    );
  }
  console.log(`  CPU/play: ${rows.map((r) => `${r.label}: ${r.cpuLabel}`).join("; ")}`);
}

const BENCH_PORT = Number(process.env.BENCH_PORT ?? 3290);
const JS_FLOOR_BYTES = 15 * 1024;

async function main() {
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ");
  log(`load average before: ${load()} on ${os.cpus().length} CPUs`);
  const t = await createTestDatabase();
  let closePool: (() => Promise<void>) | undefined;
  let server: NextServer | undefined;
  try {
    const campaignId = await createCampaign(t.db);
    const pool = await openPostgres(t.url, { max: SHOPPERS, migrate: false });
    closePool = pool.close;
    log(`database ${new URL(t.url).pathname.slice(1)}, pool of ${SHOPPERS} connections`);

    log(`in process: warm-up ${WARMUP_SECONDS} s, then ${SHOPPERS} shoppers playing back to back for ${DURATION} s`);
    await measurePlays(pool.db, campaignId, { shoppers: SHOPPERS, seconds: WARMUP_SECONDS });
    const m = await measurePlays(pool.db, campaignId, { shoppers: SHOPPERS, seconds: DURATION });
    const rows = [
      summarise({
        label: "play() in process (pool of 20)",
        latenciesMs: m.latenciesMs,
        seconds: m.seconds,
        errors: m.errors,
        refused: [...m.refusals.values()].reduce((a, b) => a + b, 0),
        cpuMsPerPlay: m.cpuMs / Math.max(1, m.latenciesMs.length),
        cpuLabel: "this process (driver + ORM + core)",
      }),
    ];
    log(`load average after the in-process run: ${load()}`);

    let js: { on: number; off: number; chunksOn: number; chunksOff: number } | null = null;
    let floor: { requests: number; cpuMsPerRequest: number } | null = null;
    if (!hasBuild()) {
      log("no .next build: run `npm run build` first to measure plays over HTTP and the checkout's JavaScript");
    } else {
      await seed(t.db); // products for the carts, and the demo campaigns a checkout offers
      const perRun = Math.ceil(SHOPPERS * DURATION * 60);
      const sessions = await createSessions(t.db, perRun * 2 + SHOPPERS * WARMUP_SECONDS * 60 + 2);
      const take = (n: number) => sessions.splice(0, n);
      server = await startNext({ databaseUrl: t.url, port: BENCH_PORT });
      const running = server;
      log(`next start on :${BENCH_PORT} against the same database`);
      const actionId = playActionId();
      const http = async (label: string, via: Parameters<typeof measureHttpPlays>[1]) => {
        await measureHttpPlays(running.url, via, campaignId, take(SHOPPERS * WARMUP_SECONDS * 30), {
          shoppers: SHOPPERS,
          seconds: WARMUP_SECONDS,
          serverCpuMs: running.cpuMs,
        });
        const h = await measureHttpPlays(running.url, via, campaignId, take(perRun), {
          shoppers: SHOPPERS,
          seconds: DURATION,
          serverCpuMs: running.cpuMs,
        });
        return summarise({
          label,
          latenciesMs: h.latenciesMs,
          seconds: h.seconds,
          errors: h.errors,
          refused: [...h.refused.values()].reduce((a, b) => a + b, 0),
          cpuMsPerPlay: h.serverCpuMs / Math.max(1, h.latenciesMs.length),
          cpuLabel: `next server process (${label.startsWith("POST /api") ? "route" : "action"})`,
        });
      };
      log(
        `over HTTP: ${SHOPPERS} first-time shoppers in flight, each request a new shopper with a cart, ${DURATION} s per path`,
      );
      rows.push(await http("POST /api/playcart/play (route)", { kind: "route" }));
      log(`load average after the route run: ${load()}`);
      rows.push(await http("POST /checkout (server action)", { kind: "action", actionId }));
      log(`load average after the action run: ${load()}`);
      floor = await measureRequestFloor(running.url, {
        shoppers: SHOPPERS,
        seconds: Math.max(2, DURATION / 2),
        serverCpuMs: running.cpuMs,
      });
      log(`load average after the request-floor run: ${load()}`);

      const [onSession, offSession] = take(2);
      const on = await checkoutFirstLoadJs(running.url, onSession);
      await running.stop();
      server = await startNext({ databaseUrl: t.url, port: BENCH_PORT, env: { PLAYCART_ENGAGE: "off" } });
      const off = await checkoutFirstLoadJs(server.url, offSession);
      js = { on: on.gzipBytes, off: off.gzipBytes, chunksOn: on.chunks, chunksOff: off.chunks };
    }

    console.log("");
    console.log(
      `Results (${SHOPPERS} concurrent shoppers, ${DURATION} s per path, loopback Postgres, ${os.cpus().length} CPUs shared with other work)`,
    );
    console.log("");
    printTable(rows);
    const table = await t.db
      .select({ label: prizes.label, wins: prizes.wins, inventory: prizes.inventory })
      .from(prizes)
      .where(eq(prizes.campaignId, campaignId))
      .orderBy(prizes.position);
    if (floor)
      console.log(
        `  next start's own floor: ${fmt(floor.cpuMsPerRequest, 2)} ms server CPU per request (GET /api/health, one query, ${floor.requests} requests, ${SHOPPERS} in flight)`,
      );
    console.log(
      `  prizes (incl. warm-ups): ${table.map((p) => `${p.label} ${p.wins}${p.inventory !== null ? `/${p.inventory}` : ""}`).join(", ")}`,
    );
    const [overLimit] = rowsOf<{ n: number }>(
      await t.db.execute(sql`
        SELECT count(*)::int AS n FROM playcart_prizes
        WHERE (inventory IS NOT NULL AND wins > inventory) OR (budget_value_minor IS NOT NULL AND value_awarded_minor > budget_value_minor)`),
    );
    if (js) {
      const kb = (b: number) => `${fmt(b / 1024)} kB`;
      console.log("");
      console.log(
        `  checkout first-load JS (gzip): with Playcart ${kb(js.on)} (${js.chunksOn} chunks), PLAYCART_ENGAGE=off ${kb(js.off)} (${js.chunksOff} chunks), difference ${kb(js.on - js.off)}`,
      );
    }

    const verdicts: Array<[string, boolean]> = rows.map((r) => [
      `${r.label}: p99 <= ${FLOORS.playP99Ms} ms (${fmt(r.p99)} ms)`,
      r.p99 <= FLOORS.playP99Ms,
    ]);
    verdicts.push([
      `no play errors or refusals (${rows.map((r) => r.errors + r.refused).join(", ")})`,
      rows.every((r) => r.errors === 0 && r.refused === 0),
    ]);
    verdicts.push([`no prize over its inventory or budget (${overLimit.n})`, overLimit.n === 0]);
    if (js)
      verdicts.push([
        `checkout JS added by Playcart <= 15 kB (${fmt((js.on - js.off) / 1024)} kB)`,
        js.on - js.off <= JS_FLOOR_BYTES,
      ]);
    console.log("");
    for (const [label, ok] of verdicts) console.log(`  ${ok ? "PASS" : "FAIL"}  ${label}`);
    log(`load average after: ${load()}`);
  } finally {
    await server?.stop().catch(() => {});
    await closePool?.().catch(() => {});
    await t.drop();
    log("database dropped");
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

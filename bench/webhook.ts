// `npm run bench:webhook`: what Stripe's webhook deliveries cost a store, on a real
// `next start` and a throwaway Postgres database.
//
// POST /api/stripe/webhook is a Pages API route; its floor is the health check on the same
// router, GET /api/health/pages (one `select 1` through the app's db client). Every webhook
// request is a distinct, freshly signed checkout.session.completed for a distinct pending
// order (bench/webhook-events.ts). On one server:
//   1. capacity of each: closed loops (BENCH_CONCURRENCY requests in flight), the two in
//      alternating slices so that the machine's drift weighs on both alike;
//   2. open loop at BENCH_LOAD (default half) the webhook's capacity, both at that rate in
//      alternating slices, BENCH_DURATION seconds each: Poisson arrivals, each sent when due
//      whatever is still in flight, latency timed from when it was due;
//   3. CPU per request of the `next start` process tree and of its own Postgres backends
//      (found by application_name in pg_stat_activity, read from /proc by pid);
//   4. from the database: every event applied exactly once.
// Not a test: it prints figures and PASS/FAIL against the floors, and exits 0 unless it broke
// (BENCH_STRICT=1: non-zero on a failed floor too).
//
// Env: DATABASE_URL (admin URL of the server; default postgres://postgres@127.0.0.1:5432/postgres),
// BENCH_DURATION (s of open loop per endpoint, default 20), BENCH_SLICES (default 4),
// BENCH_CAPACITY_SECONDS (of each, default 8), BENCH_CAPACITY_SLICES (default 4), BENCH_CONCURRENCY (default 16), BENCH_LOAD (default 0.5),
// BENCH_ARRIVALS (poisson | fixed), BENCH_SEED (default 1), BENCH_ORDERS (default 40000),
// NEXT_DIST_DIR (build to use; built first if missing), BENCH_REBUILD=1 (build even if present),
// BENCH_PROFILE=<dir> (write a V8 CPU profile of the server for each open-loop webhook slice there).
import { existsSync, mkdirSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { processPendingEvents, reconcile, rowsOf } from "playcart";
import { seed } from "@/db/seed";
import { adminUrl, createTestDatabase } from "../test/support/pg";
import { distDir, ensureBuild, repoRoot, startServer, type TestServer } from "../test/support/server";
import { alternate, alternateCapacity } from "./compare";
import { closeConnections } from "./http-client";
import { type Arrivals, closedLoop, percentile, seededRandom } from "./load";
import { PgBackends, withApplicationName } from "./pg-backends";
import { CpuMeter, loadAverage1, processTree } from "./proc";
import {
  appCpuPerRequest,
  fmt,
  loadOf,
  log,
  otherNon2xx,
  printCpu,
  printLatency,
  serverErrors,
  sliceCapacityRatios,
  sliceCosts,
  sliceRatios,
  Verdicts,
} from "./report";
import { createPendingOrders, Deliveries, pagesHealthSend } from "./webhook-events";

const DURATION = Number(process.env.BENCH_DURATION ?? 20);
const SLICES = Number(process.env.BENCH_SLICES ?? 4);
const CAPACITY_SECONDS = Number(process.env.BENCH_CAPACITY_SECONDS ?? 8);
const CAPACITY_SLICES = Number(process.env.BENCH_CAPACITY_SLICES ?? 4);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const LOAD = Number(process.env.BENCH_LOAD ?? 0.5);
const ARRIVALS: Arrivals = process.env.BENCH_ARRIVALS === "fixed" ? "fixed" : "poisson";
const random = seededRandom(Number(process.env.BENCH_SEED ?? 1));
const ORDERS = Number(process.env.BENCH_ORDERS ?? 40_000);
const WARMUP_SECONDS = 3;
const SWEEP_SAMPLE = Number(process.env.BENCH_SWEEP_SAMPLE ?? 1_000);
const SERVER_APP = "playcart-bench-server";
// Deliveries signed ahead of a closed-loop run: more than the server completes a second.
const CLOSED_LOOP_PER_SECOND = 2_000;

const FLOORS = { capacityRatio: 0.5, p99Ms: 100 };
const PROFILE_DIR = process.env.BENCH_PROFILE ? path.resolve(process.env.BENCH_PROFILE) : undefined;

async function main() {
  const buildId = path.join(repoRoot, distDir(), "BUILD_ID");
  if (process.env.BENCH_REBUILD === "1" || !existsSync(buildId)) {
    ensureBuild({ force: true });
  } else {
    log(
      `reusing the build in ${distDir()}/ from ${statSync(buildId).mtime.toISOString()} (BENCH_REBUILD=1 to rebuild)`,
    );
  }
  log(`load average before: ${fmt(loadAverage1(), 2)} (1 min) on ${os.cpus().length} CPUs`);

  const t = await createTestDatabase();
  const database = new URL(t.url).pathname.slice(1);
  const backends = new PgBackends(adminUrl());
  let server: TestServer | undefined;
  try {
    await seed(t.db);
    const started = Date.now();
    const orders = await createPendingOrders(t.db, ORDERS);
    log(`created ${orders.length} pending orders in ${Date.now() - started} ms`);
    // The setup's own writes (tens of thousands of rows) must not be flushed, vacuumed or
    // analysed by Postgres in the middle of the measured load: do it all now.
    await t.db.execute(sql`VACUUM ANALYZE`);
    await t.db.execute(sql`CHECKPOINT`);

    if (PROFILE_DIR) {
      mkdirSync(PROFILE_DIR, { recursive: true });
      log(
        `profiling the server's webhook slices into ${PROFILE_DIR}: the profiler slows it, so these figures are not the benchmark's`,
      );
    }
    const profiling = PROFILE_DIR
      ? {
          NODE_OPTIONS: `--require ${path.join(repoRoot, "bench", "cpu-profile-on-signal.cjs")}`,
          PLAYCART_CPU_PROFILE_DIR: PROFILE_DIR,
          PLAYCART_CPU_PROFILE_NAME: "webhook",
        }
      : {};
    server = await startServer({
      databaseUrl: withApplicationName(t.url, SERVER_APP),
      env: profiling,
      logs: Boolean(PROFILE_DIR),
    });
    const running = server;
    log(`next start on ${running.url} (pid ${running.pid}), database ${database}, its connections named ${SERVER_APP}`);
    const meters = {
      server: new CpuMeter(() => processTree(running.pid)),
      postgres: new CpuMeter(backends.of(database, SERVER_APP)),
    };

    const deliveries = new Deliveries(orders);
    const webhook = deliveries.send(running.url);
    const health = pagesHealthSend(running.url);
    log(`warm-up: ${WARMUP_SECONDS} s of each`);
    deliveries.prepare(WARMUP_SECONDS * CLOSED_LOOP_PER_SECOND);
    await closedLoop(health, { concurrency: CONCURRENCY, seconds: WARMUP_SECONDS });
    await closedLoop(webhook, { concurrency: CONCURRENCY, seconds: WARMUP_SECONDS });

    log(`capacity: ${CAPACITY_SECONDS} s of each in ${CAPACITY_SLICES} alternating slices, ${CONCURRENCY} in flight`);
    deliveries.prepare(CAPACITY_SECONDS * CLOSED_LOOP_PER_SECOND);
    const [healthCapacity, webhookCapacity] = await alternateCapacity(
      [
        { label: "GET /api/health/pages (health)", send: health },
        { label: "POST /api/stripe/webhook", send: webhook },
      ],
      { concurrency: CONCURRENCY, seconds: CAPACITY_SECONDS, slices: CAPACITY_SLICES, meters },
    );
    const rate = webhookCapacity.rate * LOAD;
    deliveries.prepare(Math.ceil(rate * DURATION * 1.5) + 100);
    log(
      `open loop: ${ARRIVALS} arrivals at ${fmt(rate)}/s (${LOAD} x the webhook's ${fmt(webhookCapacity.rate)}/s), ${DURATION} s of each in ${SLICES} alternating slices`,
    );
    // `next start` serves from the process it was spawned as (the group leader).
    const profile = PROFILE_DIR ? () => process.kill(running.pid, "SIGUSR2") : undefined;
    const [h, w] = await alternate(
      [
        { label: "GET /api/health/pages (health)", send: health },
        { label: "POST /api/stripe/webhook", send: webhook, around: profile },
      ],
      { rate, seconds: DURATION, slices: SLICES, arrivals: ARRIVALS, random, meters },
    );

    // Duplicate effects: judged from the database, not from the responses.
    const [dup] = rowsOf<{
      multi_earn: number;
      multi_rows: number;
      multi_fulfil: number;
      earn: number;
      paid: number;
      events: number;
    }>(
      await t.db.execute(sql`
        SELECT
          (SELECT count(*) FROM (SELECT order_ref FROM playcart_ledger_entries WHERE kind = 'earn'
             GROUP BY order_ref HAVING count(*) > 1) x)::int AS multi_earn,
          (SELECT count(*) FROM (SELECT id FROM stripe_events GROUP BY id HAVING count(*) > 1) x)::int AS multi_rows,
          (SELECT count(*) FROM (SELECT order_id FROM stripe_events WHERE outcome = 'fulfilled'
             GROUP BY order_id HAVING count(*) > 1) x)::int AS multi_fulfil,
          (SELECT count(*) FROM playcart_ledger_entries WHERE kind = 'earn')::int AS earn,
          (SELECT count(*) FROM orders WHERE status = 'paid')::int AS paid,
          (SELECT count(*) FROM stripe_events)::int AS events`),
    );
    const { mismatches } = await reconcile(t.db);

    // The rules engine's share of a payment runs in the scheduled sweep, not in the webhook:
    // sweep up to SWEEP_SAMPLE of the backlog the load left, in one process, to show its cost.
    const [{ pending }] = rowsOf<{ pending: number }>(
      await t.db.execute(sql`SELECT count(*)::int AS pending FROM playcart_events WHERE processed_at IS NULL`),
    );
    const sweepStarted = performance.now();
    const cpuStarted = process.cpuUsage();
    let swept = 0;
    while (swept < SWEEP_SAMPLE) {
      const batch = await processPendingEvents(t.db, {
        now: new Date(),
        timeZone: "UTC",
        limit: Math.min(500, SWEEP_SAMPLE - swept),
      });
      swept += batch.length;
      if (batch.length === 0) break;
    }
    const sweepSeconds = (performance.now() - sweepStarted) / 1000;
    const sweepCpu = process.cpuUsage(cpuStarted);

    console.log("");
    console.log(
      `Results: ${os.cpus().length} CPUs shared with other work, loopback Postgres, ${ORDERS} pre-created orders; load = 1-minute load average during each run`,
    );
    console.log("");
    const capacities = [healthCapacity, webhookCapacity];
    printLatency(capacities, `Capacity: closed loop, ${CONCURRENCY} in flight, ${CAPACITY_SECONDS} s each`);
    console.log("");
    printLatency(
      [w, h],
      `Open loop: ${ARRIVALS} arrivals at ${LOAD} x the webhook's capacity, ${DURATION} s each in ${SLICES} alternating slices; latency from each request's scheduled send`,
    );
    console.log("");
    console.log(
      "  CPU per request, ms: server = the `next start` process tree, postgres = its own backends (by pid from pg_stat_activity; not the WAL writer, checkpointer or autovacuum), client = this load generator",
    );
    printCpu(capacities, "at capacity (closed loop)");
    printCpu([w, h], "in the open loop");
    console.log(
      "  floor: GET /api/health/pages, a Pages API route (the webhook's router), one `select 1` through the app's db client (lib/health.ts)",
    );
    console.log(
      `  webhook responses (incl. warm-up): ${[...deliveries.outcomes].map(([k, v]) => `${k}: ${v}`).join(", ")}`,
    );
    console.log(
      `  webhook events sent: ${deliveries.sent}; stripe_events rows: ${dup.events}; paid orders: ${dup.paid}; earn entries: ${dup.earn}`,
    );
    console.log(
      `  rules engine (scheduled sweep, not in the webhook): ${pending} pending events after the load; one sweep processed ${swept} of them in ${fmt(sweepSeconds)} s ` +
        `(${fmt(swept / Math.max(sweepSeconds, 0.001), 0)} events/s, ${fmt((sweepCpu.user + sweepCpu.system) / 1000 / Math.max(swept, 1), 2)} ms Node CPU each)`,
    );
    console.log(
      `  duplicate effects: orders with >1 earn entry: ${dup.multi_earn}; event ids with >1 row: ${dup.multi_rows}; ` +
        `orders fulfilled by >1 event: ${dup.multi_fulfil}; reconcile mismatches: ${mismatches.length}`,
    );
    // Every delivery sent was answered (the open loop waits for each); each answered
    // "applied" has its row, and each row paid exactly one order and earned once.
    const answered = [...deliveries.outcomes]
      .filter(([k]) => k.startsWith("200 applied"))
      .reduce((n, [, v]) => n + v, 0);
    const rows = Number(dup.events);
    const consistent =
      rows >= answered && rows <= deliveries.sent && Number(dup.paid) === rows && Number(dup.earn) === rows;
    console.log(
      `  applied exactly once (rows = paid orders = earn entries, between answered and sent): ${consistent ? "yes" : "NO"}`,
    );

    const capacityRatio = webhookCapacity.rate / healthCapacity.rate;
    const cpuRatio = appCpuPerRequest(w) / appCpuPerRequest(h);
    const p99 = (xs: number[]) =>
      percentile(
        [...xs].sort((a, b) => a - b),
        99,
      );
    console.log(
      `  webhook / health: server + Postgres CPU per request ${fmt(appCpuPerRequest(w), 2)} / ${fmt(appCpuPerRequest(h), 2)} ms = ${fmt(cpuRatio, 2)}, slice by slice ${sliceRatios(w, h)} (load ${fmt((loadOf(w) + loadOf(h)) / 2, 2)})`,
    );
    console.log(`    slice by slice, webhook / health, server + Postgres CPU per request (ms): ${sliceCosts(w, h)}`);
    const duplicates = Number(dup.multi_earn) + Number(dup.multi_rows) + Number(dup.multi_fulfil) + mismatches.length;
    const failures = serverErrors(webhookCapacity) + serverErrors(w) + w.tally.errors;
    const verdicts = new Verdicts();
    verdicts.add(
      `webhook capacity >= ${FLOORS.capacityRatio} x health's (${fmt(webhookCapacity.rate)} / ${fmt(healthCapacity.rate)} req/s = ${fmt(capacityRatio, 2)}; slice by slice ${sliceCapacityRatios(webhookCapacity, healthCapacity)})`,
      capacityRatio >= FLOORS.capacityRatio,
      (loadOf(webhookCapacity) + loadOf(healthCapacity)) / 2,
    );
    verdicts.add(
      `webhook p99 at ${LOAD} x capacity (${fmt(rate)}/s) <= ${FLOORS.p99Ms} ms (${fmt(p99(w.tally.latenciesMs))} ms)`,
      p99(w.tally.latenciesMs) <= FLOORS.p99Ms,
      loadOf(w),
    );
    verdicts.add(
      `webhook: zero 5xx or unanswered (5xx: ${serverErrors(webhookCapacity)} at capacity, ${serverErrors(w)} in the open loop; ${w.tally.errors} unanswered)`,
      failures === 0,
      loadOf(w),
    );
    verdicts.add(`webhook: no other non-2xx (${otherNon2xx(w)})`, otherNon2xx(w) === "0", loadOf(w));
    verdicts.add(`zero duplicate effects (${duplicates})`, duplicates === 0 && consistent, loadAverage1());
    console.log("");
    verdicts.print();
    log(`load average after: ${fmt(loadAverage1(), 2)}`);
    process.exitCode = verdicts.exitCode();
  } finally {
    await server?.stop();
    closeConnections();
    await backends.close().catch(() => {});
    await t.drop();
    log("server stopped, database dropped");
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

// `npm run bench:play`: what a play at checkout costs a store, on a real Postgres.
//
// A throwaway database gets a realistic live campaign; each play is a new first-time shopper
// with a cart, the whole server-side work (the allowance consumed, the draw, the prize claimed
// under its limits, the play and reward recorded). For each path:
//   1. capacity: a short closed-loop run (BENCH_CONCURRENCY plays in flight, back to back)
//      gives the plays a second this machine completes;
//   2. open loop at BENCH_LOAD (default half) that capacity for BENCH_DURATION seconds:
//      plays arrive on a Poisson schedule (BENCH_ARRIVALS=fixed for even gaps), each sent when
//      due whatever is still in flight, its latency timed from when it was due;
//   3. beside it, at the same rate, in alternating slices on the same server: a health request
//      of the same router type and method, a POST as a play is (one `select 1` through the
//      app's db client, lib/health.ts), which is the floor; for the route, also the GET;
//   4. CPU per request of the `next start` process tree and of its own Postgres backends
//      (found by application_name in pg_stat_activity, read from /proc by pid).
// Paths: `play()` in this process (no HTTP), the JSON route POST /api/playcart/play (App Router
// route handler; floor POST /api/health with a body shaped and sized as a play's, GET
// /api/health printed beside it: Next reads a POST's body through a web stream, CPU a GET never
// spends and none of it Playcart's) and the checkout's server action (POST /checkout; floor the
// server action at /health/action, a POST too). HTTP needs a build (`npm run build`). What the
// checkout's JavaScript weighs with and without Playcart is bench:checkout's (every script the
// page fetches, its lazily loaded chunks included).
// Not a test: it prints figures and PASS/FAIL against the floors, and exits 0 unless it broke
// (BENCH_STRICT=1: non-zero on a failed floor too).
//
// Env: DATABASE_URL (admin URL of the server; default postgres://postgres@127.0.0.1:5432/postgres),
// BENCH_DURATION (s of open loop per load, default 12), BENCH_SLICES (default 3),
// BENCH_CAPACITY_SECONDS (default 5), BENCH_CONCURRENCY (default 16), BENCH_LOAD (default 0.5),
// BENCH_ARRIVALS (poisson | fixed), BENCH_SEED (default 1), BENCH_PORT (default 3290),
// BENCH_PROFILE=<dir> (write a V8 CPU profile of the server for each open-loop play slice there).
import { mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { rowsOf, withPrizeTallies } from "playcart";
import { prizes } from "playcart/schema";
import { openPostgres, POOL_MAX } from "@/db/client";
import { seed } from "@/db/seed";
import { adminUrl, createTestDatabase } from "../test/support/pg";
import { alternate, capacity, type Row } from "./compare";
import { closeConnections } from "./http-client";
import { type Arrivals, closedLoop, percentile, type Send, seededRandom } from "./load";
import { hasBuild, type NextServer, startNext } from "./next-server";
import { PgBackends, withApplicationName } from "./pg-backends";
import { createCampaign } from "./play-campaign";
import {
  actionHealthSend,
  actionId,
  playSend,
  routeHealthSend,
  routePostHealthSend,
  Sessions,
  type Via,
} from "./play-http";
import { inProcessSend } from "./play-in-process";
import { CpuMeter, loadAverage1, processTree } from "./proc";
import {
  appCpuPerRequest,
  fmt,
  loadOf,
  log,
  printCpu,
  printLatency,
  serverErrors,
  sliceCosts,
  sliceRatios,
  Verdicts,
} from "./report";

const DURATION = Number(process.env.BENCH_DURATION ?? 12);
const SLICES = Number(process.env.BENCH_SLICES ?? 3);
const CAPACITY_SECONDS = Number(process.env.BENCH_CAPACITY_SECONDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const LOAD = Number(process.env.BENCH_LOAD ?? 0.5);
const ARRIVALS: Arrivals = process.env.BENCH_ARRIVALS === "fixed" ? "fixed" : "poisson";
const random = seededRandom(Number(process.env.BENCH_SEED ?? 1));
const BENCH_PORT = Number(process.env.BENCH_PORT ?? 3290);
const PROFILE_DIR = process.env.BENCH_PROFILE ? path.resolve(process.env.BENCH_PROFILE) : undefined;
const WARMUP_SECONDS = 2;
// As many connections as the app's own pool (db/client.ts, DATABASE_POOL_MAX), for the in-process path.
const IN_PROCESS_POOL = Number(process.env.DATABASE_POOL_MAX ?? POOL_MAX);
// The application_name each side's Postgres connections announce, to find their backends.
const SERVER_APP = "playcart-bench-server";
const IN_PROCESS_APP = "playcart-bench-in-process";
// Sessions for the closed-loop runs: more than any server here completes a second.
const CLOSED_LOOP_PLAYS_PER_SECOND = 1_000;

const FLOORS = { cpuRatio: 2.0, p99Ms: 100 };

/** `health` is the floor; `reference`, another health request printed beside it for comparison. */
type Pair = { capacity: Row; play: Row; health: Row; healthNote: string; reference?: { row: Row; note: string } };
/** A health request: what the table calls it, what it does, how to send it. */
type Health = { label: string; note: string; send: Send };

const p99 = (row: Row) =>
  percentile(
    [...row.tally.latenciesMs].sort((a, b) => a - b),
    99,
  );

async function main() {
  log(`load average before: ${fmt(loadAverage1(), 2)} (1 min) on ${os.cpus().length} CPUs`);
  const t = await createTestDatabase();
  const database = new URL(t.url).pathname.slice(1);
  const backends = new PgBackends(adminUrl());
  let server: NextServer | undefined;
  try {
    const campaignId = await createCampaign(t.db);
    log(`database ${database}; ${ARRIVALS} arrivals at ${LOAD} x capacity, ${DURATION} s per load`);

    // 1. In process: this process stands in for the server.
    const pool = await openPostgres(withApplicationName(t.url, IN_PROCESS_APP), {
      max: IN_PROCESS_POOL,
      migrate: false,
    });
    let inProcess: { capacity: Row; open: Row };
    try {
      const meters = {
        server: new CpuMeter(() => [process.pid]),
        postgres: new CpuMeter(backends.of(database, IN_PROCESS_APP)),
      };
      const send = inProcessSend(pool.db, campaignId);
      log(`in process: warm-up ${WARMUP_SECONDS} s, capacity ${CAPACITY_SECONDS} s (${CONCURRENCY} in flight)`);
      await closedLoop(send, { concurrency: CONCURRENCY, seconds: WARMUP_SECONDS });
      const cap = await capacity("play() in process", send, {
        concurrency: CONCURRENCY,
        seconds: CAPACITY_SECONDS,
        meters,
      });
      log(`in process: ${fmt(cap.rate)} plays/s; open loop at ${fmt(cap.rate * LOAD)}/s (load ${fmt(loadOf(cap), 2)})`);
      const [open] = await alternate([{ label: "play() in process", send }], {
        rate: cap.rate * LOAD,
        seconds: DURATION,
        slices: 1,
        arrivals: ARRIVALS,
        random,
        meters,
      });
      inProcess = { capacity: cap, open };
    } finally {
      await pool.close();
    }

    // 2. Over HTTP, against `next start` on the same database.
    const pairs: Array<{ label: string; pair: Pair }> = [];
    if (!hasBuild()) {
      log("no .next build: run `npm run build` first to measure plays over HTTP");
    } else {
      await seed(t.db); // products for the carts, and the demo campaigns a checkout offers
      if (PROFILE_DIR) {
        mkdirSync(PROFILE_DIR, { recursive: true });
        log(
          `profiling the server's play slices into ${PROFILE_DIR}: the profiler slows it, so these figures are not the benchmark's`,
        );
      }
      server = await startNext({
        databaseUrl: withApplicationName(t.url, SERVER_APP),
        port: BENCH_PORT,
        env: PROFILE_DIR
          ? {
              NODE_OPTIONS: `--require ${path.join(__dirname, "cpu-profile-on-signal.cjs")}`,
              PLAYCART_CPU_PROFILE_DIR: PROFILE_DIR,
              PLAYCART_CPU_PROFILE_NAME: "play",
            }
          : undefined,
      });
      const running = server;
      // `next start` serves from the process it was spawned as.
      const profile = PROFILE_DIR ? () => process.kill(running.pid, "SIGUSR2") : undefined;
      log(`next start on :${BENCH_PORT} (pid ${running.pid}), its connections named ${SERVER_APP}`);
      const meters = {
        server: new CpuMeter(() => processTree(running.pid)),
        postgres: new CpuMeter(backends.of(database, SERVER_APP)),
      };
      // The sessions just written (tens of thousands of rows) must not be flushed, vacuumed or
      // analysed by Postgres in the middle of a measured load: do it all before.
      const settle = async (db: typeof t.db) => {
        await db.execute(sql`VACUUM ANALYZE`);
        await db.execute(sql`CHECKPOINT`);
      };
      const measurePair = async (label: string, via: Via, health: Health, reference?: Health): Promise<Pair> => {
        const closed = await Sessions.create(t.db, (WARMUP_SECONDS + CAPACITY_SECONDS) * CLOSED_LOOP_PLAYS_PER_SECOND);
        await settle(t.db);
        const plays = playSend(running.url, via, campaignId, closed);
        log(`${label}: warm-up ${WARMUP_SECONDS} s of each, capacity ${CAPACITY_SECONDS} s (${CONCURRENCY} in flight)`);
        for (const h of [health, ...(reference ? [reference] : [])])
          await closedLoop(h.send, { concurrency: CONCURRENCY, seconds: WARMUP_SECONDS });
        await closedLoop(plays, { concurrency: CONCURRENCY, seconds: WARMUP_SECONDS });
        const cap = await capacity(label, plays, { concurrency: CONCURRENCY, seconds: CAPACITY_SECONDS, meters });
        const rate = cap.rate * LOAD;
        // Poisson arrivals vary around the mean: room for a run well above it.
        const open = await Sessions.create(t.db, Math.ceil(rate * DURATION * 1.5) + 100);
        await settle(t.db);
        log(
          `${label}: ${fmt(cap.rate)} plays/s (load ${fmt(loadOf(cap), 2)}); open loop at ${fmt(rate)}/s beside ${health.label}, ${SLICES} slices`,
        );
        const [healthRow, playRow, referenceRow] = await alternate(
          [
            { label: health.label, send: health.send },
            { label, send: playSend(running.url, via, campaignId, open), around: profile },
            ...(reference ? [{ label: reference.label, send: reference.send }] : []),
          ],
          { rate, seconds: DURATION, slices: SLICES, arrivals: ARRIVALS, random, meters },
        );
        return {
          capacity: cap,
          play: playRow,
          health: healthRow,
          healthNote: `${health.label}: ${health.note}`,
          reference: reference && { row: referenceRow, note: `${reference.label}: ${reference.note}` },
        };
      };

      pairs.push({
        label: "route",
        pair: await measurePair(
          "POST /api/playcart/play (route)",
          { kind: "route" },
          {
            label: "POST /api/health (route, health)",
            note: "the App Router route handler of GET /api/health, posted a JSON body shaped and sized as a play's: Next reads it, then one `select 1` through the app's db client (lib/health.ts)",
            send: routePostHealthSend(running.url, campaignId),
          },
          {
            label: "GET /api/health (route, health)",
            note: "the same handler's GET, with no body to read",
            send: routeHealthSend(running.url),
          },
        ),
      });
      pairs.push({
        label: "action",
        pair: await measurePair(
          "POST /checkout (server action)",
          { kind: "action", actionId: actionId("playGameAction") },
          {
            label: "POST /health/action (action, health)",
            note: "a server action on a page of its own, one `select 1` through the app's db client (lib/health.ts)",
            send: actionHealthSend(running.url, actionId("healthProbeAction")),
          },
        ),
      });
    }

    console.log("");
    console.log(
      `Results: ${os.cpus().length} CPUs shared with other work, loopback Postgres; load = 1-minute load average during each run`,
    );
    console.log("");
    const capacities = [inProcess.capacity, ...pairs.map((p) => p.pair.capacity)];
    const open = [
      inProcess.open,
      ...pairs.flatMap((p) => [p.pair.play, p.pair.health, ...(p.pair.reference ? [p.pair.reference.row] : [])]),
    ];
    printLatency(capacities, `Capacity: closed loop, ${CONCURRENCY} in flight, ${CAPACITY_SECONDS} s`);
    console.log("");
    printLatency(
      open,
      `Open loop: ${ARRIVALS} arrivals at ${LOAD} x each path's capacity, ${DURATION} s each (${SLICES} alternating slices over HTTP); latency from each request's scheduled send`,
    );
    console.log("");
    console.log(
      "  CPU per request, ms: server = the `next start` process tree (in process: this process, which is also the client);",
    );
    console.log(
      "  postgres = that server's own backends (by pid from pg_stat_activity; not the WAL writer, checkpointer or autovacuum); client = this load generator",
    );
    printCpu(capacities, "at capacity (closed loop)");
    printCpu(open, "in the open loop (the floors' figures)");
    for (const { pair } of pairs) {
      console.log(`  floor for ${pair.play.label}: ${pair.healthNote}`);
      console.log(
        `    slice by slice, play / floor, server + Postgres CPU per request (ms): ${sliceCosts(pair.play, pair.health)}`,
      );
      if (!pair.reference) continue;
      const { row, note } = pair.reference;
      console.log(
        `    beside it, ${note}: the play costs ${fmt(appCpuPerRequest(pair.play) / appCpuPerRequest(row), 2)} of it (slice by slice ${sliceRatios(pair.play, row)}); the floor costs ${fmt(appCpuPerRequest(pair.health) - appCpuPerRequest(row), 2)} ms more than it`,
      );
    }

    // As the owner sees them: a prize without limits keeps no counter and is tallied from its plays.
    const table = await withPrizeTallies(
      t.db,
      campaignId,
      await t.db.select().from(prizes).where(eq(prizes.campaignId, campaignId)).orderBy(prizes.position),
    );
    console.log(
      `  prizes (incl. warm-ups): ${table.map((p) => `${p.label} ${p.wins}${p.inventory !== null ? `/${p.inventory}` : ""}`).join(", ")}`,
    );
    const [overLimit] = rowsOf<{ n: number }>(
      await t.db.execute(sql`
        SELECT count(*)::int AS n FROM playcart_prizes
        WHERE (inventory IS NOT NULL AND wins > inventory) OR (budget_value_minor IS NOT NULL AND value_awarded_minor > budget_value_minor)`),
    );

    const verdicts = new Verdicts();
    const o = inProcess.open;
    verdicts.add(
      `play() in process: p99 at ${LOAD} x capacity (${fmt(o.rate)}/s) <= ${FLOORS.p99Ms} ms (${fmt(p99(o))} ms)`,
      p99(o) <= FLOORS.p99Ms,
      loadOf(o),
    );
    for (const { pair } of pairs) {
      const { play, health } = pair;
      const ratio = appCpuPerRequest(play) / appCpuPerRequest(health);
      verdicts.add(
        `${play.label}: server + Postgres CPU per play / per health request <= ${FLOORS.cpuRatio} (${fmt(appCpuPerRequest(play), 2)} / ${fmt(appCpuPerRequest(health), 2)} ms = ${fmt(ratio, 2)}; slice by slice ${sliceRatios(play, health)})`,
        ratio <= FLOORS.cpuRatio,
        (loadOf(play) + loadOf(health)) / 2,
      );
      verdicts.add(
        `${play.label}: p99 at ${LOAD} x capacity (${fmt(play.rate)}/s) <= ${FLOORS.p99Ms} ms (${fmt(p99(play))} ms)`,
        p99(play) <= FLOORS.p99Ms,
        loadOf(play),
      );
      const fivexx = serverErrors(pair.capacity) + serverErrors(play) + serverErrors(health);
      verdicts.add(
        `${play.label}: zero 5xx (at capacity ${serverErrors(pair.capacity)}, open loop ${serverErrors(play)}, health ${serverErrors(health)})`,
        fivexx === 0,
        loadOf(play),
      );
    }
    const plays = [o, ...pairs.map((p) => p.pair.play)];
    const unanswered = plays.map((r) => r.tally.errors + [...r.tally.refusals.values()].reduce((a, b) => a + b, 0));
    verdicts.add(
      `every play answered and played (refused or unanswered: ${unanswered.join(", ")})`,
      unanswered.every((n) => n === 0),
      loadOf(o),
    );
    verdicts.add(`no prize over its inventory or budget (${overLimit.n})`, overLimit.n === 0, loadAverage1());
    console.log("");
    verdicts.print();
    log(`load average after: ${fmt(loadAverage1(), 2)}`);
    process.exitCode = verdicts.exitCode();
  } finally {
    await server?.stop().catch(() => {});
    closeConnections();
    await backends.close().catch(() => {});
    await t.drop();
    log("database dropped");
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

// `npm run bench:webhook`: throughput and latency of POST /api/stripe/webhook against
// GET /api/health, on a real `next start` and a throwaway Postgres database.
//
// Every webhook request is a distinct, freshly signed checkout.session.completed for a
// distinct pending order (pre-created in bulk), so each one does the full fulfilment: claim
// the event, lock and update the order and cart, upsert the customer, award points.
// Not a test: it prints figures and PASS/FAIL against the floors, and exits 0 unless it broke.
//
// Env: DATABASE_URL (admin URL of the server; default postgres://postgres@127.0.0.1:5432/postgres),
// BENCH_DURATION (s, default 20), BENCH_CONNECTIONS (default 10), BENCH_ORDERS (default 40000),
// NEXT_DIST_DIR (build to use; built first if missing), BENCH_REBUILD=1 (build even if present),
// BENCH_PROFILE=<dir> (write a V8 CPU profile of the server for each webhook slice there).
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { processPendingEvents, reconcile, rowsOf } from "playcart";
import { seed } from "@/db/seed";
import { createTestDatabase } from "../test/support/pg";
import { distDir, ensureBuild, repoRoot, startServer, type TestServer } from "../test/support/server";
import { checkoutSession, type OrderRef, sign, stripeEvent } from "../test/support/stripe-events";

// autocannon ships no types; this is the part of its API used here.
type AutocannonResult = { errors: number; timeouts: number; non2xx: number; duration: number };
type AutocannonRequest = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
type AutocannonOptions = {
  url: string;
  connections: number;
  duration: number;
  pipelining?: number;
  requests?: Array<
    AutocannonRequest & {
      setupRequest?: (req: AutocannonRequest) => AutocannonRequest | undefined;
      onResponse?: (status: number, body: string) => void;
    }
  >;
};
type AutocannonInstance = PromiseLike<AutocannonResult> & {
  on(event: "response", fn: (client: unknown, status: number, bytes: number, ms: number) => void): void;
};
const autocannon = createRequire(import.meta.url)("autocannon") as (opts: AutocannonOptions) => AutocannonInstance;

const DURATION = Number(process.env.BENCH_DURATION ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ORDERS = Number(process.env.BENCH_ORDERS ?? 40_000);
// The two loads alternate in this many slices each, so that other work on the machine
// weighs on both alike; figures are over all slices.
const SLICES = Number(process.env.BENCH_SLICES ?? 4);
const WARMUP_SECONDS = 3;
const SWEEP_SAMPLE = Number(process.env.BENCH_SWEEP_SAMPLE ?? 1_000);

const FLOORS = { throughputRatio: 0.5, p99Ms: 100 };
const PROFILE_DIR = process.env.BENCH_PROFILE ? path.resolve(process.env.BENCH_PROFILE) : undefined;

/**
 * CPU time (ms) used so far by every process in a process group, from /proc (Linux): the
 * server's cost per request, which holds even when other work shares the machine.
 */
function groupCpuMs(pgid: number): number {
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command name (which may contain spaces): state ppid pgrp ... utime stime
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process exited while we looked
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

/** CPU time (ms) used so far by every Postgres server process on this machine. */
function postgresCpuMs(): number {
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (!stat.includes("(postgres)")) continue;
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process exited while we looked
    }
  }
  return ticks * 10;
}

/** Idle CPU time (ms, all cores) of the machine so far, from /proc/stat. */
function machineIdleMs(): number {
  const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0].split(/\s+/).slice(1).map(Number);
  return (cpu[3] + cpu[4]) * 10; // idle + iowait
}

function log(msg: string) {
  console.log(`[bench] ${msg}`);
}

async function createPendingOrders(
  db: Awaited<ReturnType<typeof createTestDatabase>>["db"],
  n: number,
): Promise<OrderRef[]> {
  // One cart and one order per distinct shopper, in one set-based statement.
  const rows = rowsOf<{ id: string; total_minor: number; currency: string; email: string; payment_intent_id: string }>(
    await db.execute(sql`
      WITH c AS (
        INSERT INTO carts (session_id, email)
        SELECT 'bench_' || g, 'bench-' || g || '@playcart.test' FROM generate_series(1, ${n}::int) g
        RETURNING id, session_id, email
      )
      INSERT INTO orders (cart_id, session_id, email, currency, subtotal_minor, total_minor, payment_intent_id)
      SELECT c.id, c.session_id, c.email, 'usd', t.total, t.total, 'pi_bench_' || replace(c.id::text, '-', '')
      FROM c, LATERAL (SELECT 500 + (abs(hashtext(c.session_id)) % 20000) AS total) t
      RETURNING id, total_minor, currency, email, payment_intent_id`),
  );
  return rows.map((r) => ({
    id: r.id,
    totalMinor: Number(r.total_minor),
    currency: r.currency,
    email: r.email,
    paymentIntentId: r.payment_intent_id,
  }));
}

/** Latencies and counts of one endpoint, accumulated over its slices. */
class Load {
  latencies: number[] = [];
  seconds = 0;
  non2xx = 0;
  errors = 0;
  serverCpuMs = 0;
  postgresCpuMs = 0;
  clientCpuMs = 0;
  idleMs = 0;
  /** The server's process group, for its CPU time per request. */
  static serverPgid = 0;
  constructor(
    readonly name: string,
    readonly requests: NonNullable<AutocannonOptions["requests"]>,
  ) {}

  async run(url: string, duration: number, record = true) {
    const started = process.hrtime.bigint();
    const cpuBefore = Load.serverPgid ? groupCpuMs(Load.serverPgid) : 0;
    const pgBefore = postgresCpuMs();
    const idleBefore = machineIdleMs();
    const clientBefore = process.cpuUsage();
    const inst = autocannon({ url, connections: CONNECTIONS, duration, pipelining: 1, requests: this.requests });
    const latencies: number[] = [];
    inst.on("response", (_client, _status, _bytes, ms) => latencies.push(ms));
    const r = await inst;
    if (!record) return;
    if (Load.serverPgid) this.serverCpuMs += groupCpuMs(Load.serverPgid) - cpuBefore;
    this.postgresCpuMs += postgresCpuMs() - pgBefore;
    this.idleMs += machineIdleMs() - idleBefore;
    const client = process.cpuUsage(clientBefore);
    this.clientCpuMs += (client.user + client.system) / 1000;
    this.seconds += Number(process.hrtime.bigint() - started) / 1e9;
    this.latencies.push(...latencies);
    this.non2xx += r.non2xx;
    this.errors += r.errors + r.timeouts;
  }

  get count() {
    return this.latencies.length;
  }
  get rps() {
    return this.count / this.seconds;
  }
  percentile(p: number) {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  }
}

function healthLoad() {
  return new Load("GET /api/health", [{ method: "GET", path: "/api/health" }]);
}

// Events are built from Stripe's fixtures and signed before the timed runs: on these two
// cores the load generator shares the CPU with the server, and building each event inside
// the request loop would charge the webhook for the client's work. Signatures stay well
// inside the 5-minute tolerance (the whole run takes about a minute).
const PRESIGNED = Number(process.env.BENCH_PRESIGNED ?? 16_000);

function webhookLoad(orders: OrderRef[], cursor: { next: number }, outcomes: Map<string, number>) {
  const signed = orders
    .slice(0, PRESIGNED)
    .map((order) => sign(stripeEvent("checkout.session.completed", checkoutSession(order))));
  return new Load("POST /api/stripe/webhook", [
    {
      method: "POST",
      path: "/api/stripe/webhook",
      setupRequest: (req) => {
        const i = cursor.next++;
        const order = orders[i];
        if (!order) throw new Error(`ran out of pre-created orders after ${orders.length}; raise BENCH_ORDERS`);
        // Past the pre-signed ones (a very fast server), sign at request time.
        const { payload, header } =
          signed[i] ?? sign(stripeEvent("checkout.session.completed", checkoutSession(order)));
        return { ...req, body: payload, headers: { "content-type": "application/json", "stripe-signature": header } };
      },
      onResponse: (status, body) => {
        let key = String(status);
        try {
          const parsed = JSON.parse(body) as { status?: string; outcome?: string };
          key = `${status} ${parsed.status ?? ""}${parsed.outcome ? `/${parsed.outcome}` : ""}`;
        } catch {
          // not JSON
        }
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      },
    },
  ]);
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);

async function main() {
  const buildId = path.join(repoRoot, distDir(), "BUILD_ID");
  if (process.env.BENCH_REBUILD === "1" || !existsSync(buildId)) {
    ensureBuild({ force: true });
  } else {
    log(
      `reusing the build in ${distDir()}/ from ${statSync(buildId).mtime.toISOString()} (BENCH_REBUILD=1 to rebuild)`,
    );
  }
  log(
    `load average before: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")} on ${os.cpus().length} CPUs`,
  );

  const t = await createTestDatabase();
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
        }
      : {};
    server = await startServer({ databaseUrl: t.url, env: profiling, logs: Boolean(PROFILE_DIR) });
    log(`next start on ${server.url}, database ${new URL(t.url).pathname.slice(1)}`);
    Load.serverPgid = server.pid;

    const cursor = { next: 0 };
    const outcomes = new Map<string, number>();
    const h = healthLoad();
    const w = webhookLoad(orders, cursor, outcomes);
    log(`warm-up: ${WARMUP_SECONDS} s of each`);
    await h.run(server.url, WARMUP_SECONDS, false);
    await w.run(server.url, WARMUP_SECONDS, false);

    const slice = DURATION / SLICES;
    log(`${CONNECTIONS} connections, ${DURATION} s on each endpoint, alternating in ${SLICES} slices of ${slice} s`);
    for (let i = 0; i < SLICES; i++) {
      await h.run(server.url, slice);
      // `next start` serves from the process it was spawned as (the group leader).
      if (PROFILE_DIR) process.kill(server.pid, "SIGUSR2");
      await w.run(server.url, slice);
      if (PROFILE_DIR) process.kill(server.pid, "SIGUSR2");
    }
    const loads = [h, w];
    // Let requests cut off by the end of the last slice finish on the server.
    await new Promise((r) => setTimeout(r, 1_000));

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
    const sent = cursor.next;

    console.log("");
    console.log(
      `Results (${CONNECTIONS} connections, ${DURATION} s on each endpoint, loopback, ${ORDERS} pre-created orders)`,
    );
    console.log("");
    console.log(
      `  ${"endpoint".padEnd(26)} ${"req/s".padStart(8)} ${"p50 ms".padStart(8)} ${"p90 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"max ms".padStart(8)} ${"requests".padStart(9)} ${"non-2xx".padStart(8)} ${"errors".padStart(7)}`,
    );
    for (const l of loads) {
      console.log(
        `  ${l.name.padEnd(26)} ${fmt(l.rps).padStart(8)} ${fmt(l.percentile(50)).padStart(8)} ${fmt(l.percentile(90)).padStart(8)} ${fmt(l.percentile(99)).padStart(8)} ${fmt(l.percentile(100)).padStart(8)} ${String(l.count).padStart(9)} ${String(l.non2xx).padStart(8)} ${String(l.errors).padStart(7)}`,
      );
    }
    console.log("");
    // Where the two cores went, per request: the app server, Postgres, the load generator, idle.
    console.log(
      `  CPU per request (ms)          ${"server".padStart(8)} ${"postgres".padStart(9)} ${"client".padStart(8)} ${"idle".padStart(8)}`,
    );
    for (const l of loads) {
      const per = (ms: number) => fmt(ms / Math.max(1, l.count), 2);
      console.log(
        `  ${l.name.padEnd(28)} ${per(l.serverCpuMs).padStart(8)} ${per(l.postgresCpuMs).padStart(9)} ${per(l.clientCpuMs).padStart(8)} ${per(l.idleMs).padStart(8)}`,
      );
    }
    console.log(`  webhook responses (incl. warm-up): ${[...outcomes].map(([k, v]) => `${k}: ${v}`).join(", ")}`);
    console.log(
      `  webhook events sent: ${sent}; stripe_events rows: ${dup.events}; paid orders: ${dup.paid}; earn entries: ${dup.earn}`,
    );
    console.log(
      `  rules engine (scheduled sweep, not in the webhook): ${pending} pending events after the load; one sweep processed ${swept} of them in ${fmt(sweepSeconds)} s ` +
        `(${fmt(swept / Math.max(sweepSeconds, 0.001), 0)} events/s, ${fmt((sweepCpu.user + sweepCpu.system) / 1000 / Math.max(swept, 1), 2)} ms Node CPU each)`,
    );

    const ratio = w.rps / h.rps;
    const duplicates = Number(dup.multi_earn) + Number(dup.multi_rows) + Number(dup.multi_fulfil) + mismatches.length;
    console.log("");
    console.log(
      `  webhook/health: throughput ${fmt(ratio, 2)}, p50 ${fmt(w.percentile(50) / h.percentile(50), 2)}, p99 ${fmt(w.percentile(99) / h.percentile(99), 2)}`,
    );
    console.log(
      `  duplicate effects: orders with >1 earn entry: ${dup.multi_earn}; event ids with >1 row: ${dup.multi_rows}; ` +
        `orders fulfilled by >1 event: ${dup.multi_fulfil}; reconcile mismatches: ${mismatches.length}`,
    );
    // Each event answered "applied" has its row; each row paid exactly one order and earned once.
    // (Requests cut off at the end of a slice may or may not have been applied.)
    const answered = [...outcomes].filter(([k]) => k.startsWith("200 applied")).reduce((n, [, v]) => n + v, 0);
    const rows = Number(dup.events);
    const consistent = rows >= answered && rows <= sent && Number(dup.paid) === rows && Number(dup.earn) === rows;
    console.log(
      `  applied exactly once (rows = paid orders = earn entries, between answered and sent): ${consistent ? "yes" : "NO"}`,
    );

    const verdicts: Array<[string, boolean]> = [
      [`webhook throughput >= ${FLOORS.throughputRatio} x health (${fmt(ratio, 2)})`, ratio >= FLOORS.throughputRatio],
      [`webhook p99 <= ${FLOORS.p99Ms} ms (${fmt(w.percentile(99))} ms)`, w.percentile(99) <= FLOORS.p99Ms],
      [`zero duplicate effects (${duplicates})`, duplicates === 0 && consistent],
      [`no webhook errors or non-2xx (${w.non2xx + w.errors})`, w.non2xx + w.errors === 0],
    ];
    console.log("");
    for (const [label, ok] of verdicts) console.log(`  ${ok ? "PASS" : "FAIL"}  ${label}`);
    log(
      `load average after: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );
  } finally {
    await server?.stop();
    await t.drop();
    log("server stopped, database dropped");
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

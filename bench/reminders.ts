// `npm run bench:reminders`: claim, send and record 10,000 due reminders among 1,000,000
// abandoned carts on a real Postgres, to a local SMTP sink (its own process), then the same
// 10,000 among 100,000 carts: the dispatcher's scan reads what is due, not the whole table,
// so both take about the same time.
//
// Data is generated with set-based SQL (generate_series): one consenting contact per cart,
// each cart with a scheduled reminder; the due ones are spread over the last 10 minutes and
// the rest over the next days. Times exclude data generation. Each run checks that every due
// reminder was sent exactly once (at the sink and in the database).
// Not a test: it prints figures and PASS/FAIL against the floor, and exits 1 on a failure.
//
// Env: DATABASE_URL (admin URL; default postgres://postgres@127.0.0.1:5432/postgres),
// BENCH_CARTS (default 1000000,100000), BENCH_DUE (default 10000), BENCH_BATCH (default 1000),
// BENCH_CONCURRENCY (messages in flight, default 50), BENCH_SMTP_QUERY (appended to the sink's SMTP URL,
// e.g. "?maxConnections=20", to try pool settings).
process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench";

import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { sql } from "drizzle-orm";
import { type DispatchReport, dispatchReminders, rowsOf } from "playcart";
import type { Db } from "@/db/client";
import { createTestDatabase } from "../test/support/pg";
import { loadReminders } from "../test/support/reminder-load";
import { buildDemoReminderEmail, demoReminderSender } from "../test/support/reminder-sender";

const CARTS = (process.env.BENCH_CARTS ?? "1000000,100000").split(",").map(Number);
const DUE = Number(process.env.BENCH_DUE ?? 10_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const FLOOR_SECONDS = 10;
const NOW = new Date("2026-06-10T10:00:00Z"); // 12:00 in Berlin: outside quiet hours

const log = (msg: string) => console.log(`[bench] ${msg}`);
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

type Sink = { port: number; ask: (cmd: string) => Promise<Record<string, number>>; stop: () => void };

async function startSink(): Promise<Sink> {
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
  const child = spawn(tsx, [path.join(__dirname, "smtp-sink.ts")], { stdio: ["pipe", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout! });
  const waiting: ((line: string) => void)[] = [];
  lines.on("line", (line) => waiting.shift()?.(line));
  const next = () => new Promise<string>((r) => waiting.push(r));
  const { port } = JSON.parse(await next());
  return {
    port,
    ask: async (cmd) => {
      const reply = next();
      child.stdin!.write(`${cmd}\n`);
      return JSON.parse(await reply);
    },
    stop: () => child.stdin!.end(),
  };
}

/** The claim's scan as the planner runs it: it must read only due rows, by the partial index. */
async function explainClaim(db: Db) {
  const rows = rowsOf<{ "QUERY PLAN": string }>(
    await db.execute(sql`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
      SELECT id FROM playcart_reminders WHERE status = 'scheduled' AND due_at <= ${NOW.toISOString()}
      ORDER BY due_at, id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`),
  );
  const plan = rows.map((r) => r["QUERY PLAN"]);
  return {
    usesIndex: plan.some((l) => l.includes("playcart_reminders_due_idx")),
    time: plan.find((l) => l.startsWith("Execution Time")) ?? "?",
  };
}

async function runOnce(total: number, sink: Sink) {
  const t = await createTestDatabase();
  try {
    log(`${total.toLocaleString("en-US")} carts, ${DUE.toLocaleString("en-US")} due: generating data (set-based SQL)…`);
    const g0 = performance.now();
    await loadReminders(t.db, { prefix: "b", carts: total, due: DUE, now: NOW });
    log(`  generated in ${secs(performance.now() - g0)}`);
    const plan = await explainClaim(t.db);
    await sink.ask("reset");

    const smtp = demoReminderSender(t.db, {
      origin: "https://shop.example.test",
      smtpUrl: `smtp://127.0.0.1:${sink.port}${process.env.BENCH_SMTP_QUERY ?? ""}`,
      now: () => NOW,
    });
    // BENCH_SMTP=off (diagnosis only): build each message but send none, to see the database's share.
    const sender =
      process.env.BENCH_SMTP === "off"
        ? async (m: Parameters<typeof smtp>[0]) =>
            void (await buildDemoReminderEmail(m, "https://shop.example.test", NOW))
        : smtp;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const report: DispatchReport = await dispatchReminders(
      t.db,
      { email: sender },
      { now: NOW, timeZone: "Europe/Berlin", batchSize: BATCH, concurrency: CONCURRENCY, maxBatches: 10_000 },
    );
    const elapsed = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    await smtp.close();

    const sunk = await sink.ask("count");
    const [db] = rowsOf<{ sent: number; events: number }>(
      await t.db.execute(sql`SELECT (SELECT count(*)::int FROM playcart_reminders WHERE status = 'sent') AS sent,
                                    (SELECT count(*)::int FROM playcart_events WHERE type = 'reminder.sent') AS events`),
    );
    if (process.env.BENCH_SMTP === "off") sunk.messages = sunk.recipients = DUE;
    const exact =
      report.sent === DUE &&
      sunk.messages === DUE &&
      sunk.recipients === DUE &&
      sunk.duplicates === 0 &&
      db.sent === DUE &&
      db.events === DUE;
    log(`  report: ${JSON.stringify(report)}`);
    if (report.retried > 0) {
      const why = rowsOf<{ outcome: string; n: number }>(
        await t.db.execute(
          sql`SELECT outcome, count(*)::int AS n FROM playcart_reminders WHERE outcome LIKE 'retry:%' GROUP BY outcome ORDER BY n DESC LIMIT 3`,
        ),
      );
      log(`  retried because: ${JSON.stringify(why)}`);
    }
    log(
      `  claim + send + record: ${secs(elapsed)} (${Math.round((DUE / elapsed) * 1000).toLocaleString("en-US")} reminders/s)`,
    );
    log(
      `  sink received ${sunk.messages} messages for ${sunk.recipients} recipients (${sunk.duplicates} duplicates) over ${sunk.connections} SMTP connections; database: ${db.sent} sent, ${db.events} reminder.sent events`,
    );
    log(
      `  CPU: dispatcher ${secs((cpu.user + cpu.system) / 1000)}, SMTP sink ${secs(sunk.cpuMs)}; load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );
    log(
      `  claim scan: ${plan.usesIndex ? "partial index playcart_reminders_due_idx" : "NOT using the due index"}, ${plan.time} for a batch of ${BATCH}`,
    );
    return { total, elapsed, exact, plan };
  } finally {
    await t.drop();
  }
}

async function main() {
  log(
    `Postgres at ${process.env.DATABASE_URL ?? "127.0.0.1:5432"}; ${os.cpus().length} CPUs; batch ${BATCH}, ${CONCURRENCY} messages in flight`,
  );
  const sink = await startSink();
  const results = [];
  try {
    for (const total of CARTS) results.push(await runOnce(total, sink));
  } finally {
    sink.stop();
  }
  console.log("\n  carts        due      claim+send+record   per second   exactly once   floor (<= 10 s)");
  let failed = false;
  for (const r of results) {
    const ok = r.elapsed <= FLOOR_SECONDS * 1000 && r.exact;
    failed ||= !ok;
    console.log(
      `  ${r.total.toLocaleString("en-US").padEnd(12)} ${DUE.toLocaleString("en-US").padEnd(8)} ${secs(r.elapsed).padEnd(19)} ${Math.round(
        (DUE / r.elapsed) * 1000,
      )
        .toLocaleString("en-US")
        .padEnd(12)} ${(r.exact ? "yes" : "NO").padEnd(14)} ${ok ? "PASS" : "FAIL"}`,
    );
  }
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

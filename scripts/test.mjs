// `npm test`: prepares what the suites need, runs them, and ends with one line
// `N passed, N failed[, N skipped]` summed over every suite (CI reads that line).
// Usage: npm test [-- <suite>...]   suites: unit pg e2e example, or `all` for every one.
// A suite named with a date after an `@` runs at that date through libfaketime, as under
// `npm run test:moved-clock`: `pg@+3y` is the pg suite with the clock three years ahead
// (`pg@2028-02-29 09:00:00` from a given instant). CI runs `npm test -- all pg@+3y`.
//
// The build runs first. Then three lanes run side by side: the Postgres suites one after the
// other; the e2e suite, which spends most of its time waiting on one browser and one server;
// and the remaining suites one after the other. While a Postgres suite runs, the last lane runs
// at the lowest CPU priority (nice 19): it uses what the other two leave idle and hardly slows
// them down. That lane needs no build, so it starts with the build, on what the build leaves
// idle (its type check runs on one core). Each suite's output goes to test-results/logs/ and is printed whole when the
// suite ends, so that the lanes' outputs never interleave.
import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/postgres";
const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
const LOGS = "test-results/logs";
const startedAt = Date.now();
const seconds = (from, to = Date.now()) => ((to - from) / 1000).toFixed(1);

const vitest = (project) => ({
  cmd: bin("vitest"),
  args: (report) => [
    "run",
    "--project",
    project,
    "--passWithNoTests",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
  ],
  kind: "vitest",
});

// needsBuild: runs `next start` on the production build made once, up front.
// foreground: the main lane yields the CPU to it. Its concurrency tests (plays, webhooks and
// reminders racing, a server killed mid-payment) time races that a busy machine reshapes.
const SUITES = {
  unit: { ...vitest("unit") },
  pg: { ...vitest("pg"), needsBuild: true, foreground: true },
  // The json reporter and its file are set in playwright.config.ts.
  e2e: {
    cmd: bin("playwright"),
    args: () => ["test", "--pass-with-no-tests"],
    report: "test-results/e2e.json",
    kind: "playwright",
    needsBuild: true,
    lane: "browser",
  },
  // examples/minimal-store, an independent host: packs a copy of playcart, installs the tarball
  // into the store's own node_modules, builds and starts the store on a fresh database, runs
  // its suite. The workspace's packages/playcart is never touched, so it runs beside anything.
  example: {
    cmd: process.execPath,
    args: () => ["examples/minimal-store/scripts/e2e.mjs"],
    report: "examples/minimal-store/test-results/e2e.json",
    kind: "playwright",
  },
};

// As scripts/test-moved-clock.mjs: an offset ("+3y", "-800d") or a start instant.
const WHEN = /^([+-]\d+[ydhms]?|@\d{4}-\d\d-\d\d( \d\d:\d\d:\d\d)?)$/;

function finish(totals) {
  const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : "";
  const line = `${totals.passed} passed, ${totals.failed} failed${skipped}`;
  console.log(line);
  process.exit(totals.failed > 0 ? 1 : 0);
}

/** A prerequisite is missing: say what to do, and fail rather than skip anything. */
function abort(message) {
  console.error(`\n${message}\n`);
  finish({ passed: 0, failed: 1, skipped: 0 });
}

// A fresh clone: install first, so `npm test` is the whole story.
if (!existsSync(bin("vitest")) || !existsSync(bin("playwright"))) {
  console.log("Installing dependencies...");
  if (spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { stdio: "inherit" }).status !== 0) {
    console.error("npm ci failed");
    console.log("0 passed, 1 failed");
    process.exit(1);
  }
}

const has = (cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
const runSync = (cmd, args, opts = {}) => spawnSync(cmd, args, { stdio: "inherit", ...opts });

function ensureChromium() {
  if (existsSync("/usr/bin/chromium")) return;
  if (process.getuid?.() === 0 && has("apt-get")) {
    console.log("Installing Debian's chromium for the e2e suite...");
    runSync("sh", ["-c", "apt-get update && apt-get install -y chromium"]);
    if (existsSync("/usr/bin/chromium")) return;
  }
  console.log("No /usr/bin/chromium; trying Playwright's own browser...");
  if (runSync(bin("playwright"), ["install", "chromium"]).status === 0) return;
  abort(
    "The e2e suite needs a Chromium and none could be installed. Run one of:\n" +
      "  sudo apt-get update && sudo apt-get install -y chromium    (Debian/Ubuntu)\n" +
      "  npx playwright install chromium                            (elsewhere)\n" +
      "then run `npm test` again (or `npm test -- unit pg` to leave e2e out).",
  );
}

async function ensurePostgres() {
  const { default: postgres } = await import("postgres");
  const sql = postgres(databaseUrl, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await sql`select 1`;
  } catch (err) {
    abort(
      `The pg suite needs a Postgres server and none answers at ${databaseUrl} (${err?.message ?? err}).\n` +
        "Set DATABASE_URL to a server whose user may CREATE DATABASE, e.g.\n" +
        "  DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm test\n" +
        "or start the local one:\n" +
        "  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n" +
        "(or `npm test -- unit e2e` to leave the pg suite out).",
    );
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}

function readReport(report) {
  try {
    return JSON.parse(readFileSync(report, "utf8"));
  } catch {
    return undefined;
  }
}

/** Counts from a report; `null` when there is no usable report. */
function count(kind, report) {
  if (!report) return null;
  if (kind === "vitest") {
    if (typeof report.numTotalTests !== "number") return null;
    // A file that failed to load or whose hooks threw has no failed test of its own.
    const brokenFiles = (report.testResults ?? []).filter(
      (f) => f.status === "failed" && !(f.assertionResults ?? []).some((a) => a.status === "failed"),
    ).length;
    return {
      passed: report.numPassedTests,
      failed: report.numFailedTests + brokenFiles,
      skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
      total: report.numTotalTests,
      note: brokenFiles
        ? `${brokenFiles} test file(s) failed to load or a hook threw; see the output above`
        : undefined,
    };
  }
  const s = report.stats;
  if (!s) return null;
  // Top-level errors: the web server did not start, a spec failed to load, ...
  const errors = (report.errors ?? []).length;
  const failed = s.unexpected + (errors > 0 && s.unexpected === 0 ? 1 : 0);
  const total = s.expected + s.flaky + s.unexpected + s.skipped;
  return {
    passed: s.expected + s.flaky,
    failed,
    skipped: s.skipped,
    total,
    note: errors ? `${errors} error(s) outside tests; see the output above` : undefined,
  };
}

// ---- what to run ----------------------------------------------------------------------------

const requested = process.argv.slice(2).flatMap((a) => (a === "all" ? Object.keys(SUITES) : [a]));
const jobs = [];
for (const item of requested.length ? requested : Object.keys(SUITES)) {
  const at = item.indexOf("@");
  const name = at < 0 ? item : item.slice(0, at);
  let when = at < 0 ? undefined : item.slice(at + 1);
  if (when && /^\d{4}-/.test(when)) when = `@${when}`;
  if (!(name in SUITES) || (when !== undefined && !WHEN.test(when))) {
    console.error(
      `Unknown suite "${item}". Suites: ${Object.keys(SUITES).join(", ")} (or all), each optionally at another ` +
        'date: pg@+3y, pg@"2028-02-29 09:00:00".',
    );
    process.exit(2);
  }
  const id = when ? `${name}@${when.replace(/^@/, "")}` : name;
  if (jobs.some((j) => j.id === id)) continue;
  const suite = SUITES[name];
  const file = id.replace(/[^0-9A-Za-z+-]+/g, "_");
  jobs.push({ ...suite, id, name, when, file, report: suite.report ?? `test-results/${file}.json` });
}
// The Postgres lane, the e2e lane and the main lane, each in the order the suites were named.
const foreground = jobs.filter((j) => j.foreground);
const background = [
  jobs.filter((j) => j.lane === "browser"),
  jobs.filter((j) => !j.foreground && j.lane !== "browser"),
];
// Output streams as it comes, unless lanes run side by side.
const buffered = [foreground, ...background].filter((l) => l.length > 0).length > 1;

mkdirSync(LOGS, { recursive: true });
if (jobs.some((j) => j.name === "e2e" || j.name === "example")) ensureChromium();
if (jobs.some((j) => j.name === "pg" || j.name === "example")) await ensurePostgres();
if (jobs.some((j) => j.when) && !has("faketime")) {
  abort("A suite at another date needs libfaketime: sudo apt-get install -y faketime");
}

// ---- running ----------------------------------------------------------------------------------

/** Prints a buffered step's whole output, headed by what it was and when it ran. */
function printBlock(title, logFile, started) {
  const text = existsSync(logFile) ? readFileSync(logFile, "utf8") : "";
  // writeSync: a large block must be out before process.exit, whatever stdout is.
  const span = `${seconds(startedAt, started)}s to ${seconds(startedAt)}s of the run`;
  writeSync(1, `\n=== ${title} (${span})\n\n${text}`);
}

/** Runs a command to the end, live or into its log file; resolves to its exit. */
function exec(title, cmd, args, env, logName, { live = !buffered } = {}) {
  const started = Date.now();
  const logFile = path.join(LOGS, `${logName}.log`);
  if (live) console.log(`\n=== ${title}\n`);
  else console.log(`--- ${title}: started at ${seconds(startedAt)}s (output when it ends)`);
  const fd = live ? undefined : openSync(logFile, "w");
  return new Promise((resolve) => {
    let ended = false;
    const end = (status, exit) => {
      if (ended) return;
      ended = true;
      if (fd !== undefined) {
        closeSync(fd);
        printBlock(title, logFile, started);
      }
      resolve({ status, exit, seconds: seconds(started) });
    };
    const child = spawn(cmd, args, { env, stdio: live ? "inherit" : ["ignore", fd, fd] });
    // A command that cannot start reports an error and may never close.
    child.on("error", (err) => end(null, err.message));
    child.on("close", (status, signal) => end(status, signal ? `signal ${signal}` : `exit ${status}`));
  });
}

// The pg suite (test/support/server.ts) and the e2e suite (scripts/e2e-server.mjs) both run
// `next start` on a production build: build it once, up front, for both. It goes to the
// default .next; NEXT_DIST_DIR, when set, picks another directory (and is passed on).
const distDir = process.env.NEXT_DIST_DIR || ".next";

/** Resolves to undefined when the build is there, else to why it is not. */
async function buildOnce() {
  const buildId = path.join(root, distDir, "BUILD_ID");
  // A second run over the same tree may reuse the build just made.
  if (process.env.TEST_REUSE_BUILD === "1" && existsSync(buildId)) {
    console.log(`\n=== build: reusing ${distDir}/ (TEST_REUSE_BUILD=1)\n`);
    return undefined;
  }
  rmSync(buildId, { force: true });
  // Next adds a non-default build directory to tsconfig.json's include; keep the file as it was.
  const tsconfig = readFileSync("tsconfig.json", "utf8");
  const res = await exec(
    `build: next build into ${distDir}/ (once, used by the pg and e2e suites)`,
    bin("next"),
    ["build"],
    { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    "build",
    { live: true },
  );
  if (distDir !== ".next" && readFileSync("tsconfig.json", "utf8") !== tsconfig)
    writeFileSync("tsconfig.json", tsconfig);
  if (res.status !== 0 || !existsSync(buildId)) {
    console.error(`next build failed (${res.exit}); the pg and e2e suites need it. See its output above.`);
    return `not run: next build failed (${res.exit})`;
  }
  console.log(`next build done in ${res.seconds}s`);
  return undefined;
}

function suiteEnv(job) {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    FORCE_COLOR: process.env.FORCE_COLOR ?? "1",
    E2E_SKIP_BUILD: "1",
    // Timers and timeouts run on the monotonic clock: leave it real so only the date moves.
    ...(job.when ? { FAKETIME_DONT_FAKE_MONOTONIC: "1" } : {}),
  };
}

async function runSuite(job, { buildFailed, nice }) {
  const fail = (note, took = "0.0") => ({ name: job.id, passed: 0, failed: 1, skipped: 0, seconds: took, note });
  if (buildFailed && job.needsBuild) return fail(buildFailed);
  rmSync(job.report, { force: true });
  const args = job.args(job.report);
  let [cmd, argv] = job.when ? ["faketime", ["-f", job.when, job.cmd, ...args]] : [job.cmd, args];
  // Whatever the suite starts (Chromium, next start, ...) inherits the priority.
  if (nice) [cmd, argv] = ["nice", ["-n", "19", cmd, ...argv]];
  const title = `${job.id}: ${path.basename(job.cmd)} ${args.join(" ")}${job.when ? ` (clock at ${job.when})` : ""}`;
  const res = await exec(title, cmd, argv, suiteEnv(job), job.file);
  const took = res.seconds;
  const counts = count(job.kind, readReport(job.report));
  if (!counts) return fail(`runner crashed or wrote no report (${res.exit})`, took);
  if (counts.total === 0 && counts.failed === 0)
    return { name: job.id, ...counts, failed: 1, seconds: took, note: "suite ran no tests" };
  if (counts.failed === 0 && res.status !== 0) {
    return {
      name: job.id,
      ...counts,
      failed: 1,
      seconds: took,
      note: `runner failed (${res.exit}) although no test failed; see its output`,
    };
  }
  return { name: job.id, ...counts, seconds: took };
}

// The e2e lane keeps the normal priority too: it spends most of its time waiting on a browser
// and a server, and is the longest lane, so its short bursts of work should not queue. The
// main lane (unit, example) runs on what the other two leave idle. The whole of a lane keeps
// one priority, so that a suite started once the Postgres lane is done does not crowd out one
// started before.
const nice = foreground.length > 0;
const results = new Map();
// The build keeps most of both cores busy, and the Postgres and e2e suites wait for it. A suite
// that needs no build starts with it only at nice 19 (the build keeps its priority); otherwise
// it waits for the build too.
const build = jobs.some((j) => j.needsBuild) ? buildOnce() : Promise.resolve(undefined);
const runLane = async (lane, laneNice) => {
  for (const job of lane) {
    const buildFailed = job.needsBuild || !laneNice ? await build : undefined;
    results.set(job.id, await runSuite(job, { buildFailed, nice: laneNice }));
  }
};
await Promise.all([
  runLane(foreground, false),
  ...background.map((lane) => runLane(lane, nice && lane.every((j) => j.lane !== "browser"))),
]);

console.log(`\nSummary (${seconds(startedAt)}s)`);
for (const job of jobs) {
  const r = results.get(job.id);
  const skipped = r.skipped > 0 ? `, ${r.skipped} skipped` : "";
  console.log(
    `  ${r.name.padEnd(7)} ${r.passed} passed, ${r.failed} failed${skipped} (${r.seconds}s)${r.note ? `: ${r.note}` : ""}`,
  );
}
finish(
  [...results.values()].reduce(
    (t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed, skipped: t.skipped + r.skipped }),
    { passed: 0, failed: 0, skipped: 0 },
  ),
);

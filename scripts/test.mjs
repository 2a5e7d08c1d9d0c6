// `npm test`: prepares what the suites need, runs them, and ends with one line
// `N passed, N failed[, N skipped]` summed over every suite (CI reads that line).
// Usage: npm test [-- unit pg e2e example]
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/postgres";
const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;

const SUITES = {
  unit: { cmd: bin("vitest"), args: ["run", "--project", "unit"], report: "test-results/unit.json", kind: "vitest" },
  pg: { cmd: bin("vitest"), args: ["run", "--project", "pg"], report: "test-results/pg.json", kind: "vitest" },
  // The json reporter and its file are set in playwright.config.ts.
  e2e: {
    cmd: bin("playwright"),
    args: ["test", "--pass-with-no-tests"],
    report: "test-results/e2e.json",
    kind: "playwright",
  },
  // examples/minimal-store, an independent host: packs playcart, installs the tarball into the
  // store's own node_modules, builds and starts the store on a fresh database, runs its suite.
  example: {
    cmd: process.execPath,
    args: ["examples/minimal-store/scripts/e2e.mjs"],
    report: "examples/minimal-store/test-results/e2e.json",
    kind: "playwright",
  },
};
for (const s of ["unit", "pg"]) {
  SUITES[s].args.push(
    "--passWithNoTests",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${SUITES[s].report}`,
  );
}

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
const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { stdio: "inherit", ...opts });

function ensureChromium() {
  if (existsSync("/usr/bin/chromium")) return;
  if (process.getuid?.() === 0 && has("apt-get")) {
    console.log("Installing Debian's chromium for the e2e suite...");
    run("sh", ["-c", "apt-get update && apt-get install -y chromium"]);
    if (existsSync("/usr/bin/chromium")) return;
  }
  console.log("No /usr/bin/chromium; trying Playwright's own browser...");
  if (run(bin("playwright"), ["install", "chromium"]).status === 0) return;
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

function readReport(suite) {
  try {
    return JSON.parse(readFileSync(suite.report, "utf8"));
  } catch {
    return undefined;
  }
}

/** Counts from a report; `null` when there is no usable report. */
function count(suite, report) {
  if (!report) return null;
  if (suite.kind === "vitest") {
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

// The pg suite (test/support/server.ts) and the e2e suite (scripts/e2e-server.mjs) both run
// `next start` on a production build: build it once, up front, for both. It goes to the
// default .next; NEXT_DIST_DIR, when set, picks another directory (and is passed on).
const distDir = process.env.NEXT_DIST_DIR || ".next";

function suiteEnv() {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    FORCE_COLOR: process.env.FORCE_COLOR ?? "1",
    E2E_SKIP_BUILD: "1",
  };
}

function buildOnce() {
  const buildId = path.join(root, distDir, "BUILD_ID");
  // A second run over the same tree (CI's moved-clock pass) may reuse the build just made.
  if (process.env.TEST_REUSE_BUILD === "1" && existsSync(buildId)) {
    console.log(`\n=== build: reusing ${distDir}/ (TEST_REUSE_BUILD=1)\n`);
    return;
  }
  console.log(`\n=== build: next build into ${distDir}/ (once, used by the pg and e2e suites)\n`);
  const started = Date.now();
  rmSync(buildId, { force: true });
  // Next adds a non-default build directory to tsconfig.json's include; keep the file as it was.
  const tsconfig = readFileSync("tsconfig.json", "utf8");
  const res = run(bin("next"), ["build"], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (distDir !== ".next" && readFileSync("tsconfig.json", "utf8") !== tsconfig)
    writeFileSync("tsconfig.json", tsconfig);
  if (res.status !== 0 || !existsSync(buildId)) {
    abort(
      `next build failed (${res.signal ?? `exit ${res.status}`}); the pg and e2e suites need it. See the output above.`,
    );
  }
  console.log(`\nnext build done in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

function runSuite(name) {
  const suite = SUITES[name];
  rmSync(suite.report, { force: true });
  console.log(`\n=== ${name}: ${path.basename(suite.cmd)} ${suite.args.join(" ")}\n`);
  const started = Date.now();
  const env = suiteEnv();
  const res = run(suite.cmd, suite.args, { env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const exit = res.error ? res.error.message : res.signal ? `signal ${res.signal}` : `exit ${res.status}`;
  const counts = count(suite, readReport(suite));
  if (!counts)
    return { name, passed: 0, failed: 1, skipped: 0, seconds, note: `runner crashed or wrote no report (${exit})` };
  if (counts.total === 0 && counts.failed === 0)
    return { name, ...counts, failed: 1, seconds, note: "suite ran no tests" };
  if (counts.failed === 0 && res.status !== 0) {
    return {
      name,
      ...counts,
      failed: 1,
      seconds,
      note: `runner failed (${exit}) although no test failed; see its output`,
    };
  }
  return { name, ...counts, seconds };
}

const requested = process.argv.slice(2);
const unknown = requested.filter((s) => !(s in SUITES));
if (unknown.length) {
  console.error(`Unknown suite(s): ${unknown.join(", ")}. Suites: ${Object.keys(SUITES).join(", ")}.`);
  process.exit(2);
}
const selected = Object.keys(SUITES).filter((s) => requested.length === 0 || requested.includes(s));

mkdirSync("test-results", { recursive: true });
if (selected.includes("e2e") || selected.includes("example")) ensureChromium();
if (selected.includes("pg") || selected.includes("example")) await ensurePostgres();
if (selected.includes("pg") || selected.includes("e2e")) buildOnce();

const results = selected.map(runSuite);
console.log("\nSummary");
for (const r of results) {
  const skipped = r.skipped > 0 ? `, ${r.skipped} skipped` : "";
  console.log(
    `  ${r.name.padEnd(7)} ${r.passed} passed, ${r.failed} failed${skipped} (${r.seconds}s)${r.note ? `: ${r.note}` : ""}`,
  );
}
finish(
  results.reduce(
    (t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed, skipped: t.skipped + r.skipped }),
    { passed: 0, failed: 0, skipped: 0 },
  ),
);

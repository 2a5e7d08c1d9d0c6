// `npm run test:moved-clock -- <when> [unit pg e2e]`: the whole of `npm test` (or the suites
// named) with the processes it starts (vitest, Playwright, `next start`; not Chromium, see
// below) living at another date, through libfaketime. <when> is an offset ("+3y", "+800d") or a start instant
// ("@2028-02-29 09:00:00"); the clock then runs on from there. The Postgres server keeps the
// real date, so a decision that mixed the database's now() with the app's clock fails here.
// Needs Debian's faketime package (`apt-get install -y faketime`).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const [when, ...suites] = process.argv.slice(2);
if (!when || !/^([+-]\d+[ydhms]?|@\d{4}-\d\d-\d\d( \d\d:\d\d:\d\d)?)$/.test(when)) {
  console.error('Usage: npm run test:moved-clock -- <"+3y" | "@2028-02-29 09:00:00"> [unit pg e2e]');
  process.exit(2);
}
if (spawnSync("sh", ["-c", "command -v faketime"], { stdio: "ignore" }).status !== 0) {
  console.error("test:moved-clock needs libfaketime: sudo apt-get install -y faketime");
  console.log("0 passed, 1 failed");
  process.exit(1);
}
// Timers and timeouts run on the monotonic clock: leave it real so only the date moves.
// Chromium is launched without libfaketime (playwright.config.ts): it reads the clock so often
// that faking makes it ten times slower, and the server decides every date-bound outcome.
const env = { ...process.env, FAKETIME_DONT_FAKE_MONOTONIC: "1" };
const shown = spawnSync("faketime", ["-f", when, "date", "-u", "+%Y-%m-%dT%H:%M:%SZ (%A)"], { env, encoding: "utf8" });
console.log(`=== npm test with the clock at ${shown.stdout.trim()}\n`);
const res = spawnSync("faketime", ["-f", when, process.execPath, path.join(root, "scripts", "test.mjs"), ...suites], {
  stdio: "inherit",
  env,
});
process.exit(res.status ?? 1);

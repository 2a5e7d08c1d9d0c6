#!/usr/bin/env node
// `npm run demo`: install, build and start the seeded demo store on the embedded database.
// Uses only Node built-ins, so it runs on a fresh clone before `npm ci`.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const port = process.env.PORT ?? "3000";
// The store runs offline: no usage reports to Vercel.
process.env.NEXT_TELEMETRY_DISABLED = "1";
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (!existsSync("node_modules/.bin/next")) {
  console.log("[demo] installing dependencies (about a minute)…");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
}

// Secrets the app needs even in a demo, generated once and kept out of git.
const envFile = ".env.local";
const current = existsSync(envFile) ? readFileSync(envFile, "utf8") : "";
const missing = [];
if (!/^AUTH_SECRET=/m.test(current) && !process.env.AUTH_SECRET)
  missing.push(`AUTH_SECRET=${randomBytes(32).toString("base64url")}`);
if (!/^CRON_SECRET=/m.test(current) && !process.env.CRON_SECRET)
  missing.push(`CRON_SECRET=${randomBytes(24).toString("base64url")}`);
if (!/^ADMIN_EMAILS=/m.test(current) && !process.env.ADMIN_EMAILS) missing.push("ADMIN_EMAILS=admin@playcart.test");
if (!/^AUTH_TRUST_HOST=/m.test(current)) missing.push("AUTH_TRUST_HOST=true");
if (missing.length) {
  const separator = current && !current.endsWith("\n") ? "\n" : "";
  writeFileSync(envFile, `${current}${separator}${missing.join("\n")}\n`);
  console.log(`[demo] wrote ${missing.map((l) => l.split("=")[0]).join(", ")} to ${envFile}`);
}

if (!process.argv.includes("--no-build")) {
  console.log("[demo] building…");
  run("node_modules/.bin/next", ["build"]);
}

// PLAYCART_SELF_SCHEDULE: the server sends due cart reminders itself (no external cron in the demo).
const server = spawn("node_modules/.bin/next", ["start", "-p", port], {
  stdio: "inherit",
  env: {
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL ?? "",
    PORT: port,
    PLAYCART_SELF_SCHEDULE: process.env.PLAYCART_SELF_SCHEDULE ?? "1",
  },
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));

// The first request creates and seeds the embedded database (about 10 s the first time).
const url = `http://localhost:${port}`;
for (let i = 0; i < 120; i++) {
  await new Promise((r) => setTimeout(r, 1000));
  const ok = await fetch(`${url}/api/health`).then(
    (r) => r.ok,
    () => false,
  );
  if (ok) {
    console.log(`
  Playcart demo store: ${url}

  Demo accounts (sign in with the email; the link is printed below and kept in /admin/outbox):
    store owner  admin@playcart.test   -> ${url}/admin
    shopper      shopper@playcart.test -> ${url}/account

  Payments are in test mode: no card is charged. Data lives in .data/ (delete it to start over).
`);
    break;
  }
}

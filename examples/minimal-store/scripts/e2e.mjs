// The minimal store's end-to-end run against Playcart as a host gets it, packed:
//   1. `npm pack` a copy of packages/playcart into a temp dir (its prepack builds dist with tsc);
//   2. install this store's own dependencies (npm ci) and then that tarball into its own
//      node_modules (never the root workspace's link to packages/playcart);
//   3. create a fresh Postgres database beside DATABASE_URL's, run the store's migrations,
//      then `playcart migrate` (Playcart's own tables, from the tarball's CLI) and the
//      store's Playcart campaigns (scripts/seed-playcart.mjs, through Playcart's public API);
//   4. `next build` and `next start` the store on STORE_PORT (3240);
//   5. run this store's Playwright suite (e2e/ and the Playcart journeys in e2e-playcart/), whose JSON report is test-results/e2e.json;
//   6. stop the server and drop the database.
// Usage: node examples/minimal-store/scripts/e2e.mjs [playwright args]
// STORE_E2E_REUSE=1 skips steps 1, 2 and the build when they were done before (for iterating).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const store = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repo = path.resolve(store, "../..");
const pkgDir = path.join(repo, "packages", "playcart");
const port = process.env.STORE_PORT ?? "3240";
const adminUrl = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const reuse = process.env.STORE_E2E_REUSE === "1";
const started = Date.now();
const report = path.join(store, "test-results", "e2e.json");

const elapsed = (since) => `${((Date.now() - since) / 1000).toFixed(1)}s`;
function step(name, fn) {
  const t = Date.now();
  console.log(`\n[minimal-store] ${name}`);
  const result = fn();
  const done = (value) => {
    console.log(`[minimal-store] ${name}: done in ${elapsed(t)}`);
    return value;
  };
  return result instanceof Promise ? result.then(done) : done(result);
}
function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { stdio: "inherit", ...opts });
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${res.signal ?? `exit ${res.status}`})`);
}
const npm = (args, cwd) => run("npm", [...args, "--no-audit", "--no-fund"], { cwd });

/**
 * Packs playcart as npm would publish it; returns the tarball's path. It packs a copy of the
 * package (its prepack builds dist/ and rewrites package.json while it runs), so the workspace's
 * own packages/playcart is never touched and other suites may read it meanwhile. The copy sits
 * under the repository's node_modules, where its build resolves the same dependencies.
 */
function packPlaycart() {
  const manifest = JSON.parse(readFileSync(path.join(pkgDir, "package.json"), "utf8"));
  const out = mkdtempSync(path.join(os.tmpdir(), "minimal-store-pack-"));
  const cache = path.join(repo, "node_modules", ".cache");
  mkdirSync(cache, { recursive: true });
  const copyRoot = mkdtempSync(path.join(cache, "playcart-pack-"));
  const copy = path.join(copyRoot, "playcart");
  try {
    cpSync(pkgDir, copy, {
      recursive: true,
      // Not the workspace's build or its stamp (.dist-built): a test may be rebuilding them meanwhile.
      filter: (src) => !["dist", ".dist-built", "node_modules"].includes(path.relative(pkgDir, src).split(path.sep)[0]),
    });
    // The package's prepack builds dist (tsc) and points every entry point at it.
    npm(["pack", "--pack-destination", out], copy);
  } finally {
    rmSync(copyRoot, { recursive: true, force: true });
  }
  const tarball = path.join(out, `playcart-${manifest.version}.tgz`);
  const packed = spawnSync("tar", ["-xOzf", tarball, "package/package.json"], { encoding: "utf8" }).stdout;
  if (JSON.stringify(JSON.parse(packed || "{}").exports ?? {}).includes("./src/"))
    throw new Error("the packed playcart still points an entry point at src/: its prepack did not map it to dist");
  return tarball;
}

async function freshDatabase() {
  const { default: postgres } = await import("postgres");
  const name = `minimal_store_e2e_${process.pid}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await sql.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
      await sql.end({ timeout: 5 });
    },
  };
}

// Another server already on the port would answer the health check in this store's place, and
// the suite would run against that server and its database.
async function ensurePortFree() {
  const free = await new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(Number(port), "127.0.0.1", () => probe.close(() => resolve(true)));
  });
  if (!free) throw new Error(`port ${port} is already in use: set STORE_PORT (and STORE_SMTP_PORT) to free ports`);
}

async function waitForHealth(server) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited (${server.exitCode})`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the store did not answer /api/health on port ${port} within 120 s`);
}

rmSync(report, { force: true });
let db;
let server;
let status = 1;
try {
  // Told at once rather than after the build; checked again just before `next start`.
  await ensurePortFree();
  if (!reuse || !existsSync(path.join(store, "node_modules", "playcart"))) {
    const tarball = step("pack playcart", packPlaycart);
    step("install the store's dependencies and the playcart tarball", () => {
      npm(["ci", "--prefer-offline"], store);
      // --no-save: the tarball's temp path must not end up in the store's package.json.
      npm(["install", "--no-save", "--prefer-offline", tarball], store);
    });
  }
  db = await step("create a fresh database and run the store's migrations", async () => {
    const fresh = await freshDatabase();
    const { migrate } = await import("./migrate.mjs");
    console.log(`  ${fresh.url}: applied ${(await migrate(fresh.url)).join(", ")}`);
    // Playcart's own tables, beside the store's, by the CLI the tarball ships.
    run(path.join(store, "node_modules", ".bin", "playcart"), ["migrate"], {
      cwd: store,
      env: { ...process.env, DATABASE_URL: fresh.url },
    });
    const { seedPlaycart } = await import("./seed-playcart.mjs");
    console.log(`  Playcart campaigns: ${(await seedPlaycart(fresh.url)).join(", ")}`);
    return fresh;
  });
  const env = {
    ...process.env,
    DATABASE_URL: db.url,
    SITE_URL: `http://127.0.0.1:${port}`,
    STRIPE_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString("hex")}`,
    STORE_TEST_PAYMENTS: "1",
    // Playcart: its link secret, the cron's bearer, its own Stripe endpoint's signing secret,
    // the test mailbox, the store's admin token and the cookie-pinned test clock.
    PLAYCART_SECRET: randomBytes(24).toString("hex"),
    CRON_SECRET: process.env.CRON_SECRET ?? "minimal-store-cron-secret-0123456789",
    PLAYCART_STRIPE_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString("hex")}`,
    SMTP_URL: `smtp://127.0.0.1:${process.env.STORE_SMTP_PORT ?? "2560"}`,
    STORE_ADMIN_TOKEN: process.env.STORE_ADMIN_TOKEN ?? "minimal-store-admin-token-0123456789",
    STORE_TEST_CLOCK: "cookie",
    // Playcart's endpoint, added beside the store's own as a second endpoint in Stripe's dashboard would be.
    STORE_TEST_WEBHOOKS: "/api/playcart/stripe=PLAYCART_STRIPE_WEBHOOK_SECRET",
    NEXT_TELEMETRY_DISABLED: "1",
    STORE_PORT: port,
  };
  const next = path.join(store, "node_modules", ".bin", "next");
  if (!reuse || !existsSync(path.join(store, ".next", "BUILD_ID")))
    step("next build", () => run(next, ["build"], { cwd: store, env }));
  await step(`next start on port ${port}`, async () => {
    await ensurePortFree();
    server = spawn(next, ["start", "-p", port, "-H", "127.0.0.1"], { cwd: store, env, stdio: "inherit" });
    await waitForHealth(server);
  });
  status = step("playwright (e2e/, e2e-playcart/)", () => {
    const res = spawnSync(path.join(store, "node_modules", ".bin", "playwright"), ["test", ...process.argv.slice(2)], {
      cwd: store,
      env,
      stdio: "inherit",
    });
    return res.status ?? 1;
  });
} catch (err) {
  console.error(`\n[minimal-store] ${err instanceof Error ? err.message : err}`);
  status = 1;
} finally {
  server?.kill("SIGTERM");
  await db?.drop();
  console.log(`\n[minimal-store] finished in ${elapsed(started)} (exit ${status})`);
}
process.exit(status);

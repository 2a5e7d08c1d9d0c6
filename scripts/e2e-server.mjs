// The app servers for Playwright, each on a fresh embedded database: `next start` on the
// store's production build (E2E_PORT), and beside it on E2E_PORT + 1 the same store built
// without Playcart (scripts/build-without-playcart.mjs), for the checkout-without-playcart
// spec, which runs last and waits for it. Set E2E_SKIP_BUILD=1 to reuse an existing .next
// build. The build without Playcart is reused when newer than .next's; otherwise it is built
// while the suite runs, at the lowest CPU priority, and its server started after it.
import { spawn, spawnSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  buildWithoutPlaycart,
  WITHOUT_PLAYCART_DIST_DIR,
  withoutPlaycartIsCurrent,
} from "./build-without-playcart.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const next = path.join(root, "node_modules", ".bin", "next");

const port = process.env.E2E_PORT ?? "3100";
const withoutPlaycartPort = String(Number(port) + 1);
const smtpPort = process.env.E2E_SMTP_PORT ?? "2525";
const env = { ...process.env };
// e2e runs the embedded database like the demo, and test payments (no Stripe keys).
delete env.DATABASE_URL;
for (const key of Object.keys(env)) if (key.startsWith("STRIPE_")) delete env[key];
Object.assign(env, {
  PGLITE_DIR: ".data-e2e",
  AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret",
  AUTH_TRUST_HOST: "true",
  AUTH_URL: `http://127.0.0.1:${port}`,
  ADMIN_EMAILS: "admin@playcart.test",
  CRON_SECRET: "e2e-cron-secret-0123456789",
  SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  NEXT_TELEMETRY_DISABLED: "1",
  // Each browser may pin Playcart's clock with the pc_test_clock cookie (weekly windows).
  PLAYCART_TEST_CLOCK: "cookie",
  // Playcart on, unless a browser's pc_test_engage cookie turns it off (the checkout without Playcart).
  PLAYCART_ENGAGE: "cookie",
  STORE_TIMEZONE: "Europe/Berlin",
  // The rules engine's sweep runs on the server's own schedule, as in the demo; reminders
  // are dispatched by the tests themselves (their clock is the browser's test clock).
  PLAYCART_SELF_SCHEDULE: "events",
  PORT: port,
});

rmSync(path.join(root, ".data-e2e"), { recursive: true, force: true });
mkdirSync(path.join(root, ".data-e2e"));

// Every email the app sends is DKIM-signed with a key made for this run (read from a file, as
// DKIM_PRIVATE_KEY_FILE is meant to be used); the tests verify signatures against the public
// half in dkim-record.txt, the TXT record an owner would publish.
const dkim = generateKeyPairSync("rsa", { modulusLength: 2048 });
const keyFile = path.join(root, ".data-e2e", "dkim.pem");
writeFileSync(keyFile, dkim.privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
const publicKey = dkim.publicKey.export({ type: "spki", format: "der" }).toString("base64");
writeFileSync(path.join(root, ".data-e2e", "dkim-record.txt"), `v=DKIM1; k=rsa; p=${publicKey}`);
Object.assign(env, { DKIM_DOMAIN: "playcart.test", DKIM_SELECTOR: "e2e", DKIM_PRIVATE_KEY_FILE: keyFile });
delete env.DKIM_PRIVATE_KEY;

const distDir = process.env.NEXT_DIST_DIR || ".next";
if (process.env.E2E_SKIP_BUILD === "1" && existsSync(path.join(root, distDir, "BUILD_ID"))) {
  console.log(`[e2e-server] E2E_SKIP_BUILD=1: reusing the existing ${distDir} build`);
} else {
  const build = spawnSync(next, ["build"], { env, stdio: "inherit" });
  if (build.status !== 0) {
    console.error(`[e2e-server] next build failed (${build.signal ?? `exit ${build.status}`})`);
    process.exit(1);
  }
}
const servers = [];
let building = null;
const stopAll = (sig) => {
  for (const s of servers) if (s.exitCode === null) s.kill(sig);
  if (building?.exitCode === null) building.kill(sig);
};
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => stopAll(sig));
/** `next start` on a build; when either server exits, so does the other, and this process. */
function start(startEnv) {
  const server = spawn(next, ["start", "-p", startEnv.PORT, "-H", "127.0.0.1"], { env: startEnv, stdio: "inherit" });
  servers.push(server);
  server.on("exit", (code, signal) => {
    stopAll("SIGTERM");
    process.exit(code ?? (signal ? 0 : 1));
  });
}

start(env);

if (withoutPlaycartIsCurrent(distDir)) {
  console.log(
    `[e2e-server] reusing the build without Playcart in ${WITHOUT_PLAYCART_DIST_DIR} (newer than ${distDir})`,
  );
} else {
  console.log(`[e2e-server] building the store without Playcart into ${WITHOUT_PLAYCART_DIST_DIR} (at nice 19)`);
  const build = buildWithoutPlaycart({ env, nice: true, stdio: ["ignore", "ignore", "inherit"] });
  building = build.process;
  const status = await build.done;
  if (status !== 0) {
    // The main server keeps serving the rest of the suite; the spec says the store never answered.
    console.error(`[e2e-server] the build without Playcart failed (exit ${status}): npm run build:without-playcart`);
  } else console.log("[e2e-server] built the store without Playcart");
}
if (withoutPlaycartIsCurrent(distDir)) {
  // Its PLAYCART_ENGAGE is the suite's own (on): the build alone leaves Playcart out.
  rmSync(path.join(root, ".data-e2e-without-playcart"), { recursive: true, force: true });
  start({
    ...env,
    NEXT_DIST_DIR: WITHOUT_PLAYCART_DIST_DIR,
    PGLITE_DIR: ".data-e2e-without-playcart",
    AUTH_URL: `http://127.0.0.1:${withoutPlaycartPort}`,
    PLAYCART_SELF_SCHEDULE: "0",
    PORT: withoutPlaycartPort,
  });
}

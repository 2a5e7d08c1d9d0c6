#!/usr/bin/env node
// `npm run build:without-playcart`: the store built with PLAYCART_ENGAGE=off into
// .next-without-playcart, beside the usual build: the same store with none of Playcart's
// shopper-facing code in its pages (next.config.js). `npm run bench:checkout` weighs the
// checkout against it and the e2e suite checks it; serve it with
// `NEXT_DIST_DIR=.next-without-playcart npm start`.
// `-- --if-stale`: only when it is missing or older than the store's build (.next, or
// NEXT_DIST_DIR), so that the two are built from the same code.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const WITHOUT_PLAYCART_DIST_DIR = ".next-without-playcart";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const buildId = (dir) => path.join(root, dir, "BUILD_ID");

/** Whether the build without Playcart is there and no older than the store's build in mainDistDir. */
export function withoutPlaycartIsCurrent(mainDistDir = process.env.NEXT_DIST_DIR || ".next") {
  const mine = buildId(WITHOUT_PLAYCART_DIST_DIR);
  const main = buildId(mainDistDir);
  return existsSync(mine) && existsSync(main) && statSync(mine).mtimeMs >= statSync(main).mtimeMs;
}

/** Builds it, its output on this process's; the exit status of `next build`. */
export function buildWithoutPlaycart(env = process.env) {
  const build = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], {
    cwd: root,
    env: { ...env, PLAYCART_ENGAGE: "off", NEXT_DIST_DIR: WITHOUT_PLAYCART_DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "inherit",
  });
  return build.status ?? 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes("--if-stale") && withoutPlaycartIsCurrent()) {
    console.log(`${WITHOUT_PLAYCART_DIST_DIR}/ is newer than the store's build: reusing it`);
    process.exit(0);
  }
  const started = Date.now();
  const status = buildWithoutPlaycart();
  if (status === 0)
    console.log(
      `built the store without Playcart into ${WITHOUT_PLAYCART_DIST_DIR}/ in ${Math.round((Date.now() - started) / 1000)} s`,
    );
  process.exit(status);
}

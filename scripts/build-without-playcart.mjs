#!/usr/bin/env node
// `npm run build:without-playcart`: the store built with PLAYCART_ENGAGE=off into
// .next-without-playcart, beside the usual build: the same store with none of Playcart's
// shopper-facing code in its pages (next.config.js). `npm run bench:checkout` weighs the
// checkout against it and the e2e suite checks it; serve it with
// `NEXT_DIST_DIR=.next-without-playcart npm start`. It skips the type check (BUILD_TYPECHECK=off):
// the code is the store's own, which `npm run build` and `npm run typecheck` check.
// `-- --if-stale`: only when it is missing or older than the store's build (.next, or
// NEXT_DIST_DIR), so that the two are built from the same code.
import { spawn } from "node:child_process";
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

/**
 * Builds it, its output on this process's (or `stdio` as given): the `next build` process, and
 * `done`, resolving to its exit status. `nice`: at the lowest CPU priority, beside work that
 * should keep the CPU.
 */
export function buildWithoutPlaycart({ env = process.env, nice = false, stdio = "inherit" } = {}) {
  const next = path.join(root, "node_modules", ".bin", "next");
  const [cmd, args] = nice && process.platform !== "win32" ? ["nice", ["-n", "19", next, "build"]] : [next, ["build"]];
  const build = spawn(cmd, args, {
    cwd: root,
    env: {
      ...env,
      PLAYCART_ENGAGE: "off",
      NEXT_DIST_DIR: WITHOUT_PLAYCART_DIST_DIR,
      BUILD_TYPECHECK: "off",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio,
  });
  const done = new Promise((resolve) => {
    build.on("error", () => resolve(1));
    build.on("close", (status) => resolve(status ?? 1));
  });
  return { process: build, done };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes("--if-stale") && withoutPlaycartIsCurrent()) {
    console.log(`${WITHOUT_PLAYCART_DIST_DIR}/ is newer than the store's build: reusing it`);
    process.exit(0);
  }
  const started = Date.now();
  const status = await buildWithoutPlaycart().done;
  if (status === 0)
    console.log(
      `built the store without Playcart into ${WITHOUT_PLAYCART_DIST_DIR}/ in ${Math.round((Date.now() - started) / 1000)} s`,
    );
  process.exit(status);
}

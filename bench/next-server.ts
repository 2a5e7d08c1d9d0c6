// The app as a shopper reaches it, for the play benchmark: `next start` on a build, against
// the benchmark's Postgres database.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { canListen } from "../test/support/server";

const root = path.resolve(__dirname, "..");

/** `pid`: the `next start` process; its CPU (with any process it spawns) is read from /proc (proc.ts). */
export type NextServer = { url: string; pid: number; stop: () => Promise<void> };

export function hasBuild(distDir = ".next"): boolean {
  return existsSync(path.join(root, distDir, "BUILD_ID"));
}

/** Where `npm run build:without-playcart` builds the store without Playcart's shopper-facing code. */
export const WITHOUT_PLAYCART = ".next-without-playcart";

/** The store built without Playcart, built again when it is missing or older than the .next build. */
export function ensureBuildWithoutPlaycart(): void {
  const build = spawnSync(process.execPath, [path.join(root, "scripts", "build-without-playcart.mjs"), "--if-stale"], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
  });
  if (build.status !== 0 || !hasBuild(WITHOUT_PLAYCART)) {
    console.error(build.stdout);
    throw new Error(`npm run build:without-playcart failed (${build.signal ?? `exit ${build.status}`})`);
  }
  // What it did: its last line (reused, or built in how long).
  console.log(`[bench] ${build.stdout.trim().split("\n").at(-1)}`);
}

/** The bench server's secret: the bench signs each shopper's offer token with it, as the checkout page would. */
export const BENCH_AUTH_SECRET = "bench-secret-bench-secret-bench";

const START_TIMEOUT_MS = 180_000;

export async function startNext(opts: {
  databaseUrl: string;
  port: number;
  env?: Record<string, string>;
  nodeArgs?: string[];
}): Promise<NextServer> {
  // Another server on the port would answer the health check below in this one's place.
  if (!(await canListen(opts.port)))
    throw new Error(`port ${opts.port} is already in use: set BENCH_PORT to a free one`);
  const nextCli = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const args = [...(opts.nodeArgs ?? []), nextCli, "start", "-p", String(opts.port), "-H", "127.0.0.1"];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: opts.databaseUrl,
      AUTH_SECRET: BENCH_AUTH_SECRET,
      AUTH_TRUST_HOST: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      PLAYCART_TEST_CLOCK: "",
      ...opts.env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${opts.port}`;
  // On a machine shared with builds and test suites a cold start can take well over a minute.
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      // Not left running on the port (nor holding this process's stderr) once the bench gives up.
      child.kill("SIGTERM");
      throw new Error(`next start did not answer /api/health within ${START_TIMEOUT_MS / 1000} s`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

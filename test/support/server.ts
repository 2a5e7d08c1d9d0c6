// A real `next start` for tests and benchmarks: a separate process on a Postgres database,
// reached over HTTP, that a test can kill -9. It runs the production build in the directory
// NEXT_DIST_DIR names (default `.next`); `npm test` builds it once before the pg and e2e suites.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const nextBin = path.join(repoRoot, "node_modules", ".bin", "next");

export const TEST_AUTH_SECRET = "pg-suite-auth-secret-0123456789abcdef";
export const TEST_WEBHOOK_SECRET = "whsec_pgsuite0123456789abcdefghijklmnopqrstuv";

export const distDir = () => process.env.NEXT_DIST_DIR || ".next";
const buildIdFile = () => path.join(repoRoot, distDir(), "BUILD_ID");

/**
 * Makes sure a production build exists in the dist dir, building it if it is missing
 * (`npm test` builds up front, so this only builds when the suite is run on its own).
 * A build into a non-default dir makes Next add that dir to tsconfig.json; that is undone.
 */
export function ensureBuild(opts: { force?: boolean } = {}): void {
  if (!opts.force && existsSync(buildIdFile())) return;
  const tsconfigPath = path.join(repoRoot, "tsconfig.json");
  const tsconfig = readFileSync(tsconfigPath, "utf8");
  console.log(`[server] no production build in ${distDir()}/; running next build (about 40 s)...`);
  const res = spawnSync(nextBin, ["build"], {
    cwd: repoRoot,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...cleanEnv(), NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (distDir() !== ".next" && readFileSync(tsconfigPath, "utf8") !== tsconfig) writeFileSync(tsconfigPath, tsconfig);
  if (res.status !== 0 || !existsSync(buildIdFile())) {
    throw new Error(
      `next build into ${distDir()}/ failed (${res.signal ?? `exit ${res.status}`}); see the output above`,
    );
  }
}

/** The parent's environment without what must not leak into the app server. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (
      key.startsWith("STRIPE_") ||
      key.startsWith("VITEST") ||
      key === "NODE_ENV" ||
      key === "PGLITE_DIR" ||
      key === "TEST"
    ) {
      delete env[key];
    }
  }
  return env;
}

/**
 * A free port below the kernel's ephemeral range. A port from that range (what listen(0)
 * hands out) can be picked as the source port of the readiness probe's own connection to it
 * while the server is still starting: Linux then connects the socket to itself, the port is
 * taken, and `next start` fails with EADDRINUSE.
 */
export async function freePort(): Promise<number> {
  const lowestEphemeral = ephemeralRangeStart();
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 10_000 + Math.floor(Math.random() * (lowestEphemeral - 10_000));
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port found between 10000 and ${lowestEphemeral}`);
}

function ephemeralRangeStart(): number {
  try {
    const start = Number(readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/)[0]);
    if (Number.isInteger(start) && start > 11_000) return start;
  } catch {
    // not Linux: 32768 is at or below every common default range (macOS starts at 49152)
  }
  return 32_768;
}

/** Whether a server could listen on the port on 127.0.0.1 now (nothing else holds it). */
export function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.unref();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

export type TestServer = {
  url: string;
  port: number;
  pid: number;
  /** Sends a signal (default SIGKILL) and resolves once the process has exited. */
  kill: (signal?: NodeJS.Signals) => Promise<void>;
  /** SIGTERM, then SIGKILL after 5 s; resolves once the process has exited. */
  stop: () => Promise<void>;
  /** Everything the server printed so far (for failure messages). */
  output: () => string;
};

export type StartServerOptions = {
  databaseUrl: string;
  /** Default: a free port. */
  port?: number;
  /** Extra or overriding variables for the server. */
  env?: Record<string, string | undefined>;
  /** Default 30 s. */
  readyTimeoutMs?: number;
  /** Echo the server's output (also with PLAYCART_SERVER_LOGS=1). */
  logs?: boolean;
};

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Spawns `next start` on the database and resolves once GET /api/health answers 200. */
export async function startServer(opts: StartServerOptions): Promise<TestServer> {
  ensureBuild();
  const port = opts.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...cleanEnv(),
    DATABASE_URL: opts.databaseUrl,
    AUTH_SECRET: TEST_AUTH_SECRET,
    AUTH_TRUST_HOST: "true",
    AUTH_URL: url,
    STRIPE_SECRET_KEY: "sk_test_dummy",
    STRIPE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }

  // Its own process group, so a kill reaches whatever it may fork.
  const child = spawn(nextBin, ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: repoRoot,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  live.add(child);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // A test runner that dies must not leave servers behind.
    process.on("exit", () => {
      for (const c of live) if (c.pid && c.exitCode === null && c.signalCode === null) signalGroup(c.pid, "SIGKILL");
    });
  }

  const echo = opts.logs ?? process.env.PLAYCART_SERVER_LOGS === "1";
  let out = "";
  const collect = (chunk: Buffer) => {
    const s = chunk.toString();
    out = (out + s).slice(-64_000);
    if (echo) process.stderr.write(`[server :${port}] ${s}`);
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);

  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    child.once("exit", () => {
      live.delete(child);
      resolve();
    });
  });
  const isRunning = () => child.exitCode === null && child.signalCode === null;

  const kill = async (signal: NodeJS.Signals = "SIGKILL") => {
    if (isRunning() && child.pid) signalGroup(child.pid, signal);
    await exited;
  };
  const stop = async () => {
    if (!isRunning()) return;
    const timer = setTimeout(() => child.pid && signalGroup(child.pid, "SIGKILL"), 5_000);
    await kill("SIGTERM");
    clearTimeout(timer);
  };

  const deadline = Date.now() + (opts.readyTimeoutMs ?? 30_000);
  for (;;) {
    if (!isRunning()) {
      throw new Error(`next start exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${out}`);
    }
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (res.status === 200) break;
      await res.arrayBuffer();
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await kill("SIGKILL");
      throw new Error(
        `next start did not answer ${url}/api/health within ${opts.readyTimeoutMs ?? 30_000} ms:\n${out}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return { url, port, pid: child.pid!, kill, stop, output: () => out };
}

function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

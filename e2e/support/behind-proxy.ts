// The store as a real deployment runs it: `next start` on a private address, reached only
// through a reverse proxy that answers for the store's own domain (Host: shop.example.test).
// A second app server on the e2e build (its own embedded database), configured with that
// public origin, and a tiny HTTP proxy that browsers use to reach the domain. Nothing else is
// reachable through it: any other host gets 502, so a link to localhost fails loudly.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

export const PUBLIC_HOST = "shop.example.test";
export const PUBLIC_ORIGIN = `http://${PUBLIC_HOST}`;

export type BehindProxy = { proxyUrl: string; appPort: number; requests: string[]; close(): Promise<void> };

const root = path.resolve(__dirname, "..", "..");

export async function startBehindProxy(opts: { appPort: number; smtpPort: number }): Promise<BehindProxy> {
  const requests: string[] = [];
  const proxy = http.createServer((req, res) => {
    // A browser talking to a forward proxy sends the absolute URL; a reverse proxy sees the path.
    const target = new URL(req.url ?? "/", `http://${req.headers.host ?? "invalid"}`);
    requests.push(`${req.method} ${target.href}`);
    if (target.hostname !== PUBLIC_HOST) {
      res.writeHead(502, { "content-type": "text/plain" }).end(`This proxy serves ${PUBLIC_HOST} only.`);
      return;
    }
    const upstream = http.request(
      {
        host: "127.0.0.1",
        port: opts.appPort,
        method: req.method,
        path: `${target.pathname}${target.search}`,
        headers: { ...req.headers, host: PUBLIC_HOST, "x-forwarded-host": PUBLIC_HOST, "x-forwarded-proto": "http" },
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;

  const dataDir = path.join(root, ".data-e2e-proxy");
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir);
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  for (const key of Object.keys(env)) if (key.startsWith("STRIPE_")) delete env[key];
  Object.assign(env, {
    NODE_ENV: "production",
    PGLITE_DIR: ".data-e2e-proxy",
    AUTH_SECRET: "e2e-proxy-secret-e2e-proxy-secret",
    AUTH_TRUST_HOST: "true",
    AUTH_URL: PUBLIC_ORIGIN,
    PLAYCART_PUBLIC_ORIGIN: PUBLIC_ORIGIN,
    ADMIN_EMAILS: "admin@playcart.test",
    CRON_SECRET: "e2e-cron-secret-0123456789",
    SMTP_URL: `smtp://127.0.0.1:${opts.smtpPort}`,
    NEXT_TELEMETRY_DISABLED: "1",
    PLAYCART_SELF_SCHEDULE: "events",
    PORT: String(opts.appPort),
  });
  const server: ChildProcess = spawn(
    path.join(root, "node_modules", ".bin", "next"),
    ["start", "-p", String(opts.appPort), "-H", "127.0.0.1"],
    { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] },
  );
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the app server behind the proxy exited (${server.exitCode})`);
    const ok = await fetch(`http://127.0.0.1:${opts.appPort}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error("the app server behind the proxy did not answer /api/health");
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    proxyUrl,
    appPort: opts.appPort,
    requests,
    async close() {
      server.kill("SIGTERM");
      await exited;
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

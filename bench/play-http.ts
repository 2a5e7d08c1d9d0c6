// Plays as a browser sends them to `next start`: the JSON route (POST /api/playcart/play) and
// the checkout's server action (POST /checkout with a Next-Action header). Each request is
// a different first-time shopper (their own session cookie and a cart with two items), as at
// a real checkout, where a shopper plays once; 20 such requests are in flight at any time.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { mintOfferToken, offerSecretOf } from "playcart";
import type { Db } from "@/db/client";
import { BENCH_AUTH_SECRET } from "./next-server";

export type HttpMeasurement = {
  latenciesMs: number[];
  refused: Map<string, number>;
  errors: number;
  seconds: number;
  serverCpuMs: number;
};

/** Shopper sessions with carts, `count` of them: ids valid for the pc_sid cookie. */
export async function createSessions(db: Db, count: number): Promise<string[]> {
  const run = randomUUID().slice(0, 8);
  await db.execute(sql`
    INSERT INTO carts (session_id, email)
    SELECT 'bench-' || ${run} || '-' || lpad(i::text, 20, '0'), 'bench-' || ${run} || '-' || i || '@example.test'
    FROM generate_series(0, ${count - 1}::int) AS i`);
  await db.execute(sql`
    INSERT INTO cart_items (cart_id, product_id, quantity)
    SELECT c.id, p.id, 1 FROM carts c CROSS JOIN (SELECT id FROM products WHERE slug IN ('house-espresso', 'butter-croissant')) p
    WHERE c.session_id LIKE ${`bench-${run}-%`}`);
  return Array.from({ length: count }, (_, i) => `bench-${run}-${String(i).padStart(20, "0")}`);
}

export function playActionId(): string {
  const manifest = JSON.parse(
    readFileSync(path.resolve(__dirname, "..", ".next", "server", "server-reference-manifest.json"), "utf8"),
  );
  const entry = Object.entries(manifest.node as Record<string, { exportedName?: string }>).find(
    ([, v]) => v.exportedName === "playGameAction",
  );
  if (!entry) throw new Error("playGameAction is not in the build's server-reference-manifest.json");
  return entry[0];
}

type Via = { kind: "route" } | { kind: "action"; actionId: string };

async function playOnce(baseUrl: string, via: Via, sessionId: string, campaignId: string): Promise<string> {
  // The offer token the checkout page gives this shopper's browser with the game.
  const holder = { id: sessionId, userRef: null };
  const token = mintOfferToken(offerSecretOf(BENCH_AUTH_SECRET), {
    campaignId,
    placement: "checkout",
    holder,
    now: new Date(),
  });
  const body = { campaignId, requestId: randomUUID().replace(/-/g, ""), token };
  if (via.kind === "route") {
    const res = await fetch(`${baseUrl}/api/playcart/play`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: `pc_sid=${sessionId}` },
      body: JSON.stringify(body),
    });
    const out = (await res.json()) as { status: string; code?: string };
    return out.status === "ok" ? "ok" : (out.code ?? `http ${res.status}`);
  }
  const res = await fetch(`${baseUrl}/checkout`, {
    method: "POST",
    headers: {
      "next-action": via.actionId,
      accept: "text/x-component",
      "content-type": "text/plain;charset=UTF-8",
      origin: baseUrl,
      cookie: `pc_sid=${sessionId}`,
    },
    body: JSON.stringify([body]),
  });
  const text = await res.text();
  if (text.includes('"status":"ok"')) return "ok";
  return /"code":"([a-z_]+)"/.exec(text)?.[1] ?? `http ${res.status}`;
}

export async function measureHttpPlays(
  baseUrl: string,
  via: Via,
  campaignId: string,
  sessions: string[],
  opts: { shoppers: number; seconds: number; serverCpuMs: () => number },
): Promise<HttpMeasurement> {
  const m: HttpMeasurement = { latenciesMs: [], refused: new Map(), errors: 0, seconds: 0, serverCpuMs: 0 };
  let next = 0;
  const cpu0 = opts.serverCpuMs();
  const started = performance.now();
  const deadline = started + opts.seconds * 1_000;
  const worker = async () => {
    while (performance.now() < deadline && next < sessions.length) {
      const sessionId = sessions[next++];
      const t0 = performance.now();
      try {
        const outcome = await playOnce(baseUrl, via, sessionId, campaignId);
        if (outcome === "ok") m.latenciesMs.push(performance.now() - t0);
        else m.refused.set(outcome, (m.refused.get(outcome) ?? 0) + 1);
      } catch (err) {
        m.errors += 1;
        if (m.errors <= 3) console.error(err);
      }
    }
  };
  await Promise.all(Array.from({ length: opts.shoppers }, worker));
  m.seconds = (performance.now() - started) / 1_000;
  m.serverCpuMs = opts.serverCpuMs() - cpu0;
  if (next >= sessions.length) console.log(`[bench] note: ran out of prepared sessions after ${next} plays`);
  return m;
}

/**
 * The floor under any play over HTTP: `next start`'s own cost of one request that runs one
 * query (GET /api/health), with the same 20 requests in flight. Server CPU per request.
 */
export async function measureRequestFloor(
  baseUrl: string,
  opts: { shoppers: number; seconds: number; serverCpuMs: () => number },
): Promise<{ requests: number; cpuMsPerRequest: number }> {
  let requests = 0;
  const cpu0 = opts.serverCpuMs();
  const deadline = performance.now() + opts.seconds * 1_000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const res = await fetch(`${baseUrl}/api/health`);
      await res.text();
      if (!res.ok) throw new Error(`/api/health answered ${res.status}`);
      requests += 1;
    }
  };
  await Promise.all(Array.from({ length: opts.shoppers }, worker));
  return { requests, cpuMsPerRequest: (opts.serverCpuMs() - cpu0) / Math.max(1, requests) };
}

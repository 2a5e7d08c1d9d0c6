// Plays as a browser sends them to `next start`, and the health requests of the same router
// type: the JSON route (POST /api/playcart/play, an App Router route handler) beside
// GET /api/health, and the checkout's server action (POST /checkout with a Next-Action
// header) beside the health probe's server action (POST /health/action). Each play is a
// different first-time shopper (their own session cookie and a cart with two items), as at a
// real checkout, where a shopper plays once.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { mintOfferToken, offerSecretOf } from "playcart";
import type { Db } from "@/db/client";
import { request } from "./http-client";
import type { Outcome, Send } from "./load";
import { BENCH_AUTH_SECRET } from "./next-server";

/** Shopper sessions with carts, handed out once each. */
export class Sessions {
  private next = 0;
  private constructor(private readonly ids: string[]) {}

  /** `count` sessions with a cart of two items: ids valid for the pc_sid cookie. */
  static async create(db: Db, count: number): Promise<Sessions> {
    const run = randomUUID().slice(0, 8);
    await db.execute(sql`
      INSERT INTO carts (session_id, email)
      SELECT 'bench-' || ${run} || '-' || lpad(i::text, 20, '0'), 'bench-' || ${run} || '-' || i || '@example.test'
      FROM generate_series(0, ${count - 1}::int) AS i`);
    await db.execute(sql`
      INSERT INTO cart_items (cart_id, product_id, quantity)
      SELECT c.id, p.id, 1 FROM carts c CROSS JOIN (SELECT id FROM products WHERE slug IN ('house-espresso', 'butter-croissant')) p
      WHERE c.session_id LIKE ${`bench-${run}-%`}`);
    return new Sessions(Array.from({ length: count }, (_, i) => `bench-${run}-${String(i).padStart(20, "0")}`));
  }

  take(): string {
    const id = this.ids[this.next++];
    if (id === undefined) throw new Error(`ran out of the ${this.ids.length} prepared shopper sessions`);
    return id;
  }
}

/** The id of a server action in the build (`exportedName` as the source exports it). */
export function actionId(exportedName: string): string {
  const manifest = JSON.parse(
    readFileSync(path.resolve(__dirname, "..", ".next", "server", "server-reference-manifest.json"), "utf8"),
  );
  const entry = Object.entries(manifest.node as Record<string, { exportedName?: string }>).find(
    ([, v]) => v.exportedName === exportedName,
  );
  if (!entry) throw new Error(`${exportedName} is not in the build's server-reference-manifest.json`);
  return entry[0];
}

export type Via = { kind: "route" } | { kind: "action"; actionId: string };

/** Headers of a server action's POST, as React sends them. */
const actionHeaders = (baseUrl: string, id: string, cookie?: string): Record<string, string> => ({
  "next-action": id,
  accept: "text/x-component",
  "content-type": "text/plain;charset=UTF-8",
  origin: baseUrl,
  ...(cookie ? { cookie } : {}),
});

/** A play's body for this browser: the game, a fresh request id, the offer token the checkout page would have given it. */
function playBody(campaignId: string, sessionId: string) {
  const token = mintOfferToken(offerSecretOf(BENCH_AUTH_SECRET), {
    campaignId,
    placement: "checkout",
    holder: { id: sessionId, userRef: null },
    now: new Date(),
  });
  return { campaignId, requestId: randomUUID().replace(/-/g, ""), token };
}

/** Each call: a new shopper's play, with the offer token the checkout page would have given their browser. */
export function playSend(baseUrl: string, via: Via, campaignId: string, sessions: Sessions): Send {
  return async (): Promise<Outcome> => {
    const sessionId = sessions.take();
    const body = playBody(campaignId, sessionId);
    const cookie = `pc_sid=${sessionId}`;
    if (via.kind === "route") {
      const res = await request(`${baseUrl}/api/playcart/play`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie },
        body: JSON.stringify(body),
      });
      return { status: res.status, outcome: /"status":"ok"/.test(res.body) ? "ok" : codeOf(res.body, res.status) };
    }
    const res = await request(`${baseUrl}/checkout`, {
      method: "POST",
      headers: actionHeaders(baseUrl, via.actionId, cookie),
      body: JSON.stringify([body]),
    });
    return { status: res.status, outcome: res.body.includes('"status":"ok"') ? "ok" : codeOf(res.body, res.status) };
  };
}

const codeOf = (body: string, status: number) => /"code":"([a-z_]+)"/.exec(body)?.[1] ?? `http ${status}`;

/** GET /api/health: an App Router route handler, one `select 1` through the app's db client. */
export function routeHealthSend(baseUrl: string): Send {
  return async () => {
    const res = await request(`${baseUrl}/api/health`);
    return { status: res.status, outcome: "ok" };
  };
}

/**
 * POST /api/health with a body shaped and sized as a play's: the same route handler's check after
 * Next has read a JSON body, as it reads a play's. The floor for the play route: a play is a POST.
 */
export function routePostHealthSend(baseUrl: string, campaignId: string): Send {
  // Any id of a session's length: the health check reads neither the cookie nor the body's fields.
  const sessionId = `bench-health-${"0".repeat(20)}`;
  const body = JSON.stringify(playBody(campaignId, sessionId));
  // The cookie a shopper's browser sends with every request to the store, the health check's too.
  const cookie = `pc_sid=${sessionId}`;
  return async () => {
    const res = await request(`${baseUrl}/api/health`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body,
    });
    return { status: res.status, outcome: "ok" };
  };
}

/** The health probe's server action, posted to its page (/health/action): the same `select 1`. */
export function actionHealthSend(baseUrl: string, id: string): Send {
  return async () => {
    const res = await request(`${baseUrl}/health/action`, {
      method: "POST",
      headers: actionHeaders(baseUrl, id),
      body: "[]",
    });
    return { status: res.status, outcome: "ok" };
  };
}

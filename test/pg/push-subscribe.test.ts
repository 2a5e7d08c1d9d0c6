// POST /api/playcart/push on a real `next start`: a browser's push subscription is saved for
// the contact of its own cart, only from the store's own pages, and bad input saves nothing.
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { rowsOf } from "playcart/internal/core/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSeededServer, type TestDatabase } from "../support/seeded-server";
import type { TestServer } from "../support/server";

let t: TestDatabase;
let server: TestServer;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ t, server, close } = await startSeededServer());
});
afterAll(() => close?.());

/** A browser whose open cart has the given contact email (null: a cart without one). */
async function browserWithCart(email: string | null) {
  const sessionId = randomBytes(24).toString("base64url");
  await t.db.execute(sql`INSERT INTO carts (session_id, email) VALUES (${sessionId}, ${email})`);
  return `pc_sid=${sessionId}`;
}

const subscription = (host = "push.example.test") => ({
  endpoint: `https://${host}/send/${randomBytes(8).toString("hex")}`,
  keys: { p256dh: "B".repeat(87), auth: "a".repeat(22) },
});

async function subscribe(body: string, headers: Record<string, string>) {
  const res = await fetch(`${server.url}/api/playcart/push`, { method: "POST", headers, body });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const saved = async () =>
  rowsOf<{ email: string; endpoint: string }>(
    await t.db.execute(sql`SELECT email, endpoint FROM playcart_push_subscriptions ORDER BY endpoint`),
  );

describe("POST /api/playcart/push", () => {
  it("saves the subscription for the email on this browser's cart", async () => {
    const cookie = await browserWithCart("Push.Shopper@Example.test");
    const sub = subscription();
    const res = await subscribe(JSON.stringify(sub), {
      cookie,
      "content-type": "application/json",
      "sec-fetch-site": "same-origin",
    });
    expect(res).toEqual({ status: 201, body: { subscribed: true } });
    expect((await saved()).filter((r) => r.endpoint === sub.endpoint)).toEqual([
      { email: "push.shopper@example.test", endpoint: sub.endpoint },
    ]);
  });

  const refusals: Array<[string, () => Promise<{ body: string; headers: Record<string, string> }>, number]> = [
    [
      "a browser with no cart or account",
      async () => ({ body: JSON.stringify(subscription()), headers: { "content-type": "application/json" } }),
      403,
    ],
    [
      "a cart without a contact email",
      async () => ({
        body: JSON.stringify(subscription()),
        headers: { cookie: await browserWithCart(null), "content-type": "application/json" },
      }),
      403,
    ],
    [
      "another site's page (Sec-Fetch-Site: cross-site)",
      async () => ({
        body: JSON.stringify(subscription()),
        headers: {
          cookie: await browserWithCart("x@example.test"),
          "content-type": "application/json",
          "sec-fetch-site": "cross-site",
        },
      }),
      403,
    ],
    [
      "a body sent as text/plain (what a cross-site form or no-cors fetch can send)",
      async () => ({
        body: JSON.stringify(subscription()),
        headers: { cookie: await browserWithCart("x@example.test"), "content-type": "text/plain" },
      }),
      403,
    ],
    [
      "malformed JSON",
      async () => ({
        body: "{not json",
        headers: { cookie: await browserWithCart("x@example.test"), "content-type": "application/json" },
      }),
      400,
    ],
    [
      "an endpoint that is not https (the server would post wherever it points)",
      async () => ({
        body: JSON.stringify({ ...subscription(), endpoint: "http://127.0.0.1:5432/x" }),
        headers: { cookie: await browserWithCart("x@example.test"), "content-type": "application/json" },
      }),
      400,
    ],
    [
      "keys missing",
      async () => ({
        body: JSON.stringify({ endpoint: subscription().endpoint }),
        headers: { cookie: await browserWithCart("x@example.test"), "content-type": "application/json" },
      }),
      400,
    ],
    [
      "a body over 4 kB",
      async () => ({
        body: JSON.stringify({ ...subscription(), pad: "x".repeat(5_000) }),
        headers: { cookie: await browserWithCart("x@example.test"), "content-type": "application/json" },
      }),
      413,
    ],
  ];

  it.each(refusals)("refuses %s with %i and saves nothing", async (_name, make, status) => {
    const before = await saved();
    const { body, headers } = await make();
    const res = await subscribe(body, headers);
    expect(res.status).toBe(status);
    expect(typeof res.body.error).toBe("string");
    expect(await saved()).toEqual(before);
  });
});

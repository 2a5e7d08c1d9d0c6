// The privacy routes of playcart/next on a real Postgres: they act only for the signed-in
// shopper of the request's session. A guest is refused (401), another customer's id in the
// request is refused (403) and changes nothing, a cross-site post is refused, and the delete
// needs its confirmation; the shopper's own download and deletion work and clear Playcart's cookies.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { rowsOf } from "playcart/internal/core/db";
import { createPlaycart, NotSignedInError, type Playcart } from "playcart/next";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../support/pg";
import { buildShopperHistory, type ShopperHistory, seedLoyaltyProgramme } from "../support/shopper-history";

const BASE = "https://shop.example.test/api/playcart";
const NOW = new Date("2026-05-04T10:00:00Z");

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let playcart: Playcart;
let ada: ShopperHistory;
let bob: ShopperHistory;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedLoyaltyProgramme(t.db);
  playcart = createPlaycart({
    db: t.db,
    secret: "a-host-secret-0123456789",
    publicOrigin: "https://shop.example.com",
    timeZone: "Europe/Berlin",
    currency: "usd",
    now: () => NOW,
    adapter: {
      // x-test-member: signed in as that email (with that account); none: a guest.
      shopper: ({ request }) => {
        const member = request?.headers.get("x-test-member") ?? null;
        const user = request?.headers.get("x-test-user") ?? null;
        return { id: "browser-1", email: member, userRef: user, signedIn: Boolean(member) };
      },
      cart: () => null,
      order: () => null,
    },
  });
  ada = await buildShopperHistory(t.db, `ada-${randomUUID().slice(0, 6)}@example.test`, NOW);
  bob = await buildShopperHistory(t.db, `bob-${randomUUID().slice(0, 6)}@example.test`, NOW);
});
afterAll(() => t?.drop());

const as = (who: ShopperHistory | null, extra: Record<string, string> = {}) => ({
  ...(who ? { "x-test-member": who.email, "x-test-user": who.userRef } : {}),
  ...extra,
});
const download = (who: ShopperHistory | null, query = "") =>
  playcart.handlers.GET(new Request(`${BASE}/privacy/export${query}`, { headers: as(who) }));
const erase = (who: ShopperHistory | null, body: unknown, headers: Record<string, string> = {}) =>
  playcart.handlers.POST(
    new Request(`${BASE}/privacy/delete`, {
      method: "POST",
      headers: as(who, { "content-type": "application/json", ...headers }),
      body: JSON.stringify(body),
    }),
  );
const emailOf = async (id: string) =>
  rowsOf<{ email: string }>(await t.db.execute(sql`SELECT email FROM playcart_customers WHERE id = ${id}`))[0].email;

describe("GET privacy/export", () => {
  it("downloads the signed-in shopper's own data as a JSON attachment", async () => {
    const res = await download(ada);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="loyalty-data-2026-05-04.json"');
    expect(res.headers.get("cache-control")).toContain("no-store");
    const body = await res.json();
    expect(body.sections.customer.map((c: { id: string }) => c.id)).toEqual([ada.customerId]);
    expect(JSON.stringify(body)).not.toContain(bob.email);
    expect((await download(ada, `?customer=${ada.customerId}`)).status).toBe(200);
  });

  it("refuses a guest and another shopper's id", async () => {
    expect((await download(null)).status).toBe(401);
    expect((await download(ada, `?customer=${bob.customerId}`)).status).toBe(403);
    expect((await download(ada, "?customer=not-an-id")).status).toBe(403);
  });

  it("is answered only to the store's own pages", async () => {
    const res = await playcart.handlers.GET(
      new Request(`${BASE}/privacy/export`, { headers: as(ada, { "sec-fetch-site": "cross-site" }) }),
    );
    expect(res.status).toBe(403);
  });
});

describe("POST privacy/delete", () => {
  it("refuses without confirmation, for a guest, cross-site, or for another shopper, and changes nothing", async () => {
    expect((await erase(ada, {})).status).toBe(400);
    expect((await erase(ada, { confirm: "yes" })).status).toBe(400);
    expect((await erase(null, { confirm: "delete" })).status).toBe(401);
    expect((await erase(ada, { confirm: "delete" }, { "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await erase(ada, { confirm: "delete", customer: bob.customerId })).status).toBe(403);
    expect(await emailOf(ada.customerId)).toBe(ada.email);
    expect(await emailOf(bob.customerId)).toBe(bob.email);
  });

  it("deletes the shopper's own data once, clears Playcart's cookies, and leaves others alone", async () => {
    const res = await erase(ada, { confirm: "delete" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "deleted", erased: 1 });
    const cookies = res.headers.getSetCookie();
    expect(cookies.map((c) => c.split("=")[0]).sort()).toEqual(["pc_comeback", "pc_email", "pc_ref"]);
    expect(cookies.every((c) => c.includes("Max-Age=0"))).toBe(true);
    expect(await emailOf(ada.customerId)).toBe(`erased:${ada.customerId}`);
    expect(await emailOf(bob.customerId)).toBe(bob.email);
    // Again: nothing left to delete, and still no error.
    expect(await (await erase(ada, { confirm: "delete" })).json()).toEqual({ status: "deleted", erased: 0 });
  });

  it("the server helpers refuse a guest", async () => {
    await expect(playcart.shopperData({ request: new Request(BASE) })).rejects.toBeInstanceOf(NotSignedInError);
    await expect(playcart.deleteShopperData({ request: new Request(BASE) })).rejects.toBeInstanceOf(NotSignedInError);
  });
});

describe("the notice of financial incentive", () => {
  it("is the store's setting with a link to the full notice", async () => {
    const notice = await playcart.incentiveNotice();
    expect(notice.text).toMatch(/^Notice of financial incentive/);
    expect(notice).toMatchObject({ href: "/loyalty-notice", linkText: "Read the full notice" });
  });
});

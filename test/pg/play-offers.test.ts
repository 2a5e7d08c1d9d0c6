// The server plays only what it offered: a play must carry the offer token the server gave
// this shopper with the game at that placement (the checkout's game, the comeback game after
// a reminder's link, the exit nudge's). A forged campaign id, another shopper's token, an
// expired one or one for another placement is refused with 403 and writes nothing at all.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { mintOfferToken, type OfferPlacement, offerSecretOf } from "playcart";
import { type Cart, createPlaycart, type Playcart } from "playcart/next";
import { campaigns, prizes } from "playcart/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../support/pg";

const SECRET = "a-host-secret-for-offers-0123456789";
const BASE = "https://shop.example.test/api/playcart";
const NOW = new Date("2026-06-13T08:00:00Z");
const HOUR = 3_600_000;

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let playcart: Playcart;
let clock = NOW;
let checkoutGame: string;
let comebackGame: string;

const cartOf = (id: string): Cart => ({
  ref: `cart-${id}`,
  // Known by email, so the first-order game plays without its email step (tested elsewhere).
  email: `${id}@example.test`,
  shippingMinor: 490,
  lines: [{ productRef: "beans", name: "Beans", category: "coffee", unitPriceMinor: 1_800, quantity: 2 }],
});

async function campaign(placement: "checkout_first_order" | "comeback", label: string) {
  const id = randomUUID();
  const [c] = await t.db
    .insert(campaigns)
    .values({
      slug: `c-${id}`,
      name: `Campaign ${id.slice(0, 8)}`,
      gameType: placement === "comeback" ? "scratch_card" : "spin_wheel",
      placement,
      status: "live",
      allowance: { default: 5 },
      rewardScope: "this_order",
      holdoutPercent: 0,
    })
    .returning();
  await t.db
    .insert(prizes)
    .values({ campaignId: c.id, position: 0, label, weight: 1, rewardType: "amount_off", rewardValue: 200 });
  return c.id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  playcart = createPlaycart({
    db: t.db,
    secret: SECRET,
    timeZone: "Europe/Berlin",
    currency: "usd",
    now: () => clock,
    adapter: {
      // A browser is its x-test-shopper header here; a host reads its own session cookie.
      shopper: ({ request }) => request?.headers.get("x-test-shopper") ?? null,
      cart: (s) => cartOf(s.id!),
      order: () => null,
    },
  });
  checkoutGame = await campaign("checkout_first_order", "$2 off at checkout");
  comebackGame = await campaign("comeback", "$2 off, welcome back");
});
afterAll(() => t?.drop());

const page = (shopper: string, cookie?: string) =>
  new Request("https://shop.example.test/checkout", {
    headers: { "x-test-shopper": shopper, ...(cookie ? { cookie } : {}) },
  });
const checkout = (shopper: string, cookie?: string) => playcart.checkout({ request: page(shopper, cookie) });

async function playAs(shopper: string, campaignId: string, token?: string) {
  const res = await playcart.handlers.POST(
    new Request(`${BASE}/play`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-test-shopper": shopper },
      body: JSON.stringify({ campaignId, requestId: randomUUID().replace(/-/g, ""), token }),
    }),
  );
  return { status: res.status, body: (await res.json()) as { status: string; code?: string; message?: string } };
}

/** A token signed with the store's own key, as if the server had offered it (to test the placement check). */
const signed = (campaignId: string, placement: OfferPlacement, shopper: string) =>
  mintOfferToken(offerSecretOf(SECRET), { campaignId, placement, holder: { id: shopper, userRef: null }, now: clock });

/** Every row Playcart writes for a play, allowance, reward, customer or event, as one comparable value. */
async function writes() {
  const digest = async (table: string, columns = "x") => {
    const rows = await t.db.execute(
      sql.raw(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg((${columns})::text, '|' ORDER BY (${columns})::text), '')) AS h FROM ${table} x`,
      ),
    );
    return (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows)[0];
  };
  return {
    plays: await digest("playcart_plays"),
    allowances: await digest("playcart_play_allowances"),
    rewards: await digest("playcart_rewards"),
    events: await digest("playcart_events"),
    customers: await digest("playcart_customers"),
  };
}

/** The campaigns logged as offered to a shopper session, sorted. */
async function offeredTo(session: string): Promise<string[]> {
  const rows = await t.db.execute(
    sql`SELECT campaign_id::text AS id FROM playcart_events WHERE type = 'game.offered' AND session_ref = ${session}`,
  );
  return (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows).map((r) => (r as { id: string }).id).sort();
}

function expectRefused(out: { status: number; body: { status: string; code?: string } }) {
  expect(out.status, JSON.stringify(out.body)).toBe(403);
  expect(out.body).toMatchObject({ status: "error", code: "not_offered" });
}

describe("the checkout's game", () => {
  it("plays with its token; a forged id, another shopper's token, an expired one or another placement's is refused, writing nothing", async () => {
    const me = `guest-${randomUUID()}`;
    const other = `guest-${randomUUID()}`;
    const view = await checkout(me);
    expect(view.offer).toMatchObject({ campaignId: checkoutGame, token: expect.any(String) });
    const theirs = (await checkout(other)).offer!.token;
    const mine = view.offer!.token!;
    const before = await writes();

    // A forged campaign id: the comeback game, with no token or with the checkout game's.
    expectRefused(await playAs(me, comebackGame));
    expectRefused(await playAs(me, comebackGame, mine));
    // Another shopper's token for this very game.
    expectRefused(await playAs(me, checkoutGame, theirs));
    // A token for another placement (the nudge's) naming the checkout game, and the checkout's naming the comeback game.
    expectRefused(await playAs(me, checkoutGame, signed(checkoutGame, "nudge", me)));
    expectRefused(await playAs(me, comebackGame, signed(comebackGame, "checkout", me)));
    // An expired token: an hour and a minute later.
    clock = new Date(NOW.getTime() + HOUR + 60_000);
    const expired = await playAs(me, checkoutGame, mine);
    clock = NOW;
    expectRefused(expired);
    expect(expired.body.message).toMatch(/expired/);
    // A token that is not one at all.
    expectRefused(await playAs(me, checkoutGame, `${mine.slice(0, -2)}xx`));
    expect(await writes()).toEqual(before);

    // The real offer still plays, and that play writes.
    const played = await playAs(me, checkoutGame, mine);
    expect(played).toMatchObject({ status: 200, body: { status: "ok" } });
    expect((await writes()).plays).not.toEqual(before.plays);
  });
});

describe("the comeback game after a reminder's link", () => {
  it("is offered only to a shopper back from the link, and plays only with that shopper's comeback token", async () => {
    const back = `guest-${randomUUID()}`;
    const stranger = `guest-${randomUUID()}`;
    const view = await checkout(back, "pc_comeback=42");
    expect(view.cameBack).toBe(true);
    expect(view.offer).toMatchObject({ campaignId: comebackGame, token: expect.any(String) });
    // What was logged is what the page shows: the comeback game, not the checkout's own.
    expect(await offeredTo(back)).toEqual([comebackGame]);
    // Without the link the checkout offers its own game, not the comeback one.
    const strangerView = await checkout(stranger);
    expect(strangerView.offer?.campaignId).toBe(checkoutGame);
    const token = view.offer!.token!;
    const before = await writes();

    expectRefused(await playAs(stranger, comebackGame));
    expectRefused(await playAs(stranger, comebackGame, strangerView.offer!.token));
    expectRefused(await playAs(stranger, comebackGame, token));
    expectRefused(await playAs(back, checkoutGame, token));
    expectRefused(await playAs(back, checkoutGame, signed(checkoutGame, "comeback", back)));
    clock = new Date(NOW.getTime() + 2 * HOUR);
    expectRefused(await playAs(back, comebackGame, token));
    clock = NOW;
    expect(await writes()).toEqual(before);

    expect(await playAs(back, comebackGame, token)).toMatchObject({ status: 200, body: { status: "ok" } });
  });
});

describe("the exit nudge's game", () => {
  it("comes with the nudge once it shows, and plays only with that nudge's token", async () => {
    const leaving = `guest-${randomUUID()}`;
    const stranger = `guest-${randomUUID()}`;
    // The checkout page itself no longer ships the comeback game.
    expect((await checkout(leaving)).offer?.campaignId).toBe(checkoutGame);
    expect(await playcart.exitNudge("bogus", { request: page(leaving) })).toEqual({ show: false, offer: null });
    const nudge = await playcart.exitNudge("pointer_top", { request: page(leaving) });
    expect(nudge).toMatchObject({ show: true, offer: { campaignId: comebackGame, token: expect.any(String) } });
    // The nudge showed the comeback game: one offer of it, for this session (and cart).
    expect(await offeredTo(leaving)).toEqual([checkoutGame, comebackGame].sort());
    // Once per session: a second exit shows nothing and offers nothing.
    expect(await playcart.exitNudge("tab_hidden", { request: page(leaving) })).toEqual({ show: false, offer: null });
    const token = nudge.offer!.token!;
    const before = await writes();

    expectRefused(await playAs(stranger, comebackGame));
    expectRefused(await playAs(stranger, comebackGame, token));
    expectRefused(await playAs(leaving, checkoutGame, token));
    expectRefused(await playAs(leaving, checkoutGame, signed(checkoutGame, "nudge", leaving)));
    clock = new Date(NOW.getTime() + 2 * HOUR);
    expectRefused(await playAs(leaving, comebackGame, token));
    clock = NOW;
    expect(await writes()).toEqual(before);

    expect(await playAs(leaving, comebackGame, token)).toMatchObject({ status: 200, body: { status: "ok" } });
  });

  it("carries no game for a shopper back from a reminder (the checkout already offers it)", async () => {
    const back = `guest-${randomUUID()}`;
    expect(await playcart.exitNudge("idle", { request: page(back, "pc_comeback=7") })).toEqual({
      show: true,
      offer: null,
    });
  });
});

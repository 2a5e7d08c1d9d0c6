// One person, one identity: three spellings of one Gmail address (a dot and a +tag, the plain
// address, upper case at googlemail.com) are one shopper for every judgement Playcart makes:
// the customer record, first purchase (the first-order game and its prize at order time),
// play allowances, referrals, the holdout and segments. On a real Postgres, because the
// payment path keys customers in SQL (playcart_person_key) and the rest in TypeScript.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { findCustomerByEmail } from "playcart/internal/core/customers";
import { rowsOf } from "playcart/internal/core/db";
import { personKey } from "playcart/internal/core/identity";
import { holdoutBucket } from "playcart/internal/games/holdout";
import { PlayError, type PlayShopper, play } from "playcart/internal/games/play";
import { recordFirstPayment } from "playcart/internal/ledger/first-payment";
import { customerProfile } from "playcart/internal/loyalty/profile";
import { judgeReferral, referralCodeFor } from "playcart/internal/loyalty/referrals";
import { rewardForOrder } from "playcart/internal/rewards/checkout-reward";
import { campaigns, type OrderReward, orderRewards, prizes } from "playcart/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { paidOrder } from "../support/engage-fixtures";
import { createTestDatabase } from "../support/pg";

const TZ = "Europe/Berlin";
const CART = { valueMinor: 5_000, itemCount: 2, categories: ["coffee"] };
const LINES = [{ productRef: "beans", unitPriceMinor: 2_500, quantity: 2 }];

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
});
afterAll(async () => {
  await t?.drop();
});

/** Three spellings of one new Gmail address: dotted with a +tag, plain, upper case at googlemail.com. */
function gmailVariants(): [string, string, string] {
  const name = `john${randomUUID().slice(0, 8)}`;
  return [
    `${name.slice(0, 1)}.${name.slice(1)}+1@gmail.com`,
    `${name}@gmail.com`,
    `${name.toUpperCase()}@googlemail.com`,
  ];
}

/** A fresh browser: its own device and session. */
const browser = (email: string): PlayShopper => ({
  email,
  deviceId: `dev-${randomUUID()}`,
  sessionRef: `sess-${randomUUID()}`,
});

async function firstOrderWheel(overrides: Partial<typeof campaigns.$inferInsert> = {}) {
  const id = randomUUID();
  const [campaign] = await db
    .insert(campaigns)
    .values({
      slug: `wheel-${id}`,
      name: "First-order wheel",
      gameType: "spin_wheel",
      placement: "checkout_first_order",
      status: "live",
      rewardScope: "this_order",
      audience: { "==": [{ var: "customer.firstPurchase" }, true] },
      holdoutPercent: 0,
      ...overrides,
    })
    .returning();
  await db.insert(prizes).values({
    campaignId: campaign.id,
    position: 0,
    label: "10% off",
    weight: 1,
    rewardType: "percent_off",
    rewardValue: 10,
  });
  return campaign;
}

const spin = (campaignId: string, shopper: PlayShopper, now = new Date()) =>
  play(db, { campaignId, requestId: randomUUID(), shopper, cart: CART, now, timeZone: TZ });

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof PlayError) return err.code;
    throw err;
  }
  return "played";
}

/** Pays an order the way the demo's webhook does: the one-statement SQL path. */
async function payBySql(email: string, amountPaidMinor = 3_000, sessionRef: string | null = null) {
  const orderRef = randomUUID();
  await recordFirstPayment(db, { orderRef, email, sessionRef, amountPaidMinor, currency: "usd", paidAt: new Date() });
  return orderRef;
}

describe("the database's person key", () => {
  it("is personKey, case for case", async () => {
    const inputs = [
      " J.Doe+x@GoogleMail.com ",
      "jdoe@gmail.com",
      "J.Doe+x@Example.COM",
      "first.last+news@outlook.com",
      "\tmixed.Case@Sub.Example.org\n",
      "+only@example.com",
      "...@gmail.com",
      "no-at-sign",
      "@example.com",
      "trailing@",
      "a@b@c.com",
      "a+b+c@x.io",
    ];
    const rows = rowsOf<{ input: string; key: string }>(
      await db.execute(
        sql`SELECT input, playcart_person_key(input) AS key FROM unnest(${sql.raw(
          `ARRAY[${inputs.map((i) => `'${i.replace(/'/g, "''")}'`).join(", ")}]`,
        )}::text[]) AS input`,
      ),
    );
    expect(rows.map((r) => r.key)).toEqual(inputs.map(personKey));
  });

  it("is NULL for NULL", async () => {
    const [row] = rowsOf<{ key: string | null }>(await db.execute(sql`SELECT playcart_person_key(NULL) AS key`));
    expect(row.key).toBeNull();
  });

  // Every payment's statement calls it three times (ledger/first-payment.ts). A SQL function
  // whose body reads FROM cannot be inlined, and Postgres parsed and planned that body again
  // in each statement that called it: a third of a payment's Postgres CPU. A PL/pgSQL function is
  // compiled once per session; immutable and strict, it can still serve an index expression.
  it("is compiled once per session, not planned in every statement that calls it", async () => {
    const [fn] = rowsOf<{ language: string; volatility: string; strict: boolean; parallel: string }>(
      await db.execute(sql`
        SELECT l.lanname AS language, p.provolatile AS volatility, p.proisstrict AS strict, p.proparallel AS parallel
        FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang WHERE p.proname = 'playcart_person_key'`),
    );
    expect(fn).toEqual({ language: "plpgsql", volatility: "i", strict: true, parallel: "s" });
  });
});

describe("three Gmail variants are one person", () => {
  it("one customer record, however the payment path or a lookup spells the address", async () => {
    const [a, b, c] = gmailVariants();
    await payBySql(a);
    await paidOrder(db, { email: b, amountMinor: 2_000 });
    const found = await Promise.all([a, b, c].map((e) => findCustomerByEmail(db, e)));
    expect(found[0]?.id).toBeDefined();
    expect(new Set(found.map((f) => f?.id)).size).toBe(1);
    expect(found[0]?.email).toBe(personKey(b));
    const profile = await customerProfile(db, { email: c, now: new Date() });
    expect(profile).toMatchObject({ known: true, paidOrders: 2, firstPurchase: false });
  });

  it("first purchase: after the first paid order the other spellings get no first-order game and no first-order prize", async () => {
    const [a, b, c] = gmailVariants();
    // Three plays a day, so that each spelling can hold a prize of its own.
    const wheel = await firstOrderWheel({ allowance: { default: 3 } });
    // Each spelling won the first-order prize in its own browser before anyone paid.
    const second = browser(b);
    const third = browser(c);
    expect((await spin(wheel.id, browser(a))).won).toBe(true);
    expect((await spin(wheel.id, second)).won).toBe(true);
    expect((await spin(wheel.id, third)).won).toBe(true);
    // The first paid order (variant 1) makes this person a returning customer.
    await payBySql(a);
    for (const shopper of [second, third]) {
      const chosen = await rewardForOrder(db, {
        shopper,
        cartRef: null,
        lines: LINES,
        cart: CART,
        now: new Date(),
        timeZone: TZ,
      });
      expect(chosen).toBeNull();
    }
    // And the first-order game is not offered again, under any spelling.
    expect(await refusal(spin(wheel.id, browser(c.replace("@", "+later@"))))).toBe("not_eligible");
  });

  it("allowance: one play per person per day, whichever spelling and browser", async () => {
    const [a, b, c] = gmailVariants();
    const wheel = await firstOrderWheel({ audience: true });
    expect(await refusal(spin(wheel.id, browser(a)))).toBe("played");
    expect(await refusal(spin(wheel.id, browser(b)))).toBe("no_plays_left");
    expect(await refusal(spin(wheel.id, browser(c)))).toBe("no_plays_left");
  });

  it("referral: a Gmail variant of the referrer is a self-referral, and a returning customer under a variant is not a new friend", async () => {
    const [ra, rb] = gmailVariants();
    const referrer = await findOrCreate(ra);
    const code = await referralCodeFor(db, referrer);
    const self = await paidOrder(db, { email: rb, amountMinor: 2_000, referralCode: code });
    expect(await judgeReferral(db, await orderOf(self), new Date())).toEqual({
      status: "rejected",
      reason: "self_referral",
    });

    const [fa, fb, fc] = gmailVariants();
    await payBySql(fa);
    const again = await paidOrder(db, { email: fb, amountMinor: 2_000, referralCode: code });
    expect(await judgeReferral(db, await orderOf(again), new Date())).toEqual({
      status: "rejected",
      reason: "existing_customer",
    });
    const thirdTime = await paidOrder(db, { email: fc, amountMinor: 2_000, referralCode: code });
    expect(await judgeReferral(db, await orderOf(thirdTime), new Date())).toEqual({
      status: "rejected",
      reason: "existing_customer",
    });
  });

  it("holdout: the three spellings land in the same group", async () => {
    const wheel = await firstOrderWheel({ audience: true, holdoutPercent: 50 });
    // One person the hash holds out and one it does not, so both groups are checked.
    let heldOut: string[] | null = null;
    let served: string[] | null = null;
    while (!heldOut || !served) {
      const variants = gmailVariants();
      const out = holdoutBucket(wheel.id, `email:${personKey(variants[1])}`) < 5_000;
      if (out) heldOut ??= variants;
      else served ??= variants;
    }
    for (const email of heldOut) expect(await refusal(spin(wheel.id, browser(email)))).toBe("not_eligible");
    // Served: the first spelling plays; the others are the same person (no plays left), never held out.
    const outcomes = [];
    for (const email of served) outcomes.push(await refusal(spin(wheel.id, browser(email))));
    expect(outcomes).toEqual(["played", "no_plays_left", "no_plays_left"]);
  });

  it("segments: orders under two spellings make one active customer, seen the same under the third", async () => {
    const [a, b, c] = gmailVariants();
    await payBySql(a);
    await paidOrder(db, { email: b, amountMinor: 2_000 });
    const profiles = await Promise.all(
      [a, b, c].map((email) => customerProfile(db, { email, now: new Date(Date.now() + 1_000) })),
    );
    for (const p of profiles) {
      expect(p.paidOrders).toBe(2);
      expect(p.segments).toContain("active");
      expect(p.segments).not.toContain("new");
    }
  });
});

async function findOrCreate(email: string): Promise<string> {
  await paidOrder(db, { email, amountMinor: 1_000 });
  return (await findCustomerByEmail(db, email))!.id;
}

async function orderOf(orderRef: string): Promise<OrderReward> {
  const [row] = await db.select().from(orderRewards).where(eq(orderRewards.orderRef, orderRef));
  return row;
}

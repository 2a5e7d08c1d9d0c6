// Points spent at once, on a real Postgres: a balance covers one purchase, not two; one
// purchase request replayed at once spends once; a bonus credited from many calls lands once.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { buyCatalogItem, creditBonusRewards, ensureCustomer, InsufficientPointsError, postEntry } from "playcart";
import { catalogItems, ledgerEntries, orderRewards, pointBalances, rewards } from "playcart/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, openPostgres } from "@/db/client";
import { seedCatalog } from "@/db/seed-seasonal";
import { createTestDatabase } from "../support/pg";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let close: () => Promise<void>;
const NOW = new Date("2026-11-20T12:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  const wide = await openPostgres(t.url, { max: 20, migrate: false });
  db = wide.db;
  close = wide.close;
  await seedCatalog(t.db);
  await Promise.all(Array.from({ length: 20 }, () => db.execute(sql`select pg_sleep(0.02)`)));
});
afterAll(async () => {
  await close?.().catch(() => {});
  await t?.drop();
});

async function customerWith(points: number) {
  const c = await ensureCustomer(t.db, { email: `c-${randomUUID().slice(0, 8)}@example.test` });
  await postEntry(t.db, { customerId: c.id, delta: points, kind: "earn", reason: "test", sourceKey: `seed:${c.id}` });
  return c;
}
const owner = { sessionRef: null, identityKeys: ["device:test"] };
const croissant = async () =>
  (await t.db.select().from(catalogItems).where(eq(catalogItems.slug, "free-croissant")))[0];
const balance = async (customerId: string) =>
  (
    await t.db
      .select()
      .from(pointBalances)
      .where(and(eq(pointBalances.customerId, customerId), eq(pointBalances.account, "available")))
  )[0].balance;

describe("catalog purchases under concurrency", () => {
  it("20 purchases at once against a balance that covers one: exactly one goes through", async () => {
    const c = await customerWith(20);
    const item = await croissant();
    const settled = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        buyCatalogItem(db, { customerId: c.id, itemId: item.id, requestId: randomUUID(), owner, now: NOW }),
      ),
    );
    const ok = settled.filter((s) => s.status === "fulfilled");
    const refused = settled.filter((s) => s.status === "rejected" && s.reason instanceof InsufficientPointsError);
    expect([ok.length, refused.length]).toEqual([1, 19]);
    expect(await balance(c.id)).toBe(0);
    expect(await t.db.select().from(rewards).where(eq(rewards.customerId, c.id))).toHaveLength(1);
    expect(
      await t.db
        .select()
        .from(ledgerEntries)
        .where(and(eq(ledgerEntries.customerId, c.id), eq(ledgerEntries.kind, "redeem"))),
    ).toHaveLength(1);
  });

  it("one purchase request delivered 10 times at once spends once and issues one reward", async () => {
    const c = await customerWith(100);
    const item = await croissant();
    const requestId = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        buyCatalogItem(db, { customerId: c.id, itemId: item.id, requestId, owner, now: NOW }),
      ),
    );
    expect(new Set(results.map((r) => r.rewardId)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await balance(c.id)).toBe(80);
  });

  it("a bonus-points reward credited from 10 calls at once lands once", async () => {
    const c = await customerWith(1);
    const orderRef = randomUUID();
    await t.db
      .insert(orderRewards)
      .values({ orderRef, customerId: c.id, currency: "usd", amountPaidMinor: 5000, pointsBase: 50 });
    await t.db.insert(rewards).values({
      customerId: c.id,
      identityKeys: [],
      label: "25 bonus stars",
      rewardType: "bonus_points",
      rewardValue: 25,
      scope: "next_order",
      status: "redeemed",
      orderRef,
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    const credited = await Promise.all(Array.from({ length: 10 }, () => creditBonusRewards(db, orderRef)));
    expect(credited.reduce((a, b) => a + b, 0)).toBe(25);
    expect(await balance(c.id)).toBe(26);
  });
});

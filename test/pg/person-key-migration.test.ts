// Migration 0002 on a database that already kept one customer per spelling: the spellings of
// one person merge into the oldest row, with every ledger entry, balance, order, badge,
// loyalty detail and account link, and the ledger stays append-only afterwards.
import { sql } from "drizzle-orm";
import { pgError, rowsOf } from "playcart/internal/core/db";
import { customerProfile } from "playcart/internal/loyalty/profile";
import { MIGRATIONS } from "playcart/internal/migrate/bundled";
import { runMigrations } from "playcart/internal/migrate/runner";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createTestDatabase } from "../support/pg";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
const ids = {
  oldest: "00000000-0000-4000-8000-000000000001",
  plain: "00000000-0000-4000-8000-000000000002",
  googlemail: "00000000-0000-4000-8000-000000000003",
  other: "00000000-0000-4000-8000-000000000004",
};
const q = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(query));

beforeAll(async () => {
  t = await createTestDatabase({ migrate: false });
  db = t.db;
  const before = MIGRATIONS.filter((m) => m.tag < "0002");
  expect(before.map((m) => m.tag)).toEqual(["0000_playcart_tables", "0001_playcart_invariants"]);
  await runMigrations(db, before);
  // What Playcart 0001 kept: one customer per lower-cased spelling.
  await db.execute(sql`
    INSERT INTO playcart_customers (id, email, user_ref, created_at) VALUES
      (${ids.oldest}, 'j.ohn+1@gmail.com', NULL, '2026-01-01'),
      (${ids.plain}, 'john@gmail.com', 'account-7', '2026-02-01'),
      (${ids.googlemail}, 'john@googlemail.com', NULL, '2026-03-01'),
      (${ids.other}, 'jane.doe+news@example.com', NULL, '2026-01-15')`);
  await db.execute(sql`
    INSERT INTO playcart_ledger_entries (customer_id, delta, kind, reason, source_key, order_ref) VALUES
      (${ids.oldest}, 100, 'earn', 'Order A paid', 'order:a:earn', 'a'),
      (${ids.plain}, 50, 'earn', 'Order B paid', 'order:b:earn', 'b'),
      (${ids.googlemail}, 30, 'earn', 'Order C paid', 'order:c:earn', 'c'),
      (${ids.googlemail}, -10, 'redeem', 'Redeemed', 'redeem:c', NULL)`);
  await db.execute(sql`
    INSERT INTO playcart_order_rewards (order_ref, customer_id, currency, amount_paid_minor, points_base, paid_at) VALUES
      ('a', ${ids.oldest}, 'usd', 10000, 100, '2026-01-02'),
      ('b', ${ids.plain}, 'usd', 5000, 50, '2026-02-02'),
      ('c', ${ids.googlemail}, 'usd', 3000, 30, '2026-03-02')`);
  const [badge] = await q<{ id: string }>(
    sql`INSERT INTO playcart_badges (slug, name, description) VALUES ('b1', 'B1', 'A badge') RETURNING id`,
  );
  await db.execute(sql`
    INSERT INTO playcart_customer_badges (badge_id, customer_id, share_id) VALUES
      (${badge.id}, ${ids.oldest}, 'share-oldest'), (${badge.id}, ${ids.plain}, 'share-plain')`);
  await db.execute(
    sql`INSERT INTO playcart_customer_loyalty (customer_id, referral_code, birthday) VALUES (${ids.plain}, 'plaincode', '04-01')`,
  );
  await runMigrations(db, MIGRATIONS);
});
afterAll(async () => {
  await t?.drop();
});

describe("migration 0002: one customer per person", () => {
  it("keys every customer by the person key, merging the spellings of one person into the oldest row", async () => {
    const rows = await q<{ id: string; email: string; user_ref: string | null }>(
      sql`SELECT id, email, user_ref FROM playcart_customers ORDER BY created_at`,
    );
    expect(rows).toEqual([
      { id: ids.oldest, email: "john@gmail.com", user_ref: "account-7" },
      { id: ids.other, email: "jane.doe@example.com", user_ref: null },
      // Kept only for the badge the survivor already held; no lookup finds it.
      { id: ids.plain, email: `merged:${ids.oldest}:${ids.plain}`, user_ref: null },
    ]);
  });

  it("moves every ledger entry as it was, and the balances add up", async () => {
    const entries = await q<{ customer_id: string; source_key: string; delta: number }>(
      sql`SELECT customer_id, source_key, delta FROM playcart_ledger_entries ORDER BY id`,
    );
    expect(entries).toEqual([
      { customer_id: ids.oldest, source_key: "order:a:earn", delta: 100 },
      { customer_id: ids.oldest, source_key: "order:b:earn", delta: 50 },
      { customer_id: ids.oldest, source_key: "order:c:earn", delta: 30 },
      { customer_id: ids.oldest, source_key: "redeem:c", delta: -10 },
    ]);
    const balances = await q<{ customer_id: string; balance: number }>(
      sql`SELECT customer_id, balance FROM playcart_point_balances WHERE account = 'available'`,
    );
    expect(balances).toEqual([{ customer_id: ids.oldest, balance: 170 }]);
  });

  it("leaves the ledger append-only", async () => {
    const error = await db
      .execute(sql`UPDATE playcart_ledger_entries SET customer_id = ${ids.other} WHERE source_key = 'order:a:earn'`)
      .then(
        () => null,
        (err: Error) => err,
      );
    expect(pgError(error)?.message).toMatch(/append-only/);
  });

  it("makes the person's orders, badge and loyalty details the survivor's", async () => {
    const profile = await customerProfile(db, { email: "JOHN@googlemail.com", now: new Date("2026-04-01") });
    expect(profile).toMatchObject({ known: true, paidOrders: 3, firstPurchase: false, lifetimeSpendMinor: 18_000 });
    const badges = await q<{ customer_id: string; share_id: string }>(
      sql`SELECT customer_id, share_id FROM playcart_customer_badges ORDER BY share_id`,
    );
    expect(badges).toEqual([
      { customer_id: ids.oldest, share_id: "share-oldest" },
      { customer_id: ids.plain, share_id: "share-plain" },
    ]);
    const loyalty = await q<{ customer_id: string; referral_code: string }>(
      sql`SELECT customer_id, referral_code FROM playcart_customer_loyalty`,
    );
    expect(loyalty).toEqual([{ customer_id: ids.oldest, referral_code: "plaincode" }]);
  });
});

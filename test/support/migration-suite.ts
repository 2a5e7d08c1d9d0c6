// The schema invariants every database (PGlite and a real Postgres) must enforce; shared by
// test/unit/migrations.test.ts and test/pg/migrations.test.ts.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { pgError, rowsOf } from "playcart/internal/core/db";
import { expect, it } from "vitest";
import type { Db } from "@/db/client";

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

async function failure(p: Promise<unknown>): Promise<{ code?: string; message: string; constraint: string }> {
  try {
    await p;
  } catch (err) {
    const pg = pgError(err) as
      | { code?: string; message?: string; constraint?: string; constraint_name?: string }
      | undefined;
    return {
      code: pg?.code,
      message: pg?.message ?? String(err),
      constraint: pg?.constraint ?? pg?.constraint_name ?? "",
    };
  }
  throw new Error("expected the statement to fail, but it succeeded");
}

async function newCustomer(db: Db): Promise<string> {
  const [c] = await rows<{ id: string }>(
    db,
    sql`insert into playcart_customers (email) values (${`t-${randomUUID()}@playcart.test`}) returning id`,
  );
  return c.id;
}

const entry = (db: Db, customerId: string, delta: number) =>
  rows<{ id: string; balance_after: number }>(
    db,
    sql`insert into playcart_ledger_entries (customer_id, account, delta, kind, reason, source_key)
        values (${customerId}, 'available', ${delta}, 'adjust', 'test', ${`test:${randomUUID()}`})
        returning id, balance_after`,
  );

const balance = async (db: Db, customerId: string) => {
  const [b] = await rows<{ balance: number }>(
    db,
    sql`select balance from playcart_point_balances where customer_id = ${customerId} and account = 'available'`,
  );
  return b ? Number(b.balance) : undefined;
};

export function migrationInvariants(getDb: () => Db) {
  it("creates the store and ledger tables", async () => {
    const found = await rows<{ table_name: string }>(
      getDb(),
      sql`select table_name from information_schema.tables where table_schema = 'public'
          and table_name in ('playcart_ledger_entries', 'playcart_point_balances', 'orders', 'products')`,
    );
    expect(found.map((r) => r.table_name).sort()).toEqual([
      "orders",
      "playcart_ledger_entries",
      "playcart_point_balances",
      "products",
    ]);
  });

  it("fills balance_after from the running balance", async () => {
    const db = getDb();
    const customer = await newCustomer(db);
    expect(Number((await entry(db, customer, 100))[0].balance_after)).toBe(100);
    expect(Number((await entry(db, customer, 50))[0].balance_after)).toBe(150);
    expect(await balance(db, customer)).toBe(150);
  });

  it("accepts a debit the balance covers", async () => {
    const db = getDb();
    const customer = await newCustomer(db);
    await entry(db, customer, 100);
    expect(Number((await entry(db, customer, -30))[0].balance_after)).toBe(70);
    expect(Number((await entry(db, customer, -70))[0].balance_after)).toBe(0);
    expect(await balance(db, customer)).toBe(0);
  });

  it("keeps the ledger append-only", async () => {
    const db = getDb();
    const customer = await newCustomer(db);
    const [{ id }] = await entry(db, customer, 10);
    const update = await failure(db.execute(sql`update playcart_ledger_entries set delta = 999 where id = ${id}`));
    expect(update.message).toMatch(/append-only/);
    const del = await failure(db.execute(sql`delete from playcart_ledger_entries where id = ${id}`));
    expect(del.message).toMatch(/append-only/);
    const [row] = await rows<{ delta: number }>(db, sql`select delta from playcart_ledger_entries where id = ${id}`);
    expect(Number(row.delta)).toBe(10);
  });

  it("rejects an entry that would overdraw the balance", async () => {
    const db = getDb();
    const customer = await newCustomer(db);
    await entry(db, customer, 40);
    const err = await failure(entry(db, customer, -41));
    expect(err.code).toBe("23514"); // check_violation
    expect(err.constraint || err.message).toContain("playcart_point_balances_nonneg");
    expect(await balance(db, customer)).toBe(40);
    const [n] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from playcart_ledger_entries where customer_id = ${customer}`,
    );
    expect(Number(n.n)).toBe(1);
  });

  it("keeps a yearly campaign's season and fixed dates apart", async () => {
    const db = getDb();
    const campaign = (slug: string, startsAt: string | null) =>
      db.execute(sql`insert into playcart_campaigns (slug, name, game_type, placement, reward_scope, season, starts_at)
        values (${slug}, 'Season', 'advent_calendar', 'seasonal_page', 'next_order',
          ${JSON.stringify({ month: 12, day: 1, days: 12 })}::jsonb, ${startsAt}::timestamptz)`);
    await campaign(`season-${randomUUID()}`, null);
    const err = await failure(campaign(`season-${randomUUID()}`, "2026-12-01T00:00:00Z"));
    expect(err.code).toBe("23514"); // check_violation
    expect(err.constraint || err.message).toContain("playcart_campaigns_season_or_dates");
  });
}

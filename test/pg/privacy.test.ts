// A shopper's loyalty data on a real Postgres: the export covers every table that can hold a
// person, and deletion leaves no trace of their email anywhere in Playcart's tables while the
// ledger's rows and sums, the balances and the KPIs stay exactly as they were; it is idempotent,
// and two deletions at once give one result and no error.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { ensureCustomer, findCustomerByEmail } from "playcart/internal/core/customers";
import { rowsOf } from "playcart/internal/core/db";
import { kpiReport } from "playcart/internal/insights/kpis";
import { eraseShopperData } from "playcart/internal/privacy/erase";
import { exportLoyaltyData } from "playcart/internal/privacy/export";
import { PRIVACY_SECTIONS } from "playcart/internal/privacy/export-sections";
import { shopperCustomerIds } from "playcart/internal/privacy/shopper-records";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { paidOrder, TZ } from "../support/engage-fixtures";
import { createTestDatabase } from "../support/pg";
import { buildShopperHistory, seedLoyaltyProgramme } from "../support/shopper-history";

const NOW = new Date("2026-05-04T10:00:00Z");

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  await seedLoyaltyProgramme(db);
});
afterAll(async () => {
  await t?.drop();
});

const unique = (name: string) => `${name}.${randomUUID().slice(0, 8)}+loyal@Example.test`;

/** Every Playcart table that can hold a person: a column referencing customers, an email, an identity key. */
async function personTables(): Promise<string[]> {
  const rows = rowsOf<{ table_name: string }>(
    await db.execute(sql`
      SELECT DISTINCT tc.table_name FROM information_schema.table_constraints tc
        JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name
        WHERE tc.constraint_type = 'FOREIGN KEY' AND ccu.table_name = 'playcart_customers'
      UNION SELECT table_name FROM information_schema.columns
        WHERE table_name LIKE 'playcart_%' AND column_name IN ('email', 'identity_key', 'identity_keys')
      UNION SELECT 'playcart_customers'`),
  );
  return rows.map((r) => r.table_name).sort();
}

/** Rows in any Playcart table whose text mentions one of these strings (case-insensitive). */
async function mentions(needles: string[]): Promise<Record<string, number>> {
  const tables = rowsOf<{ table_name: string }>(
    await db.execute(sql`SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_name LIKE 'playcart_%' AND table_type = 'BASE TABLE'`),
  );
  const found: Record<string, number> = {};
  for (const { table_name } of tables) {
    for (const needle of needles) {
      const [row] = rowsOf<{ n: number }>(
        await db.execute(
          sql`SELECT count(*)::int AS n FROM ${sql.identifier(table_name)} t WHERE row_to_json(t)::text ILIKE ${`%${needle}%`}`,
        ),
      );
      if (row.n > 0) found[`${table_name}:${needle}`] = row.n;
    }
  }
  return found;
}

async function books() {
  const [ledger] = rowsOf<Record<string, number>>(
    await db.execute(sql`SELECT count(*)::int AS rows, coalesce(sum(delta), 0)::int AS sum,
      coalesce(sum(uncollected), 0)::int AS uncollected FROM playcart_ledger_entries`),
  );
  const balances = rowsOf(
    await db.execute(
      sql`SELECT customer_id, account, balance FROM playcart_point_balances ORDER BY customer_id, account`,
    ),
  );
  const kpis = await kpiReport(db, {
    from: new Date(NOW.getTime() - 30 * 86_400_000),
    to: new Date(NOW.getTime() + 30 * 86_400_000),
    timeZone: TZ,
  });
  return { ledger, balances, kpis };
}

describe("export", () => {
  it("has a section for every table that can hold a person", async () => {
    const covered = new Set(PRIVACY_SECTIONS.flatMap((s) => s.tables));
    const missing = (await personTables()).filter((table) => !covered.has(table));
    expect(missing).toEqual([]);
  });

  it("holds the shopper's data in every section, and nobody else's", async () => {
    const email = unique("ada");
    const history = await buildShopperHistory(db, email, NOW);
    const other = unique("bob");
    await paidOrder(db, { email: other, amountMinor: 9_900, paidAt: NOW });
    const ids = await shopperCustomerIds(db, { email, userRef: history.userRef });
    expect(ids).toEqual([history.customerId]);
    const data = await exportLoyaltyData(db, { customerIds: ids, now: NOW });
    const text = JSON.stringify(data);
    for (const section of PRIVACY_SECTIONS) {
      const value = data.sections[section.key];
      const parts = Array.isArray(value) ? [value] : Object.values(value as Record<string, unknown[]>);
      for (const part of parts) expect(part, section.key).not.toHaveLength(0);
    }
    const points = data.sections.points as { balances: { account: string; balance: number }[]; ledger: unknown[] };
    // 250 points for $250, 20 for $20, minus 50 for the $5 catalog reward.
    expect(points.balances).toEqual([{ account: "available", balance: 220 }]);
    expect(text).toContain("Order ");
    expect(text).not.toContain(other.toLowerCase());
    expect(text).not.toMatch(/"p256dh"|"auth"/);
  });

  it("reads only the customer rows it is given", async () => {
    const data = await exportLoyaltyData(db, { customerIds: [], now: NOW });
    expect(data.sections.customer).toEqual([]);
    expect((data.sections.points as { ledger: unknown[] }).ledger).toEqual([]);
  });
});

describe("deletion", () => {
  it("leaves no trace of the email, and the ledger, balances and KPIs unchanged", async () => {
    const email = unique("grace");
    const history = await buildShopperHistory(db, email, NOW);
    const lower = email.toLowerCase();
    const key = (await findCustomerByEmail(db, email))!.email;
    const before = await books();
    expect(Object.keys(await mentions([lower, key])).length).toBeGreaterThan(3);

    const result = await eraseShopperData(db, { shopper: { email, userRef: history.userRef }, now: NOW });
    expect(result.erased).toEqual([history.customerId]);
    expect(result.counts).toMatchObject({
      contacts: 1,
      pushSubscriptions: 1,
      cartsDeleted: 1,
      cartsScrubbed: 1,
      remindersCancelled: 2,
      rewardsVoided: 2,
    });

    expect(await mentions([lower, key, history.userRef, history.displayName])).toEqual({});
    expect(await books()).toEqual(before);
    const [tomb] = rowsOf<Record<string, unknown>>(
      await db.execute(
        sql`SELECT email, user_ref, display_name FROM playcart_customers WHERE id = ${history.customerId}`,
      ),
    );
    expect(tomb).toEqual({ email: `erased:${history.customerId}`, user_ref: null, display_name: null });
    const [loyalty] = rowsOf<Record<string, unknown>>(
      await db.execute(
        sql`SELECT birthday, referral_code FROM playcart_customer_loyalty WHERE customer_id = ${history.customerId}`,
      ),
    );
    expect(loyalty).toEqual({ birthday: null, referral_code: null });
    const [scheduled] = rowsOf<{ n: number }>(
      await db.execute(sql`SELECT count(*)::int AS n FROM playcart_reminders r JOIN playcart_carts c USING (cart_ref)
        WHERE c.customer_id = ${history.customerId} AND r.status = 'scheduled'`),
    );
    expect(scheduled.n).toBe(0);
    const audit = rowsOf<{ action: string; after: Record<string, unknown> }>(
      await db.execute(
        sql`SELECT action, after FROM playcart_audit_log WHERE entity = 'customer' AND entity_id = ${history.customerId}`,
      ),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "customer.erase", after: { requestedBy: "shopper" } });
  });

  it("is idempotent, and the same shopper comes back as a new customer", async () => {
    const email = unique("linus");
    const history = await buildShopperHistory(db, email, NOW);
    const shopper = { email, userRef: history.userRef };
    expect((await eraseShopperData(db, { shopper, now: NOW })).erased).toHaveLength(1);
    const after = await books();
    expect((await eraseShopperData(db, { shopper, now: NOW })).erased).toEqual([]);
    expect(await books()).toEqual(after);
    const again = await ensureCustomer(db, { email, userRef: history.userRef });
    expect(again.id).not.toBe(history.customerId);
    const data = await exportLoyaltyData(db, { customerIds: await shopperCustomerIds(db, shopper), now: NOW });
    expect((data.sections.points as { ledger: unknown[] }).ledger).toEqual([]);
  });

  it("two deletions at once erase once, without an error", async () => {
    const email = unique("edsger");
    const history = await buildShopperHistory(db, email, NOW);
    const shopper = { email, userRef: history.userRef };
    const results = await Promise.all([
      eraseShopperData(db, { shopper, now: NOW }),
      eraseShopperData(db, { shopper, now: NOW }),
    ]);
    expect(results.map((r) => r.erased.length).sort()).toEqual([0, 1]);
    const [audits] = rowsOf<{ n: number }>(
      await db.execute(sql`SELECT count(*)::int AS n FROM playcart_audit_log
        WHERE action = 'customer.erase' AND entity_id = ${history.customerId}`),
    );
    expect(audits.n).toBe(1);
  });
});

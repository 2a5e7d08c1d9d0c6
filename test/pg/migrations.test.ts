import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { rowsOf } from "playcart/internal/core/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, MIGRATIONS_FOLDER, openPostgres } from "@/db/client";
import { migrationInvariants } from "../support/migration-suite";
import { createTestDatabase } from "../support/pg";

describe("migrations on a real Postgres", () => {
  let t: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.drop();
  });

  migrationInvariants(() => t.db);
});

describe("concurrent migrations", () => {
  let empty: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    empty = await createTestDatabase({ migrate: false });
  });
  afterAll(async () => {
    await empty?.drop();
  });

  it("two servers starting at once on an empty database both succeed", async () => {
    const results = await Promise.allSettled([
      openPostgres(empty.url, { max: 2 }),
      openPostgres(empty.url, { max: 2 }),
    ]);
    try {
      for (const r of results) if (r.status === "rejected") throw r.reason;
      const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8"));
      const [row] = rowsOf<{ n: number }>(
        await empty.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`),
      );
      // Each migration applied exactly once.
      expect(Number(row.n)).toBe(journal.entries.length);
      for (const r of results) {
        if (r.status !== "fulfilled") continue;
        const [one] = rowsOf<{ n: number }>(
          await (r.value.db as Db).execute(sql`select count(*)::int as n from playcart_ledger_entries`),
        );
        expect(Number(one.n)).toBe(0);
      }
    } finally {
      await Promise.all(results.map((r) => (r.status === "fulfilled" ? r.value.close() : undefined)));
    }
  });
});

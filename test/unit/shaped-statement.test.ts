// A shaped statement is written once per shape and filled with each call's values: the text
// must never carry a value, every value must be given, and it runs on PGlite as on postgres.js
// (test/pg runs every play's statements there).
import { sql } from "drizzle-orm";
import { ShapedStatement } from "playcart/internal/core/shaped-statement";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createMemoryDb } from "../support/pglite";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await createMemoryDb());
});
afterAll(() => close());

const sum = new ShapedStatement<{ terms: number }>(
  (s) => String(s.terms),
  ({ terms }) =>
    sql`SELECT (${sql.join(
      Array.from({ length: terms }, (_, i) => sql`${sql.placeholder(`n${i}`)}::int`),
      sql` + `,
    )}) AS total, ${sql.placeholder("label")}::text AS label`,
);

describe("a shaped statement", () => {
  it("writes a shape's text once and fills each call's values in order", () => {
    const first = sum.query({ terms: 2 }, { n0: 1, n1: 2, label: "a" });
    const again = sum.query({ terms: 2 }, { n0: 40, n1: 2, label: "b" });
    expect(first.sql).toBe("SELECT ($1::int + $2::int) AS total, $3::text AS label");
    expect(again.sql).toBe(first.sql);
    expect(again.params).toEqual([40, 2, "b"]);
    expect(sum.query({ terms: 3 }, { n0: 1, n1: 2, n2: 3, label: "c" }).sql).toBe(
      "SELECT ($1::int + $2::int + $3::int) AS total, $4::text AS label",
    );
  });

  it("runs on PGlite with this call's values", async () => {
    const rows = await sum.execute<{ total: number; label: string }>(
      db,
      { terms: 3 },
      {
        n0: 5,
        n1: 6,
        n2: 7,
        label: "seven",
      },
    );
    expect(rows).toEqual([{ total: 18, label: "seven" }]);
  });

  it("refuses a call without one of its values, or with one undefined (SQL's NULL is null)", () => {
    expect(() => sum.query({ terms: 2 }, { n0: 1, label: "a" })).toThrow('No value for "n1"');
    expect(() => sum.query({ terms: 2 }, { n0: 1, n1: undefined, label: "a" })).toThrow('No value for "n1"');
    expect(sum.query({ terms: 1 }, { n0: null, label: "a" }).params).toEqual([null, "a"]);
  });

  it("refuses a shape whose text would carry a value: the next call of the shape would reuse it", () => {
    const leaky = new ShapedStatement<{ id: string }>(
      () => "one shape",
      ({ id }) => sql`SELECT ${id}::text AS id`,
    );
    expect(() => leaky.query({ id: "first" }, {})).toThrow("must be placeholders");
  });
});

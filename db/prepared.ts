import type { Db } from "./client";

/**
 * A statement prepared once per database handle, on first use. Drizzle sends a prepared
 * query as a named statement, which Postgres parses and plans once per connection; an
 * ad hoc query is parsed and planned on every call. For the store's hottest reads.
 */
export function preparedStatement<T>(build: (db: Db) => T): (db: Db) => T {
  const byDb = new WeakMap<Db, T>();
  return (db) => {
    let statement = byDb.get(db);
    if (!statement) {
      statement = build(db);
      byDb.set(db, statement);
    }
    return statement;
  };
}

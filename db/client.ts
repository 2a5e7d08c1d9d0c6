// One database handle per process: PGlite (embedded, the demo default) or a Postgres server
// when DATABASE_URL is set. Created lazily so that `next build` never opens a database.
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");
// Any constant shared by all instances; serialises migrations across app servers.
const MIGRATION_LOCK_KEY = 7_202_611;

type Handle = { db: Db; close: () => Promise<void>; kind: "pglite" | "postgres" };

export async function openPostgres(url: string, opts: { max?: number; migrate?: boolean } = {}): Promise<Handle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  if (opts.migrate !== false) {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    const one = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await one`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
      await migrate(drizzle(one), { migrationsFolder: MIGRATIONS_FOLDER });
      await one`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
    } finally {
      await one.end();
    }
  }
  const client = postgres(url, { max: opts.max ?? 10, onnotice: () => {} });
  return { db: drizzle(client, { schema }) as unknown as Db, close: () => client.end(), kind: "postgres" };
}

export async function openPglite(dir?: string): Promise<Handle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  // No dir: an in-memory database (tests).
  const client = dir ? new PGlite(path.resolve(dir)) : new PGlite();
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return { db: db as unknown as Db, close: () => client.close(), kind: "pglite" };
}

const globalForDb = globalThis as unknown as { __playcartDb?: Promise<Handle> };

async function open(): Promise<Handle> {
  const { env } = await import("@/lib/env");
  const e = env();
  if (e.DATABASE_URL) return openPostgres(e.DATABASE_URL);
  const handle = await openPglite(e.PGLITE_DIR);
  // The embedded database is the demo: give it a catalog and demo accounts on first start.
  const { seedIfEmpty } = await import("./seed");
  await seedIfEmpty(handle.db);
  return handle;
}

export async function getDb(): Promise<Db> {
  // Survives module reloads in `next dev`, so there is one PGlite per process.
  globalForDb.__playcartDb ??= open().catch((err) => {
    globalForDb.__playcartDb = undefined;
    throw err;
  });
  return (await globalForDb.__playcartDb).db;
}

// One database handle per process: PGlite (embedded, the demo default) or a Postgres server
// when DATABASE_URL is set. Created lazily so that `next build` never opens a database.
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { migrate as migratePlaycart } from "playcart/migrate";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** The demo store's own migrations; Playcart's ship inside the package (playcart/migrate). */
export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");
// Any constant shared by all instances; serialises migrations across app servers.
const MIGRATION_LOCK_KEY = 7_202_611;

/**
 * `db` for everything, and `paymentsDb` for the Stripe webhook's writes. On Postgres the
 * latter is a pool of its own whose sessions never plan a sequential scan where an index
 * serves (enable_seqscan = off), because each payment inserts a customer and checks four
 * foreign keys against playcart_customers (order record, event, ledger entry, balance).
 * A session caches a generic plan for those checks from the table's size at the time:
 * made while the table was small (a new store), the plan is a sequential scan, and it stays
 * one in that session until autovacuum analyses the table again. Through a burst of
 * first-time buyers every payment then scans every customer so far (measured: 0.5 ms of
 * Postgres CPU per payment at the start, 3.1 ms after 16,000). Every statement of the
 * webhook that can find its rows by a key does (only reads of two tiny tables cannot: the
 * settings and the active reminder sequence), so with sequential scans off its cached plans
 * use the indexes whatever the table's size when they were made. (These sessions used to
 * plan every statement afresh instead, plan_cache_mode = force_custom_plan: safe as well, but
 * a lone payment then cost its backend 1.5 ms of CPU against 0.7 ms, most of it planning.)
 * The rest of the app keeps Postgres's defaults. On PGlite (one session) both are the same
 * handle.
 */
type Handle = { db: Db; paymentsDb: Db; close: () => Promise<void>; kind: "pglite" | "postgres" };

/**
 * Connections of the main pool per app instance (DATABASE_POOL_MAX overrides it). Every
 * connection is a Postgres backend process. With more of them than the database has cores,
 * a burst of plays runs as many backends at once, which then contend for the same cores,
 * locks and WAL buffers: each query costs more CPU, not less. With fewer, postgres.js
 * pipelines the queries on the connections it has (several queries per round trip).
 */
export const POOL_MAX = 4;

/** Connections of the payments pool per app instance, on top of the main pool's. */
export const PAYMENTS_POOL_MAX = 4;
/** Session settings of the payments pool's connections (see Handle). */
export const PAYMENTS_SESSION = {
  enable_seqscan: "off",
  application_name: "playcart-payments",
} as const;

export async function openPostgres(
  url: string,
  opts: { max?: number; migrate?: boolean; paymentsSessionSettings?: boolean } = {},
): Promise<Handle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  if (opts.migrate !== false) {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    const one = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await migratePlaycart(drizzle(one));
      await one`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
      await migrate(drizzle(one), { migrationsFolder: MIGRATIONS_FOLDER });
      await one`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
    } finally {
      await one.end();
    }
  }
  const client = postgres(url, { max: opts.max ?? POOL_MAX, onnotice: () => {} });
  // Connects only when first used.
  const payments = postgres(url, {
    max: PAYMENTS_POOL_MAX,
    onnotice: () => {},
    // A pooler such as PgBouncer may refuse the startup parameter: PAYMENTS_SESSION_SETTINGS=off.
    connection:
      opts.paymentsSessionSettings === false
        ? { application_name: PAYMENTS_SESSION.application_name }
        : PAYMENTS_SESSION,
  });
  return {
    db: drizzle(client, { schema }) as unknown as Db,
    paymentsDb: drizzle(payments, { schema }) as unknown as Db,
    close: async () => {
      await Promise.all([client.end(), payments.end()]);
    },
    kind: "postgres",
  };
}

export async function openPglite(dir?: string): Promise<Handle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  // No dir: an in-memory database (tests).
  const client = dir ? new PGlite(path.resolve(dir)) : new PGlite();
  const db = drizzle(client, { schema });
  await migratePlaycart(db);
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return { db: db as unknown as Db, paymentsDb: db as unknown as Db, close: () => client.close(), kind: "pglite" };
}

const globalForDb = globalThis as unknown as { __playcartDb?: Promise<Handle> };

async function open(): Promise<Handle> {
  const { env } = await import("@/lib/env");
  const e = env();
  if (e.DATABASE_URL)
    return openPostgres(e.DATABASE_URL, {
      max: e.DATABASE_POOL_MAX ?? POOL_MAX,
      paymentsSessionSettings: e.PAYMENTS_SESSION_SETTINGS === "on",
    });
  const handle = await openPglite(e.PGLITE_DIR);
  // The embedded database is the demo: give it a catalog and demo accounts on first start.
  const { seedIfEmpty } = await import("./seed");
  await seedIfEmpty(handle.db);
  return handle;
}

function handle(): Promise<Handle> {
  // Survives module reloads in `next dev`, so there is one PGlite per process.
  globalForDb.__playcartDb ??= open().catch((err) => {
    globalForDb.__playcartDb = undefined;
    throw err;
  });
  return globalForDb.__playcartDb;
}

export async function getDb(): Promise<Db> {
  return (await handle()).db;
}

/** The Stripe webhook's handle: see Handle above for why it is a pool of its own. */
export async function getPaymentsDb(): Promise<Db> {
  return (await handle()).paymentsDb;
}

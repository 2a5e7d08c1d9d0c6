// Playcart's core takes any Drizzle Postgres handle (a database or a transaction), so a
// host store passes its own and the core never opens connections itself.
import { is, SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";

// biome-ignore lint/suspicious/noExplicitAny: any host schema must fit; Drizzle has no wider type a typed database is assignable to
export type EngageDb = PgDatabase<PgQueryResultHKT, any, any>;

type PgErrorLike = { code?: string; constraint?: string; constraint_name?: string; message?: string };

/** The Postgres error under a Drizzle wrapper, from either driver (postgres.js or PGlite). */
export function pgError(err: unknown): PgErrorLike | undefined {
  let e: unknown = err;
  for (let depth = 0; e && typeof e === "object" && depth < 4; depth++) {
    const candidate = e as PgErrorLike & { cause?: unknown };
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    e = candidate.cause;
  }
  return undefined;
}

export const isUniqueViolation = (err: unknown, constraint?: string) => {
  const pg = pgError(err);
  if (pg?.code !== "23505") return false;
  if (!constraint) return true;
  return (pg.constraint ?? pg.constraint_name ?? pg.message ?? "").includes(constraint);
};

/** Rows of a raw `db.execute` result: postgres.js returns an array, PGlite `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

type UnsafeClient = { unsafe: (query: string, params: unknown[], opts: { prepare: boolean }) => Promise<unknown> };
type Session = {
  client?: Partial<UnsafeClient>;
  prepareQuery?: (
    query: Query,
    fields: undefined,
    name: undefined,
    arrayMode: false,
  ) => { execute: () => Promise<unknown> };
};
/** A statement's text and its parameters, in order. */
export type Query = { sql: string; params: unknown[] };

/**
 * Runs a hot statement as a server-side prepared statement when the driver is postgres.js
 * (Drizzle prepares only named query-builder queries, so `db.execute` re-parses and re-plans
 * every call); other drivers run it as usual. Takes Drizzle's SQL, or a statement's text and
 * parameters already written (shaped-statement.ts). Returns the rows.
 */
export async function executePrepared<T>(db: EngageDb, query: SQL | Query): Promise<T[]> {
  // Inside a transaction the session's client is the transaction's own connection.
  const handle = db as unknown as { session?: Session; $client?: Partial<UnsafeClient> };
  const client = handle.session?.client ?? handle.$client;
  const dialect = (db as unknown as { dialect?: { sqlToQuery: (q: SQL) => Query } }).dialect;
  const written = is(query, SQL) ? null : query;
  if (typeof client?.unsafe === "function" && (written || dialect)) {
    const { sql: text, params } = written ?? dialect!.sqlToQuery(query as SQL);
    return rowsOf<T>(await (client as UnsafeClient).unsafe(text, params, { prepare: true }));
  }
  if (!written) return rowsOf<T>(await db.execute(query as SQL));
  // Written text on another driver (PGlite, node-postgres): through its Drizzle session, as
  // db.execute runs SQL (drizzle-orm 0.45: session.prepareQuery(query, undefined, undefined, false)).
  const prepared = handle.session?.prepareQuery?.(written, undefined, undefined, false);
  if (!prepared) throw new Error("This database handle cannot run a written statement.");
  return rowsOf<T>(await prepared.execute());
}

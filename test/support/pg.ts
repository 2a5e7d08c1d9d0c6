import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { type Db, openPostgres } from "@/db/client";

export const DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/postgres";

export const adminUrl = () => process.env.DATABASE_URL || DEFAULT_DATABASE_URL;

function unreachable(url: string, err: unknown): Error {
  const reason = err instanceof Error ? err.message : String(err);
  return new Error(
    `Postgres is not reachable at ${url} (${reason}).\n` +
      `The pg tests need a real Postgres server. Either set DATABASE_URL to a server whose user may ` +
      `CREATE DATABASE (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres), or start the local one:\n` +
      `  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`,
  );
}

/**
 * A throwaway database on the server at DATABASE_URL, migrated by openPostgres
 * (pass `{ migrate: false }` for an empty one). `drop()` closes the pool and drops the database.
 */
export async function createTestDatabase(
  opts: { migrate?: boolean } = {},
): Promise<{ url: string; db: Db; drop: () => Promise<void> }> {
  const admin = adminUrl();
  const name = `playcart_t_${randomBytes(6).toString("hex")}`;
  const sql = postgres(admin, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    await sql`select 1`;
  } catch (err) {
    await sql.end({ timeout: 1 }).catch(() => {});
    throw unreachable(admin, err);
  }
  try {
    await sql.unsafe(`CREATE DATABASE "${name}"`);
  } finally {
    await sql.end();
  }

  const u = new URL(admin);
  u.pathname = `/${name}`;
  const url = u.toString();

  const dropDb = async () => {
    const s = postgres(admin, { max: 1, onnotice: () => {} });
    try {
      await s.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } finally {
      await s.end();
    }
  };

  let handle: Awaited<ReturnType<typeof openPostgres>>;
  try {
    handle = await openPostgres(url, { migrate: opts.migrate });
  } catch (err) {
    await dropDb();
    throw err;
  }
  return {
    url,
    db: handle.db,
    drop: async () => {
      await handle.close().catch(() => {});
      await dropDb();
    },
  };
}

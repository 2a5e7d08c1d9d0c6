// Playcart's migration runner: its own migrations table (playcart_migrations), one
// transaction for a whole run, and an advisory lock so app servers starting together
// migrate once. Postgres DDL is transactional: a run applies everything or nothing.
// Not Drizzle's migrator: that one picks what to run by timestamp against one shared table
// in a `drizzle` schema that the host's own migrations may already use, and it reads the
// SQL from a folder, which bundlers and serverless platforms move.
import { sql } from "drizzle-orm";
import { type EngageDb, rowsOf } from "../core/db.ts";

export type Migration = { tag: string; hash: string; statements: readonly string[] };
export type MigrateOptions = {
  /**
   * Record the migrations as applied without running them, for a database whose Playcart
   * tables were created before Playcart had its own migrations (copied SQL). Checked first:
   * every table and trigger Playcart expects must already be there.
   */
  adopt?: boolean;
};
export type MigrateResult = { applied: string[]; adopted: string[]; alreadyApplied: string[] };

export const MIGRATIONS_TABLE = "playcart_migrations";
// Any constant of Playcart's own: serialises migrations across processes.
const LOCK_KEY = 7_202_612;

export class MigrationError extends Error {
  override name = "MigrationError";
}

const CREATED = /^CREATE (?:OR REPLACE )?(TABLE|TRIGGER|FUNCTION) (?:IF NOT EXISTS )?"?(playcart_\w+)"?/i;

/** Every table, trigger and function the migrations create, by kind and name ("trigger playcart_ledger_apply"). */
export function createdObjects(migrations: readonly Migration[]): string[] {
  return migrations.flatMap((m) =>
    m.statements.flatMap((s) => {
      const statement = s.replace(/^(\s*--[^\n]*\n)+/, "").trim();
      const match = CREATED.exec(statement);
      return match ? [`${match[1].toLowerCase()} ${match[2]}`] : [];
    }),
  );
}

export async function runMigrations(
  db: EngageDb,
  migrations: readonly Migration[],
  opts: MigrateOptions = {},
): Promise<MigrateResult> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEY})`);
    await tx.execute(
      sql.raw(`create table if not exists ${MIGRATIONS_TABLE} (
        tag text primary key,
        hash text not null,
        applied_at timestamptz not null default now()
      )`),
    );
    const done = new Set(
      rowsOf<{ tag: string }>(await tx.execute(sql.raw(`select tag from ${MIGRATIONS_TABLE}`))).map((r) => r.tag),
    );
    const pending = migrations.filter((m) => !done.has(m.tag));
    const result: MigrateResult = {
      applied: [],
      adopted: [],
      alreadyApplied: migrations.filter((m) => done.has(m.tag)).map((m) => m.tag),
    };
    if (pending.length === 0) return result;

    const existing = new Set(
      rowsOf<{ name: string }>(
        await tx.execute(sql`
          select 'table ' || c.relname as name from pg_class c
          where c.relname like 'playcart\\_%' and c.relkind in ('r', 'p') and pg_table_is_visible(c.oid)
          union
          select 'trigger ' || t.tgname from pg_trigger t join pg_class c on c.oid = t.tgrelid
          where t.tgname like 'playcart\\_%' and pg_table_is_visible(c.oid)
          union
          select 'function ' || p.proname from pg_proc p where p.proname like 'playcart\\_%' and pg_function_is_visible(p.oid)`),
      ).map((r) => r.name),
    );
    const isFirstRun = done.size === 0;
    if (isFirstRun && existing.has("table playcart_ledger_entries")) {
      if (!opts.adopt) {
        throw new MigrationError(
          "Playcart's tables already exist in this database, but it has no record of Playcart's migrations " +
            "(they were created by copied SQL before Playcart had its own). Run `npx playcart migrate --adopt` " +
            "once to record them as applied after checking that every table and trigger is there.",
        );
      }
      const missing = createdObjects(migrations).filter((name) => !existing.has(name));
      if (missing.length > 0) {
        throw new MigrationError(
          `Cannot adopt this database: Playcart's ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} missing. ` +
            "Bring it up to date with the SQL of the Playcart version it was copied from, or migrate a new database.",
        );
      }
    }

    const adopt = isFirstRun && opts.adopt === true && existing.has("table playcart_ledger_entries");
    for (const m of pending) {
      if (!adopt) for (const statement of m.statements) await tx.execute(sql.raw(statement));
      await tx.execute(sql`insert into playcart_migrations (tag, hash) values (${m.tag}, ${m.hash})`);
      (adopt ? result.adopted : result.applied).push(m.tag);
    }
    return result;
  });
}

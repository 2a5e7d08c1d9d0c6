// playcart/migrate: creates and upgrades Playcart's own tables, functions and triggers in
// the host's Postgres database, beside (never inside) the host's own migrations.
//   import { migrate } from "playcart/migrate";
//   await migrate(db); // any Drizzle Postgres handle: postgres.js, node-postgres, PGlite...
// or from a shell: `npx playcart migrate` (DATABASE_URL).
import type { EngageDb } from "../core/db.ts";
import { MIGRATIONS } from "./bundled.ts";
import { type MigrateOptions, type MigrateResult, runMigrations } from "./runner.ts";

export { MIGRATIONS_TABLE, type MigrateOptions, type MigrateResult, MigrationError } from "./runner.ts";

/** Applies every Playcart migration this database has not had yet, in one transaction. */
export function migrate(db: EngageDb, opts: MigrateOptions = {}): Promise<MigrateResult> {
  return runMigrations(db, MIGRATIONS, opts);
}

/** The migrations this version of Playcart ships, oldest first. */
export const migrationTags = (): string[] => MIGRATIONS.map((m) => m.tag);

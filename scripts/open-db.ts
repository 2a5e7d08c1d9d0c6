// For command-line scripts: the same database the app would open (DATABASE_URL or PGlite).
import { openPglite, openPostgres } from "../db/client";
import { env } from "../lib/env";

export async function openScriptDb() {
  // Scripts need no AUTH_SECRET; only the database settings matter here.
  process.env.AUTH_SECRET ||= "script-placeholder-secret";
  const e = env();
  return e.DATABASE_URL ? openPostgres(e.DATABASE_URL, { max: 2 }) : openPglite(e.PGLITE_DIR);
}

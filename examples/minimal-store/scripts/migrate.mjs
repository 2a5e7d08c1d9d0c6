// Applies db/migrations/*.sql in name order, each once and in its own transaction, recorded
// in the store's own store_migrations table. Usage: DATABASE_URL=... node scripts/migrate.mjs
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "db", "migrations");

export async function migrate(databaseUrl) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await sql`create table if not exists store_migrations (name text primary key, applied_at timestamptz not null default now())`;
    const files = readdirSync(dir)
      .filter((f) => f.endsWith(".sql"))
      .sort();
    const applied = [];
    for (const name of files) {
      await sql.begin(async (tx) => {
        // Two migrators at once: the second waits, then finds the file recorded.
        await tx`select pg_advisory_xact_lock(hashtext('store_migrations'))`;
        const [done] = await tx`select 1 from store_migrations where name = ${name}`;
        if (done) return;
        await tx.unsafe(readFileSync(path.join(dir, name), "utf8"));
        await tx`insert into store_migrations (name) values (${name})`;
        applied.push(name);
      });
    }
    return applied;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(
      "Set DATABASE_URL to the store's Postgres database, e.g. postgres://postgres@127.0.0.1:5432/minimal_store",
    );
    process.exit(1);
  }
  const applied = await migrate(url);
  console.log(applied.length ? `Applied ${applied.join(", ")}` : "Database is up to date");
}

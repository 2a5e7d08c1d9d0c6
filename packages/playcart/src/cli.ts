// `npx playcart <command>`: Playcart's command line. Today one command, migrate.
import { parseArgs } from "node:util";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { MigrationError, migrate, migrationTags } from "./migrate/index.ts";

const USAGE = `Usage: playcart migrate [--database-url <url>] [--adopt]

  migrate   Creates or upgrades Playcart's tables, functions and triggers (all named
            playcart_*) in the database at DATABASE_URL, and records them in its own
            table, playcart_migrations. Your own tables and migrations are not touched.
            Safe to run on every deploy: it applies only what is missing.

  --database-url <url>   Postgres connection string (default: $DATABASE_URL)
  --adopt                The database already has Playcart's tables from SQL copied by hand
                         before Playcart had its own migrations: check them and record them.`;

export async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (err) {
    console.error(`playcart: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  if (positionals[0] !== "migrate" || positionals.length > 1) {
    console.error(`playcart: unknown command "${positionals.join(" ")}"\n\n${USAGE}`);
    return 2;
  }
  const url = values["database-url"] ?? process.env.DATABASE_URL;
  if (!url) {
    console.error("playcart: set DATABASE_URL or pass --database-url postgres://user@host:5432/db");
    return 2;
  }
  const client = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    const result = await migrate(drizzle(client), { adopt: values.adopt });
    const all = migrationTags().length;
    if (result.adopted.length > 0) console.log(`playcart: adopted ${result.adopted.join(", ")}`);
    if (result.applied.length > 0) console.log(`playcart: applied ${result.applied.join(", ")}`);
    if (result.applied.length + result.adopted.length === 0)
      console.log(`playcart: up to date (${all} migration${all === 1 ? "" : "s"})`);
    return 0;
  } catch (err) {
    if (err instanceof MigrationError) console.error(`playcart: ${err.message}`);
    else console.error("playcart: migration failed, nothing was changed:", (err as Error).message);
    return 1;
  } finally {
    await client.end();
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      "database-url": { type: "string" },
      adopt: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
}

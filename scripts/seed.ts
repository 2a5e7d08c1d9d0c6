// `npm run db:seed`: the demo catalog and accounts, for a Postgres database (the embedded
// database seeds itself on first start). Safe to run twice.
import { seed } from "../db/seed";
import { openScriptDb } from "./open-db";

async function main() {
  const handle = await openScriptDb();
  try {
    await seed(handle.db);
    console.log(`demo data seeded (${handle.kind})`);
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

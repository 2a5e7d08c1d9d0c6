// `npm run db:migrate`: applies Playcart's migrations (playcart/migrate) and then the demo
// store's own, db/migrations (the app also does this on first use).
import { openScriptDb } from "./open-db";

openScriptDb()
  .then(async (handle) => {
    await handle.close();
    console.log(`migrations applied (${handle.kind})`);
  })
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });

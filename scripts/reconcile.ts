// `npm run ledger:reconcile`: recomputes every balance from the ledger entries and prints
// each account whose stored balance disagrees. Exits 1 if there is any.
import { reconcile } from "playcart";
import { openScriptDb } from "./open-db";

async function main() {
  const handle = await openScriptDb();
  try {
    const { accounts, mismatches } = await reconcile(handle.db);
    for (const m of mismatches) {
      console.log(
        `MISMATCH customer ${m.customerId} ${m.account}: stored ${m.stored}, entries sum to ${m.fromEntries}`,
      );
    }
    console.log(`${accounts} balances checked, ${mismatches.length} mismatches`);
    return mismatches.length > 0 ? 1 : 0;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(2);
  },
);

// The customer rows that are a signed-in shopper's: the one under their email's person key and
// any their account is linked to (an account whose email changed keeps its old row's link).
import { sql } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import { personKey } from "../core/identity.ts";
import { customers } from "../core/schema.ts";
import { ERASED_PREFIX } from "./tombstone.ts";

export type ShopperIdentity = { email: string; userRef?: string | null };

export async function shopperCustomerIds(db: EngageDb, who: ShopperIdentity): Promise<string[]> {
  const key = personKey(who.email);
  const rows = await db
    .select({ id: customers.id })
    .from(customers)
    .where(
      sql`(${customers.email} = ${key} OR (${who.userRef ?? null}::text IS NOT NULL AND ${customers.userRef} = ${who.userRef ?? null}))
        AND ${customers.email} NOT LIKE ${`${ERASED_PREFIX}%`}`,
    )
    .orderBy(customers.id);
  return rows.map((r) => r.id);
}

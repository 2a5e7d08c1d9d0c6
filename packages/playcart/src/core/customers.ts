// A Playcart customer is a person, found by the person key of their email (see identity.ts):
// guests earn on it, whichever spelling of the address they type, and an account that signs
// in with the same address sees what it earned.
import { eq, sql } from "drizzle-orm";
import type { EngageDb } from "./db.ts";
import { personKey } from "./identity.ts";
import { type Customer, customers } from "./schema.ts";

export async function ensureCustomer(
  db: EngageDb,
  input: { email: string; userRef?: string | null },
): Promise<Customer> {
  const email = personKey(input.email);
  const [row] = await db
    .insert(customers)
    .values({ email, userRef: input.userRef ?? null })
    .onConflictDoUpdate({
      target: customers.email,
      // Link an account the first time one shows up; never re-point an existing link.
      set: { userRef: sql`coalesce(${customers.userRef}, excluded.user_ref)` },
    })
    .returning();
  return row;
}

export async function findCustomerByEmail(db: EngageDb, email: string): Promise<Customer | undefined> {
  const [row] = await db
    .select()
    .from(customers)
    .where(eq(customers.email, personKey(email)));
  return row;
}

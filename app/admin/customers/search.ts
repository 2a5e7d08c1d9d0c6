// Customer search for the admin: Playcart's customers by email, or by the name on the
// store's account they belong to (the host's users table; the core knows no names).
import "server-only";
import { eq, ilike, or, sql } from "drizzle-orm";
import { customers } from "playcart/schema";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";

export async function searchCustomers(db: Db, query: string, limit = 25) {
  const like = `%${query.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select({ id: customers.id, email: customers.email, name: users.name, since: customers.createdAt })
    .from(customers)
    .leftJoin(users, or(eq(users.id, customers.userRef), sql`lower(${users.email}) = ${customers.email}`))
    .where(query.trim() ? or(ilike(customers.email, like), ilike(users.name, like)) : undefined)
    .orderBy(customers.email)
    .limit(limit);
}

export async function accountName(db: Db, email: string, userRef: string | null) {
  const [row] = await db
    .select({ name: users.name })
    .from(users)
    .where(or(userRef ? eq(users.id, userRef) : sql`false`, sql`lower(${users.email}) = ${email}`))
    .limit(1);
  return row?.name ?? null;
}

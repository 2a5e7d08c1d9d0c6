// Customer search for the admin: Playcart's customers by email, or by the name on the
// store's account they belong to (asked of the host's accounts; the core knows no names).
import { eq, ilike, inArray, or } from "drizzle-orm";
import { personKey } from "../core/identity.ts";
import { customers } from "../core/schema.ts";
import type { AdminContext } from "./config.ts";

export async function searchCustomers(ctx: AdminContext, query: string, limit = 25) {
  const q = query.trim();
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const accounts = q && ctx.accounts?.search ? (await ctx.accounts.search(q)).slice(0, 200) : [];
  // Customers are kept under the person key of their email (core/identity.ts).
  const emails = accounts.map((a) => personKey(a.email));
  const refs = accounts.flatMap((a) => (a.userRef ? [a.userRef] : []));
  const rows = await ctx.db
    .select({ id: customers.id, email: customers.email, userRef: customers.userRef, since: customers.createdAt })
    .from(customers)
    .where(
      q
        ? or(
            ilike(customers.email, like),
            eq(customers.email, personKey(q)),
            emails.length ? inArray(customers.email, emails) : undefined,
            refs.length ? inArray(customers.userRef, refs) : undefined,
          )
        : undefined,
    )
    .orderBy(customers.email)
    .limit(limit);
  return Promise.all(rows.map(async (r) => ({ ...r, name: await accountName(ctx, r) })));
}

export async function accountName(ctx: AdminContext, customer: { email: string; userRef: string | null }) {
  return ctx.accounts ? ctx.accounts.name(customer) : null;
}

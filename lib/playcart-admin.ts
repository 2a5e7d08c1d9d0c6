// The demo's Playcart admin: mounted at /admin (app/admin/[[...path]]/page.tsx) behind the
// demo's own admin guard, with the demo's accounts for customer names.
import "server-only";
import { asc, eq, ilike, or, sql } from "drizzle-orm";
import { personKeySql } from "playcart";
import { createPlaycartAdmin } from "playcart/admin";
import { getDb } from "@/db/client";
import { categories, products, users } from "@/db/schema";
import { currentViewer } from "@/lib/auth/guards";
import { mailConfig } from "@/lib/email/mail-config";
import { outboxMail } from "@/lib/email/outbox";
import { env, publicOrigin } from "@/lib/env";
import { storeNow } from "@/lib/store/clock";
import { storeSetup } from "@/lib/store-setup";

export const ADMIN_BASE_PATH = "/admin";

export const playcartAdmin = createPlaycartAdmin({
  basePath: ADMIN_BASE_PATH,
  db: getDb,
  // Read fresh on every page, action and export: a JWT can outlive a role change.
  async authorize() {
    const viewer = await currentViewer();
    if (!viewer) return "unauthenticated";
    return viewer.isAdmin ? { actor: viewer.email } : "forbidden";
  },
  signInUrl: (returnTo) => `/signin?callbackUrl=${encodeURIComponent(returnTo)}`,
  get currency() {
    return env().STORE_CURRENCY;
  },
  get timeZone() {
    return env().STORE_TIMEZONE;
  },
  now: storeNow,
  // The audience and rule builders name categories and products as the cart and events do (slugs); free-product prizes are chosen from the same products.
  async catalog() {
    const db = await getDb();
    const [cats, items] = await Promise.all([
      db.select({ ref: categories.slug, name: categories.name }).from(categories).orderBy(asc(categories.position)),
      db.select({ ref: products.slug, name: products.name }).from(products).orderBy(asc(products.name)),
    ]);
    return { categories: cats, products: items };
  },
  setup: storeSetup,
  // The reminder editor's test goes out as every reminder does (DKIM-signed), or to the dev outbox.
  get email() {
    return mailConfig();
  },
  outbox: { mail: outboxMail },
  get siteUrl() {
    return publicOrigin();
  },
  accounts: {
    async name({ email, userRef }) {
      const db = await getDb();
      const [row] = await db
        .select({ name: users.name })
        .from(users)
        .where(or(userRef ? eq(users.id, userRef) : sql`false`, sql`${personKeySql(sql`${users.email}`)} = ${email}`))
        .limit(1);
      return row?.name ?? null;
    },
    async search(query) {
      const like = `%${query.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const db = await getDb();
      const rows = await db
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(ilike(users.name, like))
        .limit(200);
      return rows.flatMap((r) => (r.email ? [{ email: r.email.toLowerCase(), userRef: r.id }] : []));
    },
  },
});

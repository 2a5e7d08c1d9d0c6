import "server-only";
import { and, asc, eq, ilike, or, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { categories, products } from "@/db/schema";

const listColumns = {
  id: products.id,
  slug: products.slug,
  name: products.name,
  priceMinor: products.priceMinor,
  image: products.image,
  categorySlug: products.categorySlug,
};

export type ProductCard = {
  id: string;
  slug: string;
  name: string;
  priceMinor: number;
  image: string;
  categorySlug: string;
};

export async function listCategories() {
  const db = await getDb();
  return db.select().from(categories).orderBy(asc(categories.position));
}

export async function listProducts(filter: { q?: string; category?: string } = {}): Promise<ProductCard[]> {
  const db = await getDb();
  const where: SQL[] = [eq(products.active, true)];
  if (filter.category) where.push(eq(products.categorySlug, filter.category));
  const q = filter.q?.trim().slice(0, 80);
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(products.name, pattern), ilike(products.description, pattern))!);
  }
  return db
    .select(listColumns)
    .from(products)
    .where(and(...where))
    .orderBy(asc(products.categorySlug), asc(products.name));
}

export async function getProduct(slug: string) {
  const db = await getDb();
  const [row] = await db
    .select({ ...listColumns, description: products.description, categoryName: categories.name })
    .from(products)
    .innerJoin(categories, eq(categories.slug, products.categorySlug))
    .where(and(eq(products.slug, slug), eq(products.active, true)));
  return row;
}

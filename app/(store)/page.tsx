import { headers } from "next/headers";
import Link from "next/link";
import { IncentiveNotice } from "playcart/react";
import { ProductCard } from "@/components/store/product-card";
import { playcart } from "@/lib/playcart";
import { listCategories, listProducts } from "@/lib/store/catalog";

export default async function CatalogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const q = typeof params.q === "string" ? params.q : "";
  const category = typeof params.category === "string" ? params.category : "";
  const [categories, products] = await Promise.all([
    listCategories(),
    listProducts({ q, category: category || undefined }),
  ]);
  const current = categories.find((c) => c.slug === category);
  // A friend's referral link lands here (Playcart's /r/<code> sets its cookie): an invitation to join.
  const referred = playcart.referralCode(await headers()) !== null;
  return (
    <div className="space-y-8">
      {params.loyalty === "deleted" && (
        <p role="status" className="rounded-lg bg-brand-50 p-3 text-sm text-brand-800">
          Your loyalty data has been deleted and you are signed out. You are welcome to shop on as a guest.
        </p>
      )}
      {referred && (
        <section aria-labelledby="referred-heading" className="rounded-2xl border border-amber-200 bg-amber-50 p-5">
          <h2 id="referred-heading" className="font-medium">
            A friend invited you
          </h2>
          <p className="mt-1 text-sm text-stone-700">
            Your first order earns you points in our rewards programme, and your friend a stamp.
          </p>
          <IncentiveNotice notice={await playcart.incentiveNotice()} />
        </section>
      )}
      <section className="rounded-3xl bg-brand-800 px-8 py-10 text-white">
        <h1 className="font-display text-3xl font-semibold sm:text-4xl">Fresh roasts, warm bakes.</h1>
        <p className="mt-2 max-w-xl text-brand-100">
          Every paid order earns points: one for each dollar, yours to see in your account.
        </p>
      </section>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
        <nav aria-label="Categories">
          <ul className="flex flex-wrap gap-2 text-sm">
            <li>
              <Link href="/" aria-current={!category ? "page" : undefined} className={chip(!category)}>
                All
              </Link>
            </li>
            {categories.map((c) => (
              <li key={c.slug}>
                <Link
                  href={`/?category=${c.slug}`}
                  aria-current={category === c.slug ? "page" : undefined}
                  className={chip(category === c.slug)}
                >
                  {c.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <search>
          <form action="/" className="flex gap-2">
            {category && <input type="hidden" name="category" value={category} />}
            <label htmlFor="q" className="sr-only">
              Search products
            </label>
            <input
              id="q"
              name="q"
              defaultValue={q}
              placeholder="Search products"
              maxLength={80}
              className="w-56 rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm"
            />
            <button
              type="submit"
              className="rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm hover:bg-stone-50"
            >
              Search
            </button>
          </form>
        </search>
      </div>
      <h2 className="text-lg font-medium">{current ? current.name : q ? `Results for “${q}”` : "All products"}</h2>
      {products.length === 0 ? (
        <p className="text-stone-600">
          No products match.{" "}
          <Link href="/" className="underline">
            See everything
          </Link>
          .
        </p>
      ) : (
        <ul className="grid grid-cols-1 gap-6 sm:grid-cols-2 lg:grid-cols-4">
          {products.map((p) => (
            <ProductCard key={p.id} product={p} />
          ))}
        </ul>
      )}
    </div>
  );
}

const chip = (active: boolean) =>
  `inline-block rounded-full border px-3 py-1 ${active ? "border-brand-700 bg-brand-700 text-white" : "border-stone-300 bg-white hover:bg-stone-50"}`;

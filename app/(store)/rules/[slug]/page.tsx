import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OfficialRulesView } from "playcart/react";
import { env } from "@/lib/env";
import { playcart } from "@/lib/playcart";
import { getProduct } from "@/lib/store/catalog";

export const metadata: Metadata = { title: "Official rules" };

// Public: anyone may read a game's rules before (or without) playing; ?v=N is the version a
// past play was played under (the shopper's rewards link it).
export default async function RulesPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ v?: string }>;
}) {
  const [{ slug }, { v }] = await Promise.all([params, searchParams]);
  if (!/^[a-z0-9-]{1,100}$/.test(slug)) notFound();
  if (v !== undefined && !/^[1-9]\d{0,5}$/.test(v)) notFound();
  const version = v === undefined ? null : Number(v);
  let rules = await playcart.officialRules({ slug, version });
  if (!rules) notFound();
  // Free-product prizes read with the product's name (a second read only when there are some).
  const refs = [...new Set(rules.document.prizes.flatMap((p) => (p.productRef ? [p.productRef] : [])))];
  if (refs.length) {
    const names = new Map(await Promise.all(refs.map(async (ref) => [ref, (await getProduct(ref))?.name] as const)));
    rules = (await playcart.officialRules({ slug, version, productName: (ref) => names.get(ref) })) ?? rules;
  }
  const { STORE_TIMEZONE: timeZone } = env();
  const date = (d: Date) => new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone }).format(d);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <OfficialRulesView rules={rules} date={date} versionHref={(n) => `/rules/${slug}?v=${n}`} />
      <p className="flex gap-4 text-sm">
        <Link href={`/odds/${slug}`} className="text-brand-700 underline">
          Odds right now
        </Link>
        <Link href="/" className="text-brand-700 underline">
          Back to the shop
        </Link>
      </p>
    </div>
  );
}

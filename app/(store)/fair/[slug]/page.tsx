import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { publishedDraws } from "playcart";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { storeNow } from "@/lib/store/clock";

export const metadata: Metadata = { title: "Draw commitments" };

// Public: a campaign's draw commitments (published before each store day's first play) and,
// once a day is over, the seed behind it, so anyone can check any play of that day.
export default async function DrawsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!/^[a-z0-9-]{1,100}$/.test(slug)) notFound();
  const { STORE_TIMEZONE: timeZone } = env();
  const draws = await publishedDraws(await getDb(), slug, { now: await storeNow(), timeZone });
  if (!draws) notFound();
  const when = (d: Date) =>
    new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone }).format(d);

  return (
    <article className="mx-auto max-w-4xl space-y-8">
      <header className="space-y-2">
        <p className="text-sm font-semibold uppercase tracking-wider text-amber-700">Provably fair draws</p>
        <h1 className="font-display text-3xl font-semibold">{draws.campaign.name}</h1>
        <p className="text-stone-700">
          Each store day this game draws from a secret random seed. Its SHA-256 hash (the commitment) is published here
          before the day&apos;s first play, and the seed itself when the day ends, so the store cannot change a draw
          after the fact. Check a play from its receipt on the{" "}
          <Link href="/fair/verify" className="text-brand-700 underline">
            verification page
          </Link>
          .
        </p>
      </header>

      <section aria-labelledby="periods-heading" className="space-y-3">
        <h2 id="periods-heading" className="text-xl font-semibold">
          Commitments and seeds
        </h2>
        {draws.periods.length === 0 ? (
          <p className="text-stone-700">No draws have been committed for this game yet.</p>
        ) : (
          <div className="overflow-x-auto rounded-2xl border border-stone-200 bg-white">
            <table className="w-full text-left text-sm">
              <thead className="bg-stone-50 text-stone-600">
                <tr>
                  <th scope="col" className="p-3 font-medium">
                    Store day
                  </th>
                  <th scope="col" className="p-3 font-medium">
                    Commitment (SHA-256 of the seed)
                  </th>
                  <th scope="col" className="p-3 font-medium">
                    Seed
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {draws.periods.map((p) => (
                  <tr key={p.period} data-period={p.period}>
                    <th scope="row" className="p-3 align-top font-medium whitespace-nowrap">
                      {p.period}
                    </th>
                    <td className="p-3 align-top">
                      <code className="break-all">{p.commitment}</code>
                    </td>
                    <td className="p-3 align-top">
                      {p.seed ? (
                        <code className="break-all" data-seed={p.seed}>
                          {p.seed}
                        </code>
                      ) : (
                        <span className="text-stone-600">Revealed {when(p.revealsAt)}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <div className="flex gap-4">
        <Link href={`/odds/${draws.campaign.slug}`} className="text-brand-700 underline">
          Odds and rules
        </Link>
        <Link href="/" className="text-brand-700 underline">
          Back to the shop
        </Link>
      </div>
    </article>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import {
  chanceWords,
  limitWords,
  PLAY_NOUN as NOUN,
  playsWords,
  prizeUseWords,
  publicOdds,
  rewardWords,
  whenWords,
} from "playcart";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { getProduct } from "@/lib/store/catalog";
import { storeNow } from "@/lib/store/clock";
import { formatMoney } from "@/lib/store/money";

export const metadata: Metadata = { title: "Odds and rules" };

// Public: anyone may read a game's odds before (or without) playing.
export default async function OddsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!/^[a-z0-9-]{1,100}$/.test(slug)) notFound();
  const { STORE_TIMEZONE: timeZone, STORE_CURRENCY: currency } = env();
  const odds = await publicOdds(await getDb(), slug, { now: await storeNow(), timeZone, currency });
  if (!odds) notFound();
  const money = (minor: number) => formatMoney(minor, currency);
  const date = (d: Date) => new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone }).format(d);
  const products = new Map(
    await Promise.all(
      odds.prizes.flatMap((p) =>
        p.reward.productRef
          ? [getProduct(p.reward.productRef).then((row) => [p.reward.productRef!, row?.name] as const)]
          : [],
      ),
    ),
  );
  const status = !odds.running
    ? "This game is not running at the moment."
    : odds.openNow
      ? "Open now."
      : "Not open right now: see when below.";

  return (
    <article className="mx-auto max-w-3xl space-y-8">
      <header className="space-y-2">
        <p className="text-sm font-semibold uppercase tracking-wider text-amber-700">Odds and rules</p>
        <h1 className="font-display text-3xl font-semibold">{odds.name}</h1>
        <p
          className={`inline-block rounded-full px-3 py-1 text-sm font-medium ${odds.running && odds.openNow ? "bg-brand-100 text-brand-800" : "bg-stone-200 text-stone-700"}`}
        >
          {status}
        </p>
      </header>

      <section aria-labelledby="prizes-heading" className="space-y-3">
        <h2 id="prizes-heading" className="text-xl font-semibold">
          Prizes and chances
        </h2>
        <div className="overflow-x-auto rounded-2xl border border-stone-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-stone-50 text-stone-600">
              <tr>
                <th scope="col" className="p-3 font-medium">
                  Prize
                </th>
                <th scope="col" className="p-3 font-medium">
                  Chance per {NOUN[odds.gameType]}
                </th>
                <th scope="col" className="p-3 font-medium">
                  Limits
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {odds.prizes.map((p) => {
                const chance = chanceWords(p.chance);
                const limits = limitWords(p);
                return (
                  <tr key={p.label}>
                    <th scope="row" className="p-3 align-top font-medium">
                      {p.label}
                      <span className="block text-xs font-normal text-stone-600">
                        {rewardWords(p, money, products.get(p.reward.productRef ?? ""))}
                      </span>
                    </th>
                    <td className="p-3 align-top">
                      {p.soldOut ? (
                        <span className="rounded-full bg-stone-200 px-2 py-0.5 text-xs font-semibold text-stone-700">
                          Sold out
                        </span>
                      ) : (
                        <>
                          <span className="font-semibold tabular-nums">{chance.percent}</span>
                          {chance.oneIn && <span className="text-stone-600"> ({chance.oneIn})</span>}
                          <span aria-hidden="true" className="mt-1 block h-1.5 w-32 rounded-full bg-stone-100">
                            <span
                              className="block h-full rounded-full bg-amber-500"
                              style={{ width: `${Math.round(p.chance * 100)}%` }}
                            />
                          </span>
                        </>
                      )}
                    </td>
                    <td className="p-3 align-top text-stone-600">{limits.length ? limits.join("; ") : "None"}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p className="text-sm text-stone-600">
          Chances are for a {NOUN[odds.gameType]} made now. When a prize sells out it leaves the draw and the chances of
          the others grow in proportion.
        </p>
      </section>

      <section aria-labelledby="rules-heading" className="space-y-3">
        <h2 id="rules-heading" className="text-xl font-semibold">
          Rules
        </h2>
        <dl className="space-y-4 rounded-2xl border border-stone-200 bg-white p-5 text-sm">
          <Rule term="Who can play">
            {odds.audience ? `${odds.audience}.` : "Shoppers the store has chosen for this game."}
          </Rule>
          <Rule term="When">{whenWords(odds, timeZone, date)}</Rule>
          <Rule term="How many plays">
            <ul className="list-disc space-y-0.5 pl-5">
              {playsWords(odds, money, NOUN[odds.gameType]).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </Rule>
          <Rule term="Your prize">{prizeUseWords(odds)}</Rule>
          <Rule term="How the winner is picked">
            Our server draws every play, within each prize&apos;s limits, before the game starts to move; the animation
            only shows that result. Each draw is derived from a secret seed whose hash is published before the
            day&apos;s first play and the seed itself when the day ends, so anyone can check it:{" "}
            <Link href={`/fair/${odds.slug}`} className="text-brand-700 underline">
              draw commitments and seeds
            </Link>
            .
          </Rule>
        </dl>
      </section>

      <Link href="/" className="inline-block text-brand-700 underline">
        Back to the shop
      </Link>
    </article>
  );
}

function Rule({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="font-semibold text-stone-900">{term}</dt>
      <dd className="mt-0.5 text-stone-700">{children}</dd>
    </div>
  );
}

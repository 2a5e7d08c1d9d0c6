// A badge's public, shareable page. It shows the badge and when it was earned, never who
// holds it (the share id is random).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { badgeByShareId } from "playcart";
import { getDb } from "@/db/client";

type Props = { params: Promise<{ shareId: string }> };

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "long" });

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const badge = await badgeByShareId(await getDb(), (await params).shareId);
  if (!badge) return { title: "Badge not found" };
  const title = `${badge.name} badge`;
  return {
    title,
    description: badge.description,
    openGraph: { title, description: badge.description },
    twitter: { card: "summary_large_image", title },
  };
}

export default async function BadgePage({ params }: Props) {
  const badge = await badgeByShareId(await getDb(), (await params).shareId);
  if (!badge) notFound();
  return (
    <article className="mx-auto max-w-xl space-y-6 rounded-3xl border border-stone-200 bg-white p-10 text-center">
      <p
        aria-hidden="true"
        className="mx-auto grid size-32 place-items-center rounded-full bg-gradient-to-br from-amber-200 to-amber-400 text-6xl shadow-inner"
      >
        {badge.emoji}
      </p>
      <h1 className="font-display text-4xl font-semibold">{badge.name}</h1>
      <p className="text-lg text-stone-700">{badge.description}</p>
      <p className="text-sm text-stone-600">
        Earned on {dateFormat.format(badge.awardedAt)} at the Playcart demo store.
      </p>
      <Link
        href="/"
        className="inline-block rounded-lg bg-brand-700 px-5 py-3 font-medium text-white hover:bg-brand-800"
      >
        Visit the store
      </Link>
    </article>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FreeEntryForm } from "playcart/react";
import { playcart } from "@/lib/playcart";

export const metadata: Metadata = { title: "Free entry" };

// Public: the free method of entry. No purchase, no account: an email and a free play with
// the same prizes and odds as at checkout.
export default async function FreeEntryPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const entry = await playcart.freeEntry({ slug });
  if (!entry) notFound();
  return (
    <article className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-2">
        <p className="text-sm font-semibold uppercase tracking-wider text-amber-700">No purchase necessary</p>
        <h1 className="font-display text-3xl font-semibold">Free entry: {entry.name}</h1>
        <p className="text-stone-700">
          The same {entry.wording === "gift" ? "gifts" : "prizes"} and the same chances as a play at checkout, drawn by
          our server. Read the{" "}
          <Link href={entry.rulesHref} className="text-brand-700 underline">
            official rules
          </Link>
          .
        </p>
      </header>
      {entry.openNow ? (
        <FreeEntryForm slug={entry.slug} endpoint={entry.endpoint} wording={entry.wording} />
      ) : (
        <p className="rounded-2xl bg-stone-100 p-4 text-stone-700">
          This game is not open right now: see when it opens in the official rules.
        </p>
      )}
    </article>
  );
}

// A badge's public, shareable page: the badge, the store that gave it and, if the holder chose
// one, their public name (never anything from their email). Its preview image and every link
// on it are at the store's public origin, so an unfurled link shows the picture.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { badgeByShareId, badgeHolderName } from "playcart";
import { BadgeEmblem, ShareButtons } from "playcart/react";
import { getDb } from "@/db/client";
import { storeOrigin } from "@/lib/store/origin";
import { STORE_NAME } from "@/lib/store/store-name";

type Props = { params: Promise<{ shareId: string }> };

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "long" });

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const badge = await badgeByShareId(await getDb(), (await params).shareId);
  if (!badge) return { metadataBase: new URL(storeOrigin()), title: "Badge not found" };
  const title = `${badge.name} badge at ${STORE_NAME}`;
  return {
    // The opengraph-image beside this page resolves against it: the public origin, not localhost.
    metadataBase: new URL(storeOrigin()),
    title,
    description: badge.description,
    openGraph: { title, description: badge.description, siteName: STORE_NAME, url: `/badges/${badge.shareId}` },
    twitter: { card: "summary_large_image", title },
  };
}

export default async function BadgePage({ params }: Props) {
  const { shareId } = await params;
  const db = await getDb();
  const badge = await badgeByShareId(db, shareId);
  if (!badge) notFound();
  const holder = await badgeHolderName(db, shareId);
  const url = `${storeOrigin()}/badges/${badge.shareId}`;
  return (
    <article className="mx-auto max-w-xl space-y-6 rounded-3xl border border-stone-200 bg-white p-10 text-center">
      <div className="mx-auto grid size-32 place-items-center rounded-full bg-gradient-to-br from-amber-200 to-amber-400 shadow-inner">
        <BadgeEmblem slug={badge.slug} size={80} />
      </div>
      <h1 className="font-display text-4xl font-semibold">{badge.name}</h1>
      <p className="text-lg text-stone-700">{badge.description}</p>
      <p className="text-sm text-stone-600" data-testid="badge-credit">
        {holder ? `Earned by ${holder} ` : "Earned "}on {dateFormat.format(badge.awardedAt)} at {STORE_NAME}.
      </p>
      <div className="flex justify-center">
        <ShareButtons
          url={url}
          text={`${holder ? `${holder} earned` : "I earned"} the ${badge.name} badge at ${STORE_NAME}.`}
          title={`${badge.name} badge at ${STORE_NAME}`}
          label="Share this badge"
        />
      </div>
      <Link
        href="/"
        className="inline-block rounded-lg bg-brand-700 px-5 py-3 font-medium text-white hover:bg-brand-800"
      >
        Visit {STORE_NAME}
      </Link>
    </article>
  );
}

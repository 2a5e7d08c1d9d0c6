import type { Metadata } from "next";
import Link from "next/link";
import { badgesAndCards } from "playcart";
import { BadgeForm, StampCardForm } from "@/components/admin/badge-forms";
import { Forbidden } from "@/components/admin/forbidden";
import { getDb } from "@/db/client";
import { adminViewerOrRedirect } from "@/lib/auth/admin-page";

export const metadata: Metadata = { title: "Badges and stamp cards" };

export default async function BadgeSettingsPage() {
  if (!(await adminViewerOrRedirect("/admin/settings/badges"))) return <Forbidden />;
  const { badges, cards } = await badgesAndCards(await getDb());
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/settings" className="underline">
          Settings
        </Link>
      </p>
      <h1 className="font-display text-3xl font-semibold">Badges and stamp cards</h1>
      <section aria-labelledby="cards-h" className="space-y-3">
        <h2 id="cards-h" className="text-xl font-semibold">
          Stamp cards
        </h2>
        <p className="text-sm text-stone-600">
          Rules grant stamps (see Rules). A changed number of stamps applies from the next stamp a shopper gets.
        </p>
        {cards.map((c) => (
          <div key={c.id} className="rounded-2xl border border-stone-200 bg-white/60 p-4">
            <StampCardForm card={c} badges={badges} />
          </div>
        ))}
        {cards.length === 0 && <p className="text-sm">No stamp cards yet.</p>}
        <section
          aria-labelledby="new-card-h"
          className="space-y-2 rounded-2xl border border-dashed border-stone-300 p-4"
        >
          <h3 id="new-card-h" className="font-semibold">
            New stamp card
          </h3>
          <StampCardForm card={{ slug: "", name: "", stampsRequired: 10, badgeId: null }} badges={badges} />
        </section>
      </section>
      <section aria-labelledby="badges-h" className="space-y-3">
        <h2 id="badges-h" className="text-xl font-semibold">
          Badges
        </h2>
        {badges.map((b) => (
          <div key={b.id} className="rounded-2xl border border-stone-200 bg-white/60 p-4">
            <BadgeForm badge={b} />
          </div>
        ))}
        {badges.length === 0 && <p className="text-sm">No badges yet.</p>}
        <section
          aria-labelledby="new-badge-h"
          className="space-y-2 rounded-2xl border border-dashed border-stone-300 p-4"
        >
          <h3 id="new-badge-h" className="font-semibold">
            New badge
          </h3>
          <BadgeForm badge={{ slug: "", name: "", description: "", emoji: "🏅" }} />
        </section>
      </section>
    </div>
  );
}

import Link from "next/link";

export type BadgeView = { slug: string; name: string; description: string; emoji: string; shareId: string };

// Earned badges, each linking to its public, shareable page.
export function BadgeList({ badges }: { badges: BadgeView[] }) {
  if (badges.length === 0)
    return <p className="text-stone-600">No badges yet. Write a review or refer a friend to earn one.</p>;
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {badges.map((b) => (
        <li key={b.slug} className="flex items-center gap-3 rounded-2xl border border-stone-200 bg-white p-4">
          <span aria-hidden="true" className="grid size-12 place-items-center rounded-full bg-brand-50 text-2xl">
            {b.emoji}
          </span>
          <div>
            <p className="font-medium">{b.name}</p>
            <Link href={`/badges/${b.shareId}`} className="text-sm text-brand-700 underline">
              Share your {b.name} badge
            </Link>
          </div>
        </li>
      ))}
    </ul>
  );
}

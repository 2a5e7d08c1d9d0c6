import { BadgeEmblem } from "./badge-emblem.tsx";

export type BadgeView = { slug: string; name: string; description: string; emoji: string; shareId: string };

export type BadgeListProps = {
  badges: BadgeView[];
  /** A badge's public, shareable page (default /badges/<shareId>). */
  badgeHref?: (badge: BadgeView) => string;
};

const defaultBadgeHref = (b: BadgeView) => `/badges/${b.shareId}`;

// Earned badges, each linking to its public, shareable page.
export function BadgeList({ badges, badgeHref = defaultBadgeHref }: BadgeListProps) {
  if (badges.length === 0)
    return <p className="playcart-empty">No badges yet. Write a review or refer a friend to earn one.</p>;
  return (
    <ul className="playcart-badges">
      {badges.map((b) => (
        <li key={b.slug} className="playcart-badge">
          <span aria-hidden="true" className="playcart-badge-emoji">
            <BadgeEmblem slug={b.slug} size={32} />
          </span>
          <div>
            <p className="playcart-badge-name">{b.name}</p>
            <a href={badgeHref(b)} className="playcart-badge-link">
              Share your {b.name} badge
            </a>
          </div>
        </li>
      ))}
    </ul>
  );
}

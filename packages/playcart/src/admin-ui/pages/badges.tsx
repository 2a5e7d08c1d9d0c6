import { badgesAndCards } from "../../index.ts";
import { BadgeForm, StampCardForm } from "../components/badge-forms.tsx";
import type { AdminPageProps } from "./page-props.ts";

export async function BadgeSettingsPage({ ctx }: AdminPageProps) {
  const { badges, cards } = await badgesAndCards(ctx.db);
  return (
    <div className="playcart-admin-stack">
      <p className="playcart-admin-small">
        <a href={ctx.href("settings")} className="playcart-admin-link">
          Settings
        </a>
      </p>
      <h1 className="playcart-admin-title">Badges and stamp cards</h1>
      <section aria-labelledby="cards-h" className="playcart-admin-stack-sm">
        <h2 id="cards-h" className="playcart-admin-heading">
          Stamp cards
        </h2>
        <p className="playcart-admin-small playcart-admin-muted">
          Rules grant stamps (see Rules). A changed number of stamps applies from the next stamp a shopper gets.
        </p>
        {cards.map((c) => (
          <div key={c.id} className="playcart-admin-card">
            <StampCardForm card={c} badges={badges} />
          </div>
        ))}
        {cards.length === 0 && <p className="playcart-admin-small">No stamp cards yet.</p>}
        <section
          aria-labelledby="new-card-h"
          className="playcart-admin-card playcart-admin-dashed playcart-admin-stack-sm"
        >
          <h3 id="new-card-h" className="playcart-admin-strong">
            New stamp card
          </h3>
          <StampCardForm card={{ slug: "", name: "", stampsRequired: 10, badgeId: null }} badges={badges} />
        </section>
      </section>
      <section aria-labelledby="badges-h" className="playcart-admin-stack-sm">
        <h2 id="badges-h" className="playcart-admin-heading">
          Badges
        </h2>
        {badges.map((b) => (
          <div key={b.id} className="playcart-admin-card">
            <BadgeForm badge={b} />
          </div>
        ))}
        {badges.length === 0 && <p className="playcart-admin-small">No badges yet.</p>}
        <section
          aria-labelledby="new-badge-h"
          className="playcart-admin-card playcart-admin-dashed playcart-admin-stack-sm"
        >
          <h3 id="new-badge-h" className="playcart-admin-strong">
            New badge
          </h3>
          <BadgeForm badge={{ slug: "", name: "", description: "", emoji: "🏅" }} />
        </section>
      </section>
    </div>
  );
}

import { currencyExponent } from "../../client.ts";
import { getSettings } from "../../index.ts";
import { IncentiveNoticeForm } from "../components/incentive-notice-form.tsx";
import { LoyaltySettingsForm } from "../components/loyalty-settings-form.tsx";
import { PointsSettingsForm } from "../components/points-settings-form.tsx";
import { StoreTermsForm } from "../components/store-terms-form.tsx";
import { toUnits } from "../format.ts";
import type { AdminPageProps } from "./page-props.ts";

// Each further section is its own page under settings/.
const MORE: { href: string; label: string }[] = [
  { href: "settings/catalog", label: "Reward catalog" },
  { href: "settings/badges", label: "Badges and stamp cards" },
  { href: "settings/rules", label: "Rules, referral rules included" },
  { href: "settings/reminders", label: "Reminder schedule and quiet hours" },
  { href: "settings/reminder-email", label: "Reminder email: words, preview and a test" },
];

export async function SettingsPage({ ctx }: AdminPageProps) {
  const settings = await getSettings(ctx.db);
  return (
    <div className="playcart-admin-stack">
      <h1 className="playcart-admin-title">Settings</h1>
      <section aria-labelledby="store-h" className="playcart-admin-card playcart-admin-stack-sm">
        <h2 id="store-h" className="playcart-admin-heading">
          Store
        </h2>
        <dl className="playcart-admin-grid playcart-admin-small">
          <div>
            <dt className="playcart-admin-muted">Time zone</dt>
            <dd className="playcart-admin-strong">{ctx.timeZone}</dd>
          </div>
          <div>
            <dt className="playcart-admin-muted">Currency</dt>
            <dd className="playcart-admin-strong">{ctx.currency.toUpperCase()}</dd>
          </div>
        </dl>
        <p className="playcart-admin-tiny playcart-admin-muted">Set in the store's Playcart configuration.</p>
      </section>
      <section aria-labelledby="terms-h" className="playcart-admin-card playcart-admin-stack-sm">
        <h2 id="terms-h" className="playcart-admin-heading">
          Official rules of the games
        </h2>
        <StoreTermsForm terms={settings.storeTerms} />
      </section>
      <section aria-labelledby="loyalty-h" className="playcart-admin-card playcart-admin-stack-sm">
        <h2 id="loyalty-h" className="playcart-admin-heading">
          Points and tiers
        </h2>
        <LoyaltySettingsForm
          earnRate={settings.earnRate}
          tierWindowDays={settings.tierWindowDays}
          currency={ctx.currency}
          tiers={settings.tiers.map((t) => ({
            name: t.name,
            label: t.label,
            minSpend: toUnits(t.minSpendMinor, ctx.currency),
            earnMultiplier: String(t.earnMultiplier),
            playMultiplier: String(t.playMultiplier),
          }))}
        />
      </section>
      <section aria-labelledby="privacy-h" className="playcart-admin-card playcart-admin-stack-sm">
        <h2 id="privacy-h" className="playcart-admin-heading">
          Privacy
        </h2>
        <IncentiveNoticeForm notice={settings.incentiveNotice} />
      </section>
      <section aria-labelledby="points-h" className="playcart-admin-card playcart-admin-stack-sm">
        <h2 id="points-h" className="playcart-admin-heading">
          Points expiry, return window and value
        </h2>
        <PointsSettingsForm
          currency={ctx.currency}
          values={{
            pointsExpiryDays: settings.pointsExpiryDays,
            returnWindowDays: settings.returnWindowDays,
            expiryReminderDays: settings.expiryReminderDays,
            pointValue: String(settings.pointValueMinor / 10 ** currencyExponent(ctx.currency)),
          }}
        />
        <p className="playcart-admin-small">
          <a href={ctx.href("points")} className="playcart-admin-link">
            Points liability report
          </a>
        </p>
      </section>
      <nav aria-labelledby="more-h" className="playcart-admin-stack-sm">
        <h2 id="more-h" className="playcart-admin-heading">
          More settings
        </h2>
        <ul className="playcart-admin-bullets">
          {MORE.map((m) => (
            <li key={m.href}>
              <a href={ctx.href(m.href)} className="playcart-admin-link">
                {m.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p className="playcart-admin-small">
        <a href={ctx.href("outbox")} className="playcart-admin-link">
          Dev outbox
        </a>
        : emails kept when no SMTP_URL is set, pushes when no VAPID keys are set.
      </p>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getSettings } from "playcart";
import { Forbidden } from "@/components/admin/forbidden";
import { toUnits } from "@/components/admin/format";
import { LoyaltySettingsForm } from "@/components/admin/loyalty-settings-form";
import { getDb } from "@/db/client";
import { adminViewerOrRedirect } from "@/lib/auth/admin-page";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Settings" };

// Each further section is its own page under /admin/settings.
const MORE: { href: string; label: string }[] = [
  { href: "/admin/settings/catalog", label: "Reward catalog" },
  { href: "/admin/settings/badges", label: "Badges and stamp cards" },
  { href: "/admin/settings/rules", label: "Rules, referral rules included" },
  { href: "/admin/settings/reminders", label: "Reminder schedule and quiet hours" },
];

export default async function SettingsPage() {
  if (!(await adminViewerOrRedirect("/admin/settings"))) return <Forbidden />;
  const settings = await getSettings(await getDb());
  const e = env();
  return (
    <div className="space-y-6">
      <h1 className="font-display text-3xl font-semibold">Settings</h1>
      <section aria-labelledby="store-h" className="space-y-2 rounded-2xl border border-stone-200 bg-white/60 p-4">
        <h2 id="store-h" className="text-lg font-semibold">
          Store
        </h2>
        <dl className="grid gap-2 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-stone-600">Time zone</dt>
            <dd className="font-medium">{e.STORE_TIMEZONE}</dd>
          </div>
          <div>
            <dt className="text-stone-600">Currency</dt>
            <dd className="font-medium">{e.STORE_CURRENCY.toUpperCase()}</dd>
          </div>
          <div>
            <dt className="text-stone-600">Admin may be framed by</dt>
            <dd className="font-mono text-xs">{e.ADMIN_FRAME_ANCESTORS.join(" ")}</dd>
          </div>
        </dl>
        <p className="text-xs text-stone-600">
          Set with STORE_TIMEZONE, STORE_CURRENCY and ADMIN_FRAME_ANCESTORS in the environment.
        </p>
      </section>
      <section aria-labelledby="loyalty-h" className="space-y-2 rounded-2xl border border-stone-200 bg-white/60 p-4">
        <h2 id="loyalty-h" className="text-lg font-semibold">
          Points and tiers
        </h2>
        <LoyaltySettingsForm
          earnRate={settings.earnRate}
          tierWindowDays={settings.tierWindowDays}
          currency={e.STORE_CURRENCY}
          tiers={settings.tiers.map((t) => ({
            name: t.name,
            label: t.label,
            minSpend: toUnits(t.minSpendMinor, e.STORE_CURRENCY),
            earnMultiplier: String(t.earnMultiplier),
            playMultiplier: String(t.playMultiplier),
          }))}
        />
      </section>
      <nav aria-labelledby="more-h" className="space-y-2">
        <h2 id="more-h" className="text-lg font-semibold">
          More settings
        </h2>
        <ul className="list-disc pl-5">
          {MORE.map((m) => (
            <li key={m.href}>
              <Link href={m.href} className="underline">
                {m.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="text-sm">
        <Link href="/admin/outbox" className="underline">
          Dev outbox
        </Link>
        : emails kept when no SMTP_URL is set, pushes when no VAPID keys are set.
      </p>
    </div>
  );
}

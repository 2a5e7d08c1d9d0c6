import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { customerDetail, customerLoyaltyDetail, getSettings } from "playcart";
import { z } from "zod";
import { AdjustPointsForm } from "@/components/admin/adjust-points-form";
import { Forbidden } from "@/components/admin/forbidden";
import { money } from "@/components/admin/format";
import { getDb } from "@/db/client";
import { adminViewerOrRedirect } from "@/lib/auth/admin-page";
import { env } from "@/lib/env";
import { storeNow } from "@/lib/store/clock";
import { accountName } from "../search";

export const metadata: Metadata = { title: "Customer" };

const table = "w-full min-w-[32rem] text-sm";
const when = (d: Date) => d.toISOString().replace("T", " ").slice(0, 16);

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!(await adminViewerOrRedirect(`/admin/customers/${id}`))) return <Forbidden />;
  if (!z.uuid().safeParse(id).success) notFound();
  const db = await getDb();
  const now = await storeNow();
  const detail = await customerDetail(db, id, now);
  if (!detail) notFound();
  const { customer, profile, balance, ledger } = detail;
  const [settings, name] = [await getSettings(db), await accountName(db, customer.email, customer.userRef)];
  const loyalty = await customerLoyaltyDetail(db, customer, settings, now);
  const currency = env().STORE_CURRENCY;
  const tierLabel = (t: string | null) => (t ? (settings.tiers.find((x) => x.name === t)?.label ?? t) : "none");
  const tier = tierLabel(profile.tier);
  const segmentLabel = (s: string) => s.replace("_", " ");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="font-display text-3xl font-semibold break-all">{customer.email}</h1>
        <p className="text-sm text-stone-600">
          {name ?? "Guest (no account)"} · customer since {customer.createdAt.toISOString().slice(0, 10)}
        </p>
      </div>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        <div className="rounded-xl border border-stone-200 bg-white p-3">
          <dt className="text-xs text-stone-600">Points balance</dt>
          <dd className="text-xl font-semibold tabular-nums" data-testid="points-balance">
            {balance.available}
          </dd>
          {balance.held > 0 && <dd className="text-xs">{balance.held} held (dispute)</dd>}
        </div>
        <div className="rounded-xl border border-stone-200 bg-white p-3">
          <dt className="text-xs text-stone-600">Tier</dt>
          <dd className="text-xl font-semibold">{tier}</dd>
        </div>
        <div className="rounded-xl border border-stone-200 bg-white p-3">
          <dt className="text-xs text-stone-600">Paid orders</dt>
          <dd className="text-xl font-semibold tabular-nums">{profile.paidOrders}</dd>
        </div>
        <div className="rounded-xl border border-stone-200 bg-white p-3">
          <dt className="text-xs text-stone-600">Spend ({settings.tierWindowDays} days)</dt>
          <dd className="text-xl font-semibold tabular-nums">{money(profile.trailingSpendMinor, currency)}</dd>
        </div>
        <div className="rounded-xl border border-stone-200 bg-white p-3">
          <dt className="text-xs text-stone-600">Segment</dt>
          <dd className="text-xl font-semibold" data-testid="customer-segment">
            {profile.segment ? segmentLabel(profile.segment) : "none"}
          </dd>
          {profile.segments.length > 1 && (
            <dd className="text-xs">
              also{" "}
              {profile.segments
                .filter((s) => s !== profile.segment)
                .map(segmentLabel)
                .join(", ")}
            </dd>
          )}
        </div>
        <div className="rounded-xl border border-stone-200 bg-white p-3">
          <dt className="text-xs text-stone-600">Favourite category</dt>
          <dd className="text-xl font-semibold">{loyalty.affinity.favourite ?? "none yet"}</dd>
        </div>
      </dl>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="affinity-h" className="space-y-2">
          <h2 id="affinity-h" className="text-lg font-semibold">
            Category affinity
          </h2>
          <p className="text-xs text-stone-600">
            Share of recent spend by category; an order counts half as much every {settings.affinityHalfLifeDays} days.
          </p>
          <ul className="text-sm">
            {loyalty.affinity.categories.map(([c, share]) => (
              <li key={c} className="flex justify-between gap-2 py-0.5">
                <span>{c}</span>
                <span className="tabular-nums">{Math.round(share * 100)}%</span>
              </li>
            ))}
            {loyalty.affinity.categories.length === 0 && <li className="text-stone-600">No paid orders yet.</li>}
          </ul>
        </section>
        <section aria-labelledby="tier-history-h" className="space-y-2">
          <h2 id="tier-history-h" className="text-lg font-semibold">
            Tier history
          </h2>
          <ul className="divide-y divide-stone-200 text-sm">
            {loyalty.tierHistory.map((t) => (
              <li key={t.id} className="py-1 tabular-nums">
                {when(t.createdAt)} · {tierLabel(t.fromTier)} → {tierLabel(t.toTier)} at{" "}
                {money(t.trailingSpendMinor, currency)}
              </li>
            ))}
            {loyalty.tierHistory.length === 0 && <li className="text-stone-600">No tier changes yet.</li>}
          </ul>
        </section>
        <section aria-labelledby="badges-h" className="space-y-2">
          <h2 id="badges-h" className="text-lg font-semibold">
            Badges and stamp cards
          </h2>
          <ul className="text-sm">
            {loyalty.badges.map((b) => (
              <li key={b.shareId} className="py-0.5">
                <span aria-hidden="true">{b.emoji}</span> {b.name} · {when(b.awardedAt)}
              </li>
            ))}
            {loyalty.badges.length === 0 && <li className="text-stone-600">No badges yet.</li>}
          </ul>
          <ul className="text-sm">
            {loyalty.cards.map((c) => (
              <li key={c.slug} className="py-0.5">
                {c.name}: {Math.min(c.stamps, c.required)} of {c.required} stamps
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="consent-h" className="space-y-2">
          <h2 id="consent-h" className="text-lg font-semibold">
            Reminders and consent
          </h2>
          <p className="text-sm" data-testid="consent">
            {!loyalty.contact?.consentAt
              ? "No consent to cart reminders."
              : loyalty.contact.unsubscribedAt
                ? `Unsubscribed ${when(loyalty.contact.unsubscribedAt)} (consent given ${when(loyalty.contact.consentAt)}).`
                : `Consented ${when(loyalty.contact.consentAt)} via ${loyalty.contact.consentSource ?? "unknown"}: “${loyalty.contact.consentWording ?? ""}”`}
          </p>
          <ul className="divide-y divide-stone-200 text-sm">
            {loyalty.reminders.map((r) => (
              <li key={r.id} className="py-1 tabular-nums">
                {when(r.dueAt)} · reminder {r.step}
                {r.discountPercent ? ` (${r.discountPercent}% off)` : ""} · {r.status}
                {r.outcome ? ` (${r.outcome})` : ""}
                {r.channels?.length ? ` · ${r.channels.join(", ")}` : ""}
              </li>
            ))}
            {loyalty.reminders.length === 0 && <li className="text-stone-600">No reminders.</li>}
          </ul>
        </section>
      </div>

      <section aria-labelledby="adjust-h" className="space-y-2 rounded-2xl border border-stone-200 bg-white/60 p-4">
        <h2 id="adjust-h" className="text-lg font-semibold">
          Adjust points
        </h2>
        <AdjustPointsForm customerId={customer.id} />
      </section>

      <section aria-labelledby="ledger-h" className="space-y-2">
        <h2 id="ledger-h" className="text-lg font-semibold">
          Points history
        </h2>
        <div className="overflow-x-auto">
          <table className={table}>
            <thead className="text-left text-stone-600">
              <tr>
                <th className="py-1 font-normal">When (UTC)</th>
                <th className="font-normal">Change</th>
                <th className="font-normal">Balance</th>
                <th className="font-normal">Kind</th>
                <th className="font-normal">Reason</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {ledger.map((e) => (
                <tr key={e.id}>
                  <td className="py-1 tabular-nums">{when(e.createdAt)}</td>
                  <td className="tabular-nums">
                    {e.delta > 0 ? `+${e.delta}` : e.delta}
                    {e.account === "held" ? " (held)" : ""}
                  </td>
                  <td className="tabular-nums">{e.balanceAfter}</td>
                  <td>{e.kind}</td>
                  <td>{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="plays-h" className="space-y-2">
          <h2 id="plays-h" className="text-lg font-semibold">
            Plays
          </h2>
          <ul className="divide-y divide-stone-200 text-sm">
            {detail.plays.map((p) => (
              <li key={p.id} className="py-1">
                {when(p.at)} · {p.won ? `won ${p.prize}` : "no prize"}
              </li>
            ))}
            {detail.plays.length === 0 && <li className="text-stone-600">No plays yet.</li>}
          </ul>
        </section>
        <section aria-labelledby="rewards-h" className="space-y-2">
          <h2 id="rewards-h" className="text-lg font-semibold">
            Rewards
          </h2>
          <ul className="divide-y divide-stone-200 text-sm">
            {detail.rewards.map((r) => (
              <li key={r.id} className="py-1">
                {r.label} · {r.status}
                {r.status === "issued" ? `, expires ${r.expiresAt.toISOString().slice(0, 10)}` : ""}
              </li>
            ))}
            {detail.rewards.length === 0 && <li className="text-stone-600">No rewards yet.</li>}
          </ul>
        </section>
      </div>

      <section aria-labelledby="events-h" className="space-y-2">
        <h2 id="events-h" className="text-lg font-semibold">
          Events
        </h2>
        <ul className="divide-y divide-stone-200 text-sm">
          {detail.events.map((e) => (
            <li key={e.id} className="py-1 tabular-nums">
              {when(e.at)} · {e.type}
              {e.valueMinor ? ` · ${money(e.valueMinor, currency)}` : ""}
              {e.orderRef ? ` · order ${e.orderRef.slice(0, 8).toUpperCase()}` : ""}
            </li>
          ))}
          {detail.events.length === 0 && <li className="text-stone-600">No events yet.</li>}
        </ul>
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AdjustPointsForm } from "@/components/admin/adjust-points-form";
import { Forbidden } from "@/components/admin/forbidden";
import { money } from "@/components/admin/format";
import { getDb } from "@/db/client";
import { adminViewerOrRedirect } from "@/lib/auth/admin-page";
import { customerDetail } from "@/lib/engage/customer-admin";
import { getSettings } from "@/lib/engage/settings";
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
  const detail = await customerDetail(db, id, await storeNow());
  if (!detail) notFound();
  const { customer, profile, balance, ledger } = detail;
  const [settings, name] = [await getSettings(db), await accountName(db, customer.email, customer.userRef)];
  const currency = env().STORE_CURRENCY;
  const tier = settings.tiers.find((t) => t.name === profile.tier)?.label ?? profile.tier;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="font-display text-3xl font-semibold break-all">{customer.email}</h1>
        <p className="text-sm text-stone-600">{name ?? "Guest (no account)"} · customer since {customer.createdAt.toISOString().slice(0, 10)}</p>
      </div>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        <div className="rounded-xl border border-stone-200 bg-white p-3"><dt className="text-xs text-stone-600">Points balance</dt><dd className="text-xl font-semibold tabular-nums" data-testid="points-balance">{balance.available}</dd>{balance.held > 0 && <dd className="text-xs">{balance.held} held (dispute)</dd>}</div>
        <div className="rounded-xl border border-stone-200 bg-white p-3"><dt className="text-xs text-stone-600">Tier</dt><dd className="text-xl font-semibold">{tier}</dd></div>
        <div className="rounded-xl border border-stone-200 bg-white p-3"><dt className="text-xs text-stone-600">Paid orders</dt><dd className="text-xl font-semibold tabular-nums">{profile.paidOrders}</dd></div>
        <div className="rounded-xl border border-stone-200 bg-white p-3"><dt className="text-xs text-stone-600">Spend ({settings.tierWindowDays} days)</dt><dd className="text-xl font-semibold tabular-nums">{money(profile.trailingSpendMinor, currency)}</dd></div>
      </dl>

      <section aria-labelledby="adjust-h" className="space-y-2 rounded-2xl border border-stone-200 bg-white/60 p-4">
        <h2 id="adjust-h" className="text-lg font-semibold">Adjust points</h2>
        <AdjustPointsForm customerId={customer.id} />
      </section>

      <section aria-labelledby="ledger-h" className="space-y-2">
        <h2 id="ledger-h" className="text-lg font-semibold">Points history</h2>
        <div className="overflow-x-auto">
          <table className={table}>
            <thead className="text-left text-stone-600"><tr><th className="py-1 font-normal">When (UTC)</th><th className="font-normal">Change</th><th className="font-normal">Balance</th><th className="font-normal">Kind</th><th className="font-normal">Reason</th></tr></thead>
            <tbody className="divide-y divide-stone-200">
              {ledger.map((e) => (
                <tr key={e.id}><td className="py-1 tabular-nums">{when(e.createdAt)}</td><td className="tabular-nums">{e.delta > 0 ? `+${e.delta}` : e.delta}{e.account === "held" ? " (held)" : ""}</td><td className="tabular-nums">{e.balanceAfter}</td><td>{e.kind}</td><td>{e.reason}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="plays-h" className="space-y-2">
          <h2 id="plays-h" className="text-lg font-semibold">Plays</h2>
          <ul className="divide-y divide-stone-200 text-sm">
            {detail.plays.map((p) => <li key={p.id} className="py-1">{when(p.at)} · {p.won ? `won ${p.prize}` : "no prize"}</li>)}
            {detail.plays.length === 0 && <li className="text-stone-600">No plays yet.</li>}
          </ul>
        </section>
        <section aria-labelledby="rewards-h" className="space-y-2">
          <h2 id="rewards-h" className="text-lg font-semibold">Rewards</h2>
          <ul className="divide-y divide-stone-200 text-sm">
            {detail.rewards.map((r) => <li key={r.id} className="py-1">{r.label} · {r.status}{r.status === "issued" ? `, expires ${r.expiresAt.toISOString().slice(0, 10)}` : ""}</li>)}
            {detail.rewards.length === 0 && <li className="text-stone-600">No rewards yet.</li>}
          </ul>
        </section>
      </div>

      <section aria-labelledby="events-h" className="space-y-2">
        <h2 id="events-h" className="text-lg font-semibold">Events</h2>
        <p className="text-sm text-stone-600">Reminders and consent appear here as the store records them.</p>
        <ul className="divide-y divide-stone-200 text-sm">
          {detail.events.map((e) => <li key={e.id} className="py-1 tabular-nums">{when(e.at)} · {e.type}{e.valueMinor ? ` · ${money(e.valueMinor, currency)}` : ""}{e.orderRef ? ` · order ${e.orderRef.slice(0, 8).toUpperCase()}` : ""}</li>)}
          {detail.events.length === 0 && <li className="text-stone-600">No events yet.</li>}
        </ul>
      </section>
    </div>
  );
}

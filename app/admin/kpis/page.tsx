import type { Metadata } from "next";
import { kpiReport, listCampaigns } from "playcart";
import { Forbidden } from "@/components/admin/forbidden";
import { money, percent } from "@/components/admin/format";
import { KpiChart } from "@/components/admin/kpi-chart";
import { getDb } from "@/db/client";
import { adminViewerOrRedirect } from "@/lib/auth/admin-page";
import { env } from "@/lib/env";
import { readRange } from "./range";

export const metadata: Metadata = { title: "KPIs" };

type Search = Promise<Record<string, string | string[] | undefined>>;

function Figure({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="rounded-xl border border-stone-200 bg-white p-3">
      <dt className="text-xs text-stone-600">{label}</dt>
      <dd className="text-xl font-semibold tabular-nums">{value}</dd>
      {note && <dd className="text-xs text-stone-600">{note}</dd>}
    </div>
  );
}

export default async function KpisPage({ searchParams }: { searchParams: Search }) {
  if (!(await adminViewerOrRedirect("/admin/kpis"))) return <Forbidden />;
  const db = await getDb();
  const currency = env().STORE_CURRENCY;
  const { range, fromDay, toDay, error } = await readRange(await searchParams);
  const [r, campaigns] = [await kpiReport(db, range), await listCampaigns(db)];
  const m = (minor: number | null) => (minor === null ? "–" : money(Math.round(minor), currency));
  const pp = (x: number) => `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)} pts`;
  const lift = r.conversion.interval;
  const qs = new URLSearchParams({
    from: fromDay,
    to: toDay,
    ...(range.campaignId ? { campaign: range.campaignId } : {}),
  });
  const funnel = [
    ["Checkout views", r.funnel.views],
    ["Offers", r.funnel.offers],
    ["Plays", r.funnel.plays],
    ["Wins", r.funnel.wins],
    ["Redemptions", r.funnel.redemptions],
    ["Paid orders", r.funnel.orders],
  ] as const;
  return (
    <div className="space-y-6">
      <h1 className="font-display text-3xl font-semibold">KPIs</h1>
      <form method="get" className="flex flex-wrap items-end gap-3 text-sm">
        <div>
          <label htmlFor="kpi-from" className="block font-medium">
            From
          </label>
          <input
            id="kpi-from"
            name="from"
            type="date"
            defaultValue={fromDay}
            className="rounded border border-stone-300 px-2 py-1"
          />
        </div>
        <div>
          <label htmlFor="kpi-to" className="block font-medium">
            To
          </label>
          <input
            id="kpi-to"
            name="to"
            type="date"
            defaultValue={toDay}
            className="rounded border border-stone-300 px-2 py-1"
          />
        </div>
        <div>
          <label htmlFor="kpi-campaign" className="block font-medium">
            Campaign
          </label>
          <select
            id="kpi-campaign"
            name="campaign"
            defaultValue={range.campaignId ?? ""}
            className="max-w-64 rounded border border-stone-300 px-2 py-1"
          >
            <option value="">All campaigns</option>
            {campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-lg bg-stone-900 px-4 py-1.5 font-medium text-white">
          Show
        </button>
        <a href={`/admin/kpis/export?${qs}`} className="underline">
          Download CSV
        </a>
      </form>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <p className="text-sm text-stone-600">
        {fromDay} to {toDay}, store days in {range.timeZone}
        {range.campaignId
          ? "; for one campaign, views are the checkouts it applied to (offered or held out) and orders are those its offered shoppers placed after the offer"
          : ""}
        .
      </p>

      <section aria-labelledby="funnel-h" className="space-y-2">
        <h2 id="funnel-h" className="text-lg font-semibold">
          Funnel
        </h2>
        <ol aria-label="Funnel" className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
          {funnel.map(([label, value]) => (
            <li key={label} className="rounded-xl border border-stone-200 bg-white p-3">
              <span className="block text-xs text-stone-600">{label}</span>
              <span
                className="text-xl font-semibold tabular-nums"
                data-testid={`funnel-${label.toLowerCase().replace(/\s+/g, "-")}`}
              >
                {value.toLocaleString("en-US")}
              </span>
            </li>
          ))}
        </ol>
        <KpiChart data={r.daily} />
      </section>

      <section aria-labelledby="lift-h" className="space-y-2">
        <h2 id="lift-h" className="text-lg font-semibold">
          Conversion: offered vs holdout
        </h2>
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          <Figure
            label="Offered"
            value={percent(r.conversion.offered.rate)}
            note={`${r.conversion.offered.converted} of ${r.conversion.offered.units} sessions`}
          />
          <Figure
            label="Holdout"
            value={percent(r.conversion.holdout.rate)}
            note={`${r.conversion.holdout.converted} of ${r.conversion.holdout.units} sessions`}
          />
          <Figure
            label="Difference"
            value={lift ? pp(lift.difference) : "–"}
            note={lift ? `95% CI ${pp(lift.low)} to ${pp(lift.high)}` : "Needs offered and held-out sessions"}
          />
          <Figure
            label="Participation"
            value={percent(r.participationRate)}
            note="Sessions that played / sessions offered"
          />
        </dl>
      </section>

      <section aria-labelledby="money-h" className="space-y-2">
        <h2 id="money-h" className="text-lg font-semibold">
          Revenue and cost
        </h2>
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          <Figure label="Revenue" value={m(r.funnel.revenueMinor)} />
          <Figure label="Revenue per checkout" value={m(r.revenuePerCheckoutMinor)} />
          <Figure label="Reward cost" value={m(r.rewardCostMinor)} note="Cost of prizes won" />
        </dl>
      </section>

      <section aria-labelledby="recovery-h" className="space-y-2">
        <h2 id="recovery-h" className="text-lg font-semibold">
          Abandonment, reminders, referrals
        </h2>
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          <Figure
            label="Abandonment rate"
            value={percent(r.abandonment.rate)}
            note={`${r.abandonment.abandoned} carts abandoned`}
          />
          <Figure
            label="Reminder recovery rate"
            value={percent(r.reminders.recoveryRate)}
            note={`${r.reminders.recovered} recovered, ${r.reminders.sent} reminders sent`}
          />
          <Figure label="Revenue recovered" value={m(r.reminders.revenueRecoveredMinor)} />
          <Figure
            label="Referral reach"
            value={r.referrals.visits.toLocaleString("en-US")}
            note={`Conversion ${percent(r.referrals.conversionRate)}`}
          />
        </dl>
      </section>
    </div>
  );
}

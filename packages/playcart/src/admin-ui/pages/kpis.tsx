import { kpiReport, listCampaigns } from "../../index.ts";
import { KpiChart } from "../components/kpi-chart.tsx";
import { money, percent } from "../format.ts";
import { readRange } from "../range.ts";
import type { AdminPageProps } from "./page-props.ts";

function Figure({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="playcart-admin-card">
      <dt className="playcart-admin-tiny playcart-admin-muted">{label}</dt>
      <dd className="playcart-admin-heading playcart-admin-num">{value}</dd>
      {note && <dd className="playcart-admin-tiny playcart-admin-muted">{note}</dd>}
    </div>
  );
}

export async function KpisPage({ ctx, searchParams }: AdminPageProps) {
  const db = ctx.db;
  const currency = ctx.currency;
  const { range, fromDay, toDay, error } = readRange(searchParams, { now: await ctx.now(), timeZone: ctx.timeZone });
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
    <div className="playcart-admin-stack">
      <h1 className="playcart-admin-title">KPIs</h1>
      <form method="get" className="playcart-admin-row playcart-admin-end playcart-admin-small">
        <div>
          <label htmlFor="kpi-from" className="playcart-admin-block playcart-admin-strong">
            From
          </label>
          <input id="kpi-from" name="from" type="date" defaultValue={fromDay} className="playcart-admin-input" />
        </div>
        <div>
          <label htmlFor="kpi-to" className="playcart-admin-block playcart-admin-strong">
            To
          </label>
          <input id="kpi-to" name="to" type="date" defaultValue={toDay} className="playcart-admin-input" />
        </div>
        <div>
          <label htmlFor="kpi-campaign" className="playcart-admin-block playcart-admin-strong">
            Campaign
          </label>
          <select
            id="kpi-campaign"
            name="campaign"
            defaultValue={range.campaignId ?? ""}
            className="playcart-admin-input"
          >
            <option value="">All campaigns</option>
            {campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="playcart-admin-button playcart-admin-strong">
          Show
        </button>
        <a href={ctx.href(`kpis/export?${qs}`)} className="playcart-admin-link">
          Download CSV
        </a>
      </form>
      {error && (
        <p role="alert" className="playcart-admin-small playcart-admin-error">
          {error}
        </p>
      )}
      <p className="playcart-admin-small playcart-admin-muted">
        {fromDay} to {toDay}, store days in {range.timeZone}
        {range.campaignId
          ? "; for one campaign, views are the checkouts it applied to (offered or held out) and orders are those its offered shoppers placed after the offer"
          : ""}
        .
      </p>

      <section aria-labelledby="funnel-h" className="playcart-admin-stack-sm">
        <h2 id="funnel-h" className="playcart-admin-heading">
          Funnel
        </h2>
        <ol aria-label="Funnel" className="playcart-admin-grid">
          {funnel.map(([label, value]) => (
            <li key={label} className="playcart-admin-card">
              <span className="playcart-admin-block playcart-admin-tiny playcart-admin-muted">{label}</span>
              <span
                className="playcart-admin-heading playcart-admin-num"
                data-testid={`funnel-${label.toLowerCase().replace(/\s+/g, "-")}`}
              >
                {value.toLocaleString("en-US")}
              </span>
            </li>
          ))}
        </ol>
        <KpiChart data={r.daily} />
      </section>

      <section aria-labelledby="lift-h" className="playcart-admin-stack-sm">
        <h2 id="lift-h" className="playcart-admin-heading">
          Conversion: offered vs holdout
        </h2>
        <dl className="playcart-admin-grid">
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

      <section aria-labelledby="money-h" className="playcart-admin-stack-sm">
        <h2 id="money-h" className="playcart-admin-heading">
          Revenue and cost
        </h2>
        <dl className="playcart-admin-grid">
          <Figure label="Revenue" value={m(r.funnel.revenueMinor)} />
          <Figure label="Revenue per checkout" value={m(r.revenuePerCheckoutMinor)} />
          <Figure label="Reward cost" value={m(r.rewardCostMinor)} note="Cost of prizes won" />
        </dl>
      </section>

      <section aria-labelledby="recovery-h" className="playcart-admin-stack-sm">
        <h2 id="recovery-h" className="playcart-admin-heading">
          Abandonment, reminders, referrals
        </h2>
        <dl className="playcart-admin-grid">
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
            note={`Conversion ${percent(r.referrals.conversionRate)}, ${r.referrals.conversions} friends ordered (refunded in full excluded); referrers' own visits not counted`}
          />
          <Figure
            label="Referral participation"
            value={percent(r.referrals.participationRate)}
            note={`${r.referrals.sharers} of ${r.referrals.customers} customers shared their link`}
          />
        </dl>
      </section>
    </div>
  );
}

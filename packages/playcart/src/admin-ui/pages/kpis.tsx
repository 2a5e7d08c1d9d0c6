import { kpiReport, listCampaigns } from "../../index.ts";
import { KpiChart } from "../components/kpi-chart.tsx";
import { KpiDailyTable } from "../components/kpi-daily-table.tsx";
import { KpiTermLabel } from "../components/kpi-term.tsx";
import { money, percent } from "../format.ts";
import type { KpiTerm } from "../kpi-definitions.ts";
import { readRange } from "../range.ts";
import type { AdminPageProps } from "./page-props.ts";

/** A figure: its KPI term (for the definition), label, value and an optional note. */
type FigureData = [term: KpiTerm, label: string, value: string, note?: string];

function Figures({
  id,
  title,
  one,
  figures,
  otherwise,
}: {
  id: string;
  title: string;
  one: boolean;
  figures: FigureData[] | null;
  otherwise?: string;
}) {
  return (
    <section aria-labelledby={id} className="playcart-admin-stack-sm">
      <h2 id={id} className="playcart-admin-heading">
        {title}
      </h2>
      {figures ? (
        <dl className="playcart-admin-grid">
          {figures.map(([term, label, value, note]) => (
            <div key={term} className="playcart-admin-card">
              <dt className="playcart-admin-tiny playcart-admin-muted">
                <KpiTermLabel term={term} label={label} oneCampaign={one} />
              </dt>
              <dd className="playcart-admin-heading playcart-admin-num" data-testid={`kpi-${term}`}>
                {value}
              </dd>
              {note && <dd className="playcart-admin-tiny playcart-admin-muted">{note}</dd>}
            </div>
          ))}
        </dl>
      ) : (
        <p className="playcart-admin-small playcart-admin-muted">{otherwise}</p>
      )}
    </section>
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
  const one = Boolean(range.campaignId);
  const funnel = [
    ["views", "Checkout views", r.funnel.views],
    ["offers", "Offers", r.funnel.offers],
    ["plays", "Plays", r.funnel.plays],
    ["wins", "Wins", r.funnel.wins],
    ["redemptions", "Redemptions", r.funnel.redemptions],
    ["orders", "Paid orders", r.funnel.orders],
  ] as const;
  const campaignName = campaigns.find((c) => c.id === range.campaignId)?.name;
  const conversion: FigureData[] = [
    [
      "offered",
      "Offered",
      percent(r.conversion.offered.rate),
      `${r.conversion.offered.converted} of ${r.conversion.offered.units} sessions`,
    ],
    [
      "holdout",
      "Holdout",
      percent(r.conversion.holdout.rate),
      `${r.conversion.holdout.converted} of ${r.conversion.holdout.units} sessions`,
    ],
    [
      "difference",
      "Difference",
      lift ? pp(lift.difference) : "–",
      lift ? `95% CI ${pp(lift.low)} to ${pp(lift.high)}` : "Needs offered and held-out sessions",
    ],
    ["participation", "Participation", percent(r.participationRate), "Sessions that played / sessions offered"],
  ];
  const moneyFigures: FigureData[] = [
    ["revenue", "Revenue", m(r.funnel.revenueMinor)],
    ["revenuePerCheckout", "Revenue per checkout", m(r.revenuePerCheckoutMinor), "Revenue / checkout views"],
    ["rewardCost", "Reward cost", m(r.rewardCostMinor), "Cost of prizes won"],
  ];
  const storeWide: FigureData[] = [
    ["abandonment", "Abandonment rate", percent(r.abandonment.rate), `${r.abandonment.abandoned} carts abandoned`],
    [
      "recovery",
      "Reminder recovery rate",
      percent(r.reminders.recoveryRate),
      `${r.reminders.recovered} recovered, ${r.reminders.sent} reminders sent`,
    ],
    ["revenueRecovered", "Revenue recovered", m(r.reminders.revenueRecoveredMinor)],
    [
      "referralReach",
      "Referral reach",
      r.referrals.visits.toLocaleString("en-US"),
      `Conversion ${percent(r.referrals.conversionRate)}, ${r.referrals.conversions} friends ordered (refunded in full excluded); referrers' own visits not counted`,
    ],
    [
      "referralParticipation",
      "Referral participation",
      percent(r.referrals.participationRate),
      `${r.referrals.sharers} of ${r.referrals.customers} customers shared their link`,
    ],
  ];
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
      <p className="playcart-admin-small playcart-admin-muted" data-testid="kpi-scope">
        {fromDay} to {toDay}, store days in {range.timeZone};{" "}
        {one
          ? `every figure, the chart, the table and the CSV are for ${campaignName ? `“${campaignName}”` : "this campaign"} only`
          : "all campaigns"}
        . Open a figure's name to see how it is counted.
      </p>

      <section aria-labelledby="funnel-h" className="playcart-admin-stack-sm">
        <h2 id="funnel-h" className="playcart-admin-heading">
          Funnel
        </h2>
        <ol aria-label="Funnel" className="playcart-admin-grid">
          {funnel.map(([term, label, value]) => (
            <li key={term} className="playcart-admin-card">
              <span className="playcart-admin-block playcart-admin-tiny playcart-admin-muted">
                <KpiTermLabel term={term} label={label} oneCampaign={one} />
              </span>
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
        <KpiDailyTable days={r.daily} total={r.funnel} currency={currency} />
      </section>

      <Figures id="lift-h" title="Conversion: offered vs holdout" one={one} figures={conversion} />
      <Figures id="money-h" title="Revenue and cost" one={one} figures={moneyFigures} />
      <Figures
        id="recovery-h"
        title="Abandonment, reminders, referrals"
        one={one}
        figures={r.storeWide ? storeWide : null}
        otherwise="These belong to the whole store, not to one campaign: choose “All campaigns” to see them."
      />
    </div>
  );
}

// CSV export of the KPIs for a date range (and optionally one campaign), behind the host's authorize.

import { kpiReport } from "../index.ts";
import type { AdminConfig } from "./config.ts";
import { csvRow } from "./csv-cell.ts";
import { csvDownload } from "./csv-download.ts";
import { readRange } from "./range.ts";

/** The CSV route's handler: the host mounts it where the KPI page links (basePath/kpis/export). */
export function exportKpisCsv(config: AdminConfig, request: Request): Promise<Response> {
  return csvDownload(config, async (ctx) => {
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const { range, fromDay, toDay, error } = readRange(params, { now: await ctx.now(), timeZone: ctx.timeZone });
    // The page falls back to the last 30 days and says so; a download cannot, so refuse it.
    if (error) return { error: error.replace(/; showing the last 30 days\.$/, ".") };
    const r = await kpiReport(ctx.db, range);
    const rows: [string, unknown][] = [
      ["from", fromDay],
      ["to", toDay],
      ["campaign", range.campaignId ?? "all"],
      ["checkout_views", r.funnel.views],
      ["offers", r.funnel.offers],
      ["held_out", r.heldOut],
      ["plays", r.funnel.plays],
      ["wins", r.funnel.wins],
      ["redemptions", r.funnel.redemptions],
      ["paid_orders", r.funnel.orders],
      ["revenue_minor", r.funnel.revenueMinor],
      ["participation_rate", r.participationRate],
      ["conversion_offered", r.conversion.offered.rate],
      ["conversion_holdout", r.conversion.holdout.rate],
      ["conversion_difference", r.conversion.interval?.difference],
      ["conversion_ci95_low", r.conversion.interval?.low],
      ["conversion_ci95_high", r.conversion.interval?.high],
      ["revenue_per_checkout_minor", r.revenuePerCheckoutMinor],
      ["reward_cost_minor", r.rewardCostMinor],
      // Store-wide figures no campaign owns: left empty for one campaign (as the page says).
      ...(
        [
          ["abandonment_rate", r.abandonment.rate],
          ["reminders_sent", r.reminders.sent],
          ["reminder_recovery_rate", r.reminders.recoveryRate],
          ["revenue_recovered_minor", r.reminders.revenueRecoveredMinor],
          ["referral_visits", r.referrals.visits],
          ["referral_conversion_rate", r.referrals.conversionRate],
          ["referral_conversions", r.referrals.conversions],
          ["referral_participation_rate", r.referrals.participationRate],
        ] as const
      ).map(([k, v]): [string, unknown] => [k, r.storeWide ? v : null]),
    ];
    const summary = ["metric,value", ...rows.map((row) => csvRow(row))];
    // The same days as the chart and its table, in the same scope as the rows above.
    const daily = [
      "day,views,offers,plays,wins,orders,revenue_minor",
      ...r.daily.map((d) => csvRow([d.day, d.views, d.offers, d.plays, d.wins, d.orders, d.revenueMinor])),
    ];
    return { filename: `playcart-kpis-${fromDay}-to-${toDay}.csv`, lines: [...summary, "", ...daily] };
  });
}

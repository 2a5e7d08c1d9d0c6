// The admin's KPIs, computed in SQL from the event log for a date range [from, to), store-wide
// or for one campaign. Each query is its own function so the benchmark can time it. The words
// the admin shows for each figure are in kpi-definitions.ts; the figures follow them:
// - funnel: checkout views -> offers -> plays -> wins -> redemptions -> paid orders. An offer
//   is a game shown to a shopper at a checkout (logged when the page shows it, once per
//   session and cart). For one campaign, checkout views are the checkouts that showed its
//   game, and its paid orders are those credited to it (creditedOrders: each order to the last
//   game its shopper session was shown before paying, so an order counts for one campaign).
// - participation: sessions that played / sessions offered.
// - conversion (lift): per (campaign, shopper session) exposed in the range, offered vs held
//   out; converted = a paid order from that session at or after its first exposure, in range.
//   Difference with a 95% CI (two proportions, normal approximation).
// - revenue per checkout: revenue / checkout views, in the same scope as both.
// - reward cost: the cost of prizes won (game.played value), the same amounts the draw adds
//   to each prize's value_awarded.
// - abandonment: carts abandoned / checkout views. Recovery: orders recovered / carts
//   abandoned, and their revenue. Referral reach: visits to referral links, the referrers' own
//   visits excluded; conversion: conversions (those refunded in full since excluded) / visits;
//   participation: customers who shared their link (a share or copy, or a friend's visit) /
//   customers with a paid order by the end of the range.
//   These four are store-wide: no campaign owns them.
import { type SQL, sql } from "drizzle-orm";
import { type EngageDb, rowsOf } from "../core/db.ts";
import { events, orderRewards } from "../core/schema.ts";

export type KpiRange = { from: Date; to: Date; campaignId?: string | null; timeZone: string };

const n = (v: unknown) => Number(v ?? 0);
const inRange = (r: KpiRange) =>
  sql`${events.occurredAt} >= ${r.from.toISOString()}::timestamptz AND ${events.occurredAt} < ${r.to.toISOString()}::timestamptz`;
// One campaign's own events; store-wide, every event. (Its checkout views and paid orders are
// counted by campaignDaily, from the checkouts that showed its game.)
const forCampaign = (r: KpiRange): SQL =>
  r.campaignId ? sql`${events.campaignId} = ${r.campaignId}::uuid` : sql`true`;

export async function funnelCounts(db: EngageDb, r: KpiRange) {
  const [row] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      SELECT
        count(*) FILTER (WHERE type = 'checkout.viewed') AS views,
        count(*) FILTER (WHERE type = 'game.offered') AS offers,
        count(*) FILTER (WHERE type = 'game.held_out') AS held_out,
        count(*) FILTER (WHERE type = 'game.played') AS plays,
        count(*) FILTER (WHERE type = 'game.played' AND payload->>'won' = 'true') AS wins,
        coalesce(sum(value_minor) FILTER (WHERE type = 'game.played' AND payload->>'won' = 'true'), 0) AS reward_cost,
        count(*) FILTER (WHERE type = 'reward.redeemed') AS redemptions,
        count(*) FILTER (WHERE type = 'order.paid') AS orders,
        coalesce(sum(value_minor) FILTER (WHERE type = 'order.paid'), 0) AS revenue,
        count(*) FILTER (WHERE type = 'cart.abandoned') AS abandoned,
        count(*) FILTER (WHERE type = 'reminder.sent') AS reminders_sent,
        count(*) FILTER (WHERE type = 'reminder.clicked') AS reminders_clicked,
        count(*) FILTER (WHERE type = 'order.recovered') AS recovered,
        coalesce(sum(value_minor) FILTER (WHERE type = 'order.recovered'), 0) AS revenue_recovered,
        count(*) FILTER (WHERE type = 'referral.visited' AND payload->>'own' IS NULL) AS referral_visits,
        count(*) FILTER (WHERE type = 'referral.converted' AND NOT EXISTS (
          SELECT 1 FROM ${orderRewards} o
          WHERE o.order_ref = ${events.orderRef} AND o.amount_refunded_minor >= o.amount_paid_minor
        )) AS referral_conversions
      FROM ${events}
      WHERE ${inRange(r)} AND ${forCampaign(r)}`),
  );
  return {
    views: n(row.views),
    offers: n(row.offers),
    heldOut: n(row.held_out),
    plays: n(row.plays),
    wins: n(row.wins),
    rewardCostMinor: n(row.reward_cost),
    redemptions: n(row.redemptions),
    orders: n(row.orders),
    revenueMinor: n(row.revenue),
    abandoned: n(row.abandoned),
    remindersSent: n(row.reminders_sent),
    remindersClicked: n(row.reminders_clicked),
    recovered: n(row.recovered),
    revenueRecoveredMinor: n(row.revenue_recovered),
    referralVisits: n(row.referral_visits),
    referralConversions: n(row.referral_conversions),
  };
}

/** Customers who shared their referral link in the range, and customers who had ordered by its end. */
export async function referralParticipation(db: EngageDb, r: KpiRange) {
  const [row] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      SELECT
        (SELECT count(DISTINCT customer_id) FROM ${events}
          WHERE ${inRange(r)}
            AND (type = 'referral.shared' OR (type = 'referral.visited' AND payload->>'own' IS NULL))) AS sharers,
        (SELECT count(DISTINCT customer_id) FROM ${orderRewards}
          WHERE paid_at < ${r.to.toISOString()}::timestamptz) AS customers`),
  );
  return { sharers: n(row.sharers), customers: n(row.customers) };
}

/** Distinct shopper sessions offered a game and that played one. */
export async function participationCounts(db: EngageDb, r: KpiRange) {
  const campaign = r.campaignId ? sql`AND campaign_id = ${r.campaignId}::uuid` : sql``;
  const [row] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      SELECT count(DISTINCT session_ref) FILTER (WHERE type = 'game.offered') AS offered,
             count(DISTINCT session_ref) FILTER (WHERE type = 'game.played') AS played
      FROM ${events}
      WHERE type IN ('game.offered', 'game.played') AND ${inRange(r)} ${campaign}`),
  );
  return { offeredSessions: n(row.offered), playedSessions: n(row.played) };
}

/** Offered against held out: exposed units, converted units and their revenue, per group. */
export async function liftCounts(db: EngageDb, r: KpiRange) {
  const campaign = r.campaignId ? sql`AND campaign_id = ${r.campaignId}::uuid` : sql``;
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      WITH exposure AS (
        SELECT campaign_id, session_ref, bool_or(type = 'game.held_out') AS held_out, min(occurred_at) AS first_at
        FROM ${events}
        WHERE type IN ('game.offered', 'game.held_out') AND session_ref IS NOT NULL AND ${inRange(r)} ${campaign}
        GROUP BY campaign_id, session_ref
      ), paid AS (
        SELECT session_ref, occurred_at, value_minor FROM ${events}
        WHERE type = 'order.paid' AND session_ref IS NOT NULL AND ${inRange(r)}
      ), unit AS (
        SELECT e.held_out, count(p.session_ref) AS orders, coalesce(sum(p.value_minor), 0) AS revenue
        FROM exposure e LEFT JOIN paid p ON p.session_ref = e.session_ref AND p.occurred_at >= e.first_at
        GROUP BY e.campaign_id, e.session_ref, e.held_out
      )
      SELECT held_out, count(*) AS units, count(*) FILTER (WHERE orders > 0) AS converted, sum(orders) AS orders, sum(revenue) AS revenue
      FROM unit GROUP BY held_out`),
  );
  const group = (heldOut: boolean) => {
    const row = rows.find((x) => Boolean(x.held_out) === heldOut);
    return {
      units: n(row?.units),
      converted: n(row?.converted),
      orders: n(row?.orders),
      revenueMinor: n(row?.revenue),
    };
  };
  return { offered: group(false), holdout: group(true) };
}

export type DailyRow = {
  day: string;
  views: number;
  offers: number;
  plays: number;
  wins: number;
  orders: number;
  revenueMinor: number;
};

const dailyRows = (rows: Record<string, unknown>[]): DailyRow[] =>
  rows.map((x) => ({
    day: String(x.day),
    views: n(x.views),
    offers: n(x.offers),
    plays: n(x.plays),
    wins: n(x.wins),
    orders: n(x.orders),
    revenueMinor: n(x.revenue),
  }));

/**
 * Per store day: views, offers, plays, wins, paid orders and revenue (the chart, its table and
 * the CSV). For one campaign, in the campaign's scope (campaignDaily), so the days add up to
 * the campaign's funnel.
 */
export async function dailySeries(db: EngageDb, r: KpiRange): Promise<DailyRow[]> {
  if (r.campaignId) return campaignDaily(db, r, r.campaignId);
  const rows = sql`
    SELECT type, occurred_at, payload, value_minor FROM ${events}
    WHERE type IN ('checkout.viewed', 'game.offered', 'game.played', 'order.paid') AND ${inRange(r)}`;
  return dailyRows(rowsOf<Record<string, unknown>>(await db.execute(perDay(r, rows))));
}

/** The day-by-day figures over `rows` (type, occurred_at, payload, value_minor). */
const perDay = (r: KpiRange, rows: SQL) => sql`
  -- Grouped by the truncated timestamp, formatted once per day (not once per row).
  SELECT to_char(day, 'YYYY-MM-DD') AS day, views, offers, plays, wins, orders, revenue FROM (
    SELECT date_trunc('day', occurred_at AT TIME ZONE ${r.timeZone}) AS day,
      count(*) FILTER (WHERE type = 'checkout.viewed') AS views,
      count(*) FILTER (WHERE type = 'game.offered') AS offers,
      count(*) FILTER (WHERE type = 'game.played') AS plays,
      count(*) FILTER (WHERE type = 'game.played' AND payload->>'won' = 'true') AS wins,
      count(*) FILTER (WHERE type = 'order.paid') AS orders,
      coalesce(sum(value_minor) FILTER (WHERE type = 'order.paid'), 0) AS revenue
    FROM (${rows}) scoped
    GROUP BY 1
  ) per_day ORDER BY per_day.day`;

/**
 * Paid orders credited to `campaignId`, as SQL rows (occurred_at, value_minor): each order
 * placed by a shopper session counts for the campaign whose game that session was last shown
 * at or before the payment, in the range; an order no game preceded counts for none. So an
 * order is never counted for two campaigns, and never for a game its shopper did not see.
 * Only sessions that were shown this campaign's game are read, in one window pass: the last
 * game shown is the greatest (time, id) key among the session's offers so far, with the
 * campaign at its end.
 */
const creditedOrders = (r: KpiRange, campaignId: string) => sql`
  SELECT occurred_at, value_minor FROM (
    SELECT type, occurred_at, value_minor,
      max(CASE WHEN type = 'game.offered'
        THEN to_char(occurred_at AT TIME ZONE 'UTC', 'YYYYMMDDHH24MISSUS') || lpad(id::text, 19, '0') || campaign_id::text END)
        -- A game shown at the same instant as a payment came before it.
        OVER (PARTITION BY session_ref ORDER BY occurred_at, type = 'order.paid', id) AS last_shown
    FROM ${events}
    WHERE type IN ('game.offered', 'order.paid') AND ${inRange(r)}
      AND session_ref IN (
        SELECT session_ref FROM ${events}
        WHERE type = 'game.offered' AND ${events.campaignId} = ${campaignId}::uuid AND session_ref IS NOT NULL AND ${inRange(r)}
      )
  ) touched
  WHERE type = 'order.paid' AND right(last_shown, 36) = ${campaignId.toLowerCase()}`;

/**
 * One campaign's days: checkout views are the checkouts (shopper session and cart) that showed
 * its game. An offer is logged once per campaign and checkout that shows the game
 * (game.offered:<campaign>:<session>:<cart>, with checkout.viewed:<session>:<cart>), so each
 * is one such checkout; offers an "offer a game" rule logged before offers meant a game shown
 * (payload.ruleId) are no checkout. Offers, plays and wins are its own events; paid orders and
 * revenue are those credited to it.
 */
async function campaignDaily(db: EngageDb, r: KpiRange, campaignId: string): Promise<DailyRow[]> {
  const own = sql`${events.campaignId} = ${campaignId}::uuid AND ${inRange(r)}`;
  const rows = sql`
    SELECT 'checkout.viewed' AS type, occurred_at, NULL::jsonb AS payload, NULL::int AS value_minor
    FROM ${events} WHERE type = 'game.offered' AND ${own} AND payload->>'ruleId' IS NULL
    UNION ALL
    SELECT type, occurred_at, payload, value_minor FROM ${events} WHERE type IN ('game.offered', 'game.played') AND ${own}
    UNION ALL
    SELECT 'order.paid', occurred_at, NULL, value_minor FROM (${creditedOrders(r, campaignId)}) credited`;
  return dailyRows(rowsOf<Record<string, unknown>>(await db.execute(perDay(r, rows))));
}

const sum = (rows: DailyRow[], k: keyof Omit<DailyRow, "day">) => rows.reduce((s, d) => s + d[k], 0);

export type Proportion = { units: number; converted: number; rate: number | null };
const proportion = (units: number, converted: number): Proportion => ({
  units,
  converted,
  rate: units > 0 ? converted / units : null,
});
const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

/** Difference of two proportions with a 95% normal-approximation interval. */
export function liftInterval(
  treated: Proportion,
  control: Proportion,
): { difference: number; low: number; high: number } | null {
  if (treated.rate === null || control.rate === null) return null;
  const se = Math.sqrt(
    (treated.rate * (1 - treated.rate)) / treated.units + (control.rate * (1 - control.rate)) / control.units,
  );
  const difference = treated.rate - control.rate;
  return { difference, low: difference - 1.96 * se, high: difference + 1.96 * se };
}

export async function kpiReport(db: EngageDb, r: KpiRange) {
  const [funnel, participation, lift, daily, sharing] = [
    await funnelCounts(db, r),
    await participationCounts(db, r),
    await liftCounts(db, r),
    await dailySeries(db, r),
    await referralParticipation(db, r),
  ];
  const offered = proportion(lift.offered.units, lift.offered.converted);
  const holdout = proportion(lift.holdout.units, lift.holdout.converted);
  // For one campaign, its checkouts and credited orders: the totals of its days, so the
  // chart, its table and the CSV's daily rows add up to the tiles by construction.
  const views = r.campaignId ? sum(daily, "views") : funnel.views;
  const orders = r.campaignId ? sum(daily, "orders") : funnel.orders;
  const revenueMinor = r.campaignId ? sum(daily, "revenueMinor") : funnel.revenueMinor;
  const storeWide = !r.campaignId;
  return {
    funnel: {
      views,
      offers: funnel.offers,
      plays: funnel.plays,
      wins: funnel.wins,
      redemptions: funnel.redemptions,
      orders,
      revenueMinor,
    },
    heldOut: funnel.heldOut,
    participationRate: ratio(participation.playedSessions, participation.offeredSessions),
    participation,
    conversion: { offered, holdout, interval: liftInterval(offered, holdout) },
    revenuePerCheckoutMinor: ratio(revenueMinor, views),
    rewardCostMinor: funnel.rewardCostMinor,
    /** False for one campaign: abandonment, reminders and referrals belong to no campaign (below: store-wide zeros). */
    storeWide,
    abandonment: { abandoned: funnel.abandoned, rate: ratio(funnel.abandoned, funnel.views) },
    reminders: {
      sent: funnel.remindersSent,
      clicked: funnel.remindersClicked,
      recovered: funnel.recovered,
      recoveryRate: ratio(funnel.recovered, funnel.abandoned),
      revenueRecoveredMinor: funnel.revenueRecoveredMinor,
    },
    referrals: {
      visits: funnel.referralVisits,
      conversions: funnel.referralConversions,
      conversionRate: ratio(funnel.referralConversions, funnel.referralVisits),
      sharers: sharing.sharers,
      customers: sharing.customers,
      participationRate: ratio(sharing.sharers, sharing.customers),
    },
    daily,
  };
}
export type KpiReport = Awaited<ReturnType<typeof kpiReport>>;

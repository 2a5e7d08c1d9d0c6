// The forecast's one query: the visits of the last N store days at a campaign's placement,
// each with the shopper's paid orders as they stood at that moment (from playcart_order_rewards,
// net of refunds as known now), then the pure replay (forecast.ts).
import { asc, eq, sql } from "drizzle-orm";
import { type EngageDb, rowsOf } from "../core/db.ts";
import { EngageError } from "../core/errors.ts";
import { campaigns, type Placement, prizes } from "../core/schema.ts";
import { getSettings } from "../core/settings.ts";
import {
  type CampaignForecast,
  type ForecastBudget,
  type ForecastVisit,
  forecastCampaign,
  forecastRange,
} from "./forecast.ts";

// What counts as a visit at each placement: a checkout view for the checkout games (and, as
// the nearest measure of store traffic, the seasonal page); a shopper back from a reminder or
// caught leaving for the comeback game.
export const VISIT_EVENTS: Record<Placement, string[]> = {
  checkout_first_order: ["checkout.viewed"],
  checkout_returning: ["checkout.viewed"],
  seasonal_page: ["checkout.viewed"],
  comeback: ["reminder.clicked", "checkout.exit_intent"],
};

type VisitRow = {
  id: number;
  occurred_at: string | Date;
  customer_id: string | null;
  session_ref: string | null;
  value_minor: number | null;
  payload: Record<string, unknown> | null;
  paid_orders: number;
  net_spend: number;
  trailing_spend: number;
  first_paid_at: string | Date | null;
  last_paid_at: string | Date | null;
  orders_with_reward: number;
};

const date = (d: string | Date | null) => (d ? new Date(d) : null);
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

export async function forecastVisits(
  db: EngageDb,
  input: { types: string[]; from: Date; to: Date; tierWindowDays: number },
): Promise<ForecastVisit[]> {
  const types = sql.join(
    input.types.map((t) => sql`${t}`),
    sql`, `,
  );
  const rows = rowsOf<VisitRow>(
    await db.execute(sql`
      SELECT e.id, e.occurred_at, e.customer_id, e.session_ref, e.value_minor, e.payload,
             s.paid_orders, s.net_spend, s.trailing_spend, s.first_paid_at, s.last_paid_at, s.orders_with_reward
      FROM playcart_events e
      LEFT JOIN LATERAL (
        SELECT count(*)::int AS paid_orders,
               coalesce(sum(o.amount_paid_minor - o.amount_refunded_minor), 0)::int AS net_spend,
               coalesce(sum(o.amount_paid_minor - o.amount_refunded_minor) FILTER (
                 WHERE o.paid_at > e.occurred_at - make_interval(days => ${input.tierWindowDays}::int)), 0)::int AS trailing_spend,
               min(o.paid_at) AS first_paid_at, max(o.paid_at) AS last_paid_at,
               count(*) FILTER (WHERE EXISTS (
                 SELECT 1 FROM playcart_rewards r WHERE r.order_ref = o.order_ref AND r.status = 'redeemed'))::int AS orders_with_reward
        FROM playcart_order_rewards o
        WHERE o.customer_id = e.customer_id AND o.paid_at < e.occurred_at
      ) s ON true
      WHERE e.type IN (${types})
        AND e.occurred_at >= ${input.from.toISOString()}::timestamptz
        AND e.occurred_at < ${input.to.toISOString()}::timestamptz
      ORDER BY e.occurred_at, e.id`),
  );
  return rows.map((r) => {
    const payload = r.payload ?? {};
    // The cart as checkout.viewed records it (the engine's shape); its value is also the event's.
    const cart = (payload.cart ?? {}) as Record<string, unknown>;
    return {
      at: new Date(r.occurred_at),
      identity: r.customer_id
        ? `customer:${r.customer_id}`
        : r.session_ref
          ? `session:${r.session_ref}`
          : `event:${r.id}`,
      signedIn: payload.signedIn === true,
      cart: {
        valueMinor: Number(r.value_minor ?? 0),
        itemCount: Number(cart.itemCount ?? 0),
        categories: strings(cart.categories),
      },
      history: r.customer_id
        ? {
            paidOrders: Number(r.paid_orders),
            netSpendMinor: Number(r.net_spend),
            trailingSpendMinor: Number(r.trailing_spend),
            firstPaidAt: date(r.first_paid_at),
            lastPaidAt: date(r.last_paid_at),
            ordersWithReward: Number(r.orders_with_reward),
          }
        : null,
    };
  });
}

export type ForecastRequest = {
  campaignId: string;
  days: number;
  now: Date;
  timeZone: string;
  playRate?: number;
  budget?: ForecastBudget | null;
};

/**
 * A stored campaign (any status) replayed over the last `days` store days. A budget the request
 * leaves out is the campaign's own (its total, daily and what it has spent so far).
 */
export async function runForecast(db: EngageDb, input: ForecastRequest): Promise<CampaignForecast> {
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, input.campaignId));
  if (!campaign) throw new EngageError("invalid:input", "This campaign no longer exists.");
  const [table, settings] = await Promise.all([
    db.select().from(prizes).where(eq(prizes.campaignId, campaign.id)).orderBy(asc(prizes.position), asc(prizes.id)),
    getSettings(db),
  ]);
  const { from, to } = forecastRange(input.now, input.days, input.timeZone);
  const visits = await forecastVisits(db, {
    types: VISIT_EVENTS[campaign.placement],
    from,
    to,
    tierWindowDays: settings.tierWindowDays,
  });
  return forecastCampaign({ ...campaign, prizes: table }, visits, {
    days: input.days,
    now: input.now,
    timeZone: input.timeZone,
    settings,
    playRate: input.playRate,
    budget: {
      totalMinor: input.budget?.totalMinor ?? campaign.budgetTotalMinor,
      dailyMinor: input.budget?.dailyMinor ?? campaign.budgetDailyMinor,
      spentMinor: input.budget?.spentMinor ?? campaign.budgetSpentMinor,
    },
  });
}

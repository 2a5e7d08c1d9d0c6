// Forecast before launch: a campaign replayed over the store's last N days of real checkout
// visits, in expected values (deterministic, never random). Each visit is judged as the live
// offer would judge it: the campaign's weekly windows in store time, its audience against
// the shopper as they were at that moment, and one allowance of plays per shopper per window
// (capped by the lifetime limit). Its fixed dates or season are left out: the replay asks
// what the campaign would have done on those days. The plays then go through the prize table
// with its odds and limits (forecast-draws.ts), under an optional campaign budget.
//
// Assumptions, shown beside the figures: a shopper offered the game plays `playRate` of their
// allowance (1 = all of it); the holdout keeps its share of plays out; no other campaign at
// the placement competes for the visit. Pure: fed by one query (forecast-query.ts).
import { DateTime } from "luxon";
import type { Campaign } from "../core/schema.ts";
import type { EngageSettings } from "../core/settings.ts";
import { storeClock, storeDay } from "../core/store-time.ts";
import { evaluateCondition } from "../engine/index.ts";
import { allowanceFor, lifetimeKey, scheduledWindow } from "../games/index.ts";
import { type ProfileRow, profileFromRow } from "../loyalty/index.ts";
import { drawDay, drawState, type ForecastPrize } from "./forecast-draws.ts";

export type { ForecastPrize } from "./forecast-draws.ts";

/** A shopper's visit (a checkout view) and what Playcart knew about them at that moment. */
export type ForecastVisit = {
  at: Date;
  /** Who: the customer, else the shopper session. One allowance per identity per window. */
  identity: string;
  signedIn: boolean;
  cart: { valueMinor: number; itemCount: number; categories: string[] };
  /** Paid orders before the visit; null for a shopper Playcart did not know yet. */
  history: {
    paidOrders: number;
    netSpendMinor: number;
    trailingSpendMinor: number;
    firstPaidAt: Date | null;
    lastPaidAt: Date | null;
    ordersWithReward: number;
  } | null;
};

export type ForecastCampaign = Pick<
  Campaign,
  "audience" | "windows" | "allowance" | "lifetimeLimit" | "holdoutPercent" | "season"
> & { prizes: ForecastPrize[] };

/** A campaign budget in minor units (either may be absent); `spentMinor` counts what it has spent already. */
export type ForecastBudget = { totalMinor?: number | null; dailyMinor?: number | null; spentMinor?: number };

export type ForecastOptions = {
  days: number;
  now: Date;
  timeZone: string;
  settings: Pick<EngageSettings, "tiers" | "segments" | "tierWindowDays">;
  /** Share (0-1) of an offered shopper's plays they use; 1 unless given. */
  playRate?: number;
  budget?: ForecastBudget | null;
};

export type ForecastDay = {
  day: string;
  /** Visits inside a window by shoppers in the audience. */
  visits: number;
  /** Shoppers offered a window's plays that day (one per shopper per window). */
  shoppers: number;
  plays: number;
  wins: number;
  costMinor: number;
  cumulativeCostMinor: number;
  /** The campaign budget left at the end of the day; null without a total budget. */
  budgetLeftMinor: number | null;
  /** The day's cost as a share of the daily budget; null without one. */
  dailyBudgetShare: number | null;
  stoppedBy: "sold_out" | "budget" | "daily_budget" | null;
};

export type CampaignForecast = {
  from: string;
  to: string;
  days: ForecastDay[];
  totals: { visits: number; shoppers: number; plays: number; wins: number; costMinor: number };
  prizes: { label: string; wins: number }[];
  /** The first store day the total budget ran out, if it did. */
  budgetSpentOn: string | null;
  assumptions: { playRate: number; holdoutPercent: number };
};

/** The last `days` whole store days before today: [from, to) as instants, and each day's date. */
export function forecastRange(now: Date, days: number, timeZone: string) {
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf("day");
  const first = today.minus({ days });
  const dates = Array.from({ length: days }, (_, i) => first.plus({ days: i }).toISODate()!);
  return { from: first.toJSDate(), to: today.toJSDate(), dates };
}

function profileAt(visit: ForecastVisit, settings: ForecastOptions["settings"]) {
  const h = visit.history;
  // The same profile the live offer builds (profile.ts), from the history as of the visit.
  const row: ProfileRow = {
    customer_id: h ? visit.identity : null,
    customer_user_ref: null,
    settings,
    paid_orders: h?.paidOrders ?? 0,
    lifetime_spend: h?.netSpendMinor ?? 0,
    trailing_spend: h?.trailingSpendMinor ?? 0,
    first_paid_at: h?.firstPaidAt ?? null,
    last_paid_at: h?.lastPaidAt ?? null,
    orders_with_reward: h?.ordersWithReward ?? 0,
  };
  return profileFromRow(row, visit.at).profile;
}

export function forecastCampaign(
  campaign: ForecastCampaign,
  visits: ForecastVisit[],
  options: ForecastOptions,
): CampaignForecast {
  const { timeZone, settings } = options;
  const playRate = Math.min(1, Math.max(0, options.playRate ?? 1));
  const range = forecastRange(options.now, options.days, timeZone);
  const offered = new Map(range.dates.map((d) => [d, { visits: 0, shoppers: 0, plays: 0 }]));
  const schedule = { ...campaign, startsAt: null, endsAt: null, season: null };
  const granted = new Set<string>();
  const lifetimeUsed = new Map<string, number>();

  for (const visit of [...visits].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const day = offered.get(storeDay(visit.at, timeZone));
    const windowKey = day ? scheduledWindow(schedule, visit.at, timeZone) : null;
    if (!day || !windowKey) continue;
    const profile = profileAt(visit, settings);
    const clock = storeClock(visit.at, timeZone);
    const context = {
      customer: { ...profile, signedIn: visit.signedIn },
      cart: visit.cart,
      store: { date: clock.date, weekday: clock.weekday, hour: clock.hour },
    };
    if (!evaluateCondition(campaign.audience, context)) continue;
    day.visits += 1;
    // One allowance per shopper per window: a second visit in the window adds no plays.
    const grantKey = `${visit.identity}\n${windowKey}`;
    if (granted.has(grantKey)) continue;
    granted.add(grantKey);
    let plays = allowanceFor(campaign, profile.tier, settings.tiers);
    if (campaign.lifetimeLimit !== null) {
      const key = `${visit.identity}\n${lifetimeKey(campaign, windowKey)}`;
      plays = Math.min(plays, campaign.lifetimeLimit - (lifetimeUsed.get(key) ?? 0));
      lifetimeUsed.set(key, (lifetimeUsed.get(key) ?? 0) + Math.max(0, plays));
    }
    if (plays <= 0) continue;
    day.shoppers += 1;
    day.plays += plays;
  }

  const budget = options.budget ?? null;
  const total = budget?.totalMinor ?? null;
  const daily = budget?.dailyMinor ?? null;
  const state = drawState(campaign.prizes, total === null ? null : Math.max(0, total - (budget?.spentMinor ?? 0)));
  const playShare = playRate * (1 - campaign.holdoutPercent / 100);
  const prizeWins = campaign.prizes.map(() => 0);
  let cumulative = 0;
  let budgetSpentOn: string | null = null;
  const days = range.dates.map((date): ForecastDay => {
    const o = offered.get(date)!;
    const drawn = drawDay(state, o.plays * playShare, daily);
    drawn.winsByPrize.forEach((w, i) => {
      prizeWins[i] += w;
    });
    cumulative += drawn.costMinor;
    if (budgetSpentOn === null && drawn.stoppedBy === "budget") budgetSpentOn = date;
    return {
      day: date,
      visits: o.visits,
      shoppers: o.shoppers,
      plays: drawn.plays,
      wins: drawn.wins,
      costMinor: drawn.costMinor,
      cumulativeCostMinor: cumulative,
      budgetLeftMinor: total === null ? null : state.budgetLeftMinor,
      dailyBudgetShare: daily === null ? null : daily > 0 ? drawn.costMinor / daily : null,
      stoppedBy: drawn.stoppedBy,
    };
  });
  const sum = (f: (d: ForecastDay) => number) => days.reduce((s, d) => s + f(d), 0);
  return {
    from: range.dates[0] ?? "",
    to: range.dates.at(-1) ?? "",
    days,
    totals: {
      visits: sum((d) => d.visits),
      shoppers: sum((d) => d.shoppers),
      plays: sum((d) => d.plays),
      wins: sum((d) => d.wins),
      costMinor: cumulative,
    },
    prizes: campaign.prizes.map((p, i) => ({ label: p.label, wins: prizeWins[i] })),
    budgetSpentOn,
    assumptions: { playRate, holdoutPercent: campaign.holdoutPercent },
  };
}

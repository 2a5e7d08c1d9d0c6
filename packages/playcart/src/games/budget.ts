// A campaign's budget: what its wins may cost in all and per store day, in minor units of the
// store's currency. A win costs what its prize's economics say one win costs the store
// (prize.costMinor, the "cost per win" of rewards/prize-economics.ts); a "none" prize costs
// nothing. The spend is counted on the campaign row by the play's own statement (play-claim.ts),
// only for a campaign with a budget, so a campaign without one keeps no hot counter.
// Pure and free of database code: the admin's meter runs it in the browser (playcart/client).

export type CampaignBudget = {
  budgetTotalMinor: number | null;
  budgetDailyMinor: number | null;
  budgetSpentMinor: number;
  budgetDay: string | null;
  budgetDaySpentMinor: number;
};
type PrizeCost = { rewardType: string; costMinor: number; weight: number };

export type BudgetMeter = {
  totalMinor: number | null;
  dailyMinor: number | null;
  spentMinor: number;
  /** Spent on `today` (another day's count reads as 0). */
  todaySpentMinor: number;
  /** Left of the total (null without one). */
  leftMinor: number | null;
  /** Left of today's budget (null without one). */
  todayLeftMinor: number | null;
};

export const hasBudget = (c: Pick<CampaignBudget, "budgetTotalMinor" | "budgetDailyMinor">) =>
  c.budgetTotalMinor !== null || c.budgetDailyMinor !== null;

/** What one win of this prize takes from the campaign's budget. */
export const winCost = (p: Pick<PrizeCost, "rewardType" | "costMinor">) => (p.rewardType === "none" ? 0 : p.costMinor);

export function budgetMeter(c: CampaignBudget, today: string): BudgetMeter {
  const todaySpentMinor = c.budgetDay === today ? c.budgetDaySpentMinor : 0;
  return {
    totalMinor: c.budgetTotalMinor,
    dailyMinor: c.budgetDailyMinor,
    spentMinor: c.budgetSpentMinor,
    todaySpentMinor,
    leftMinor: c.budgetTotalMinor === null ? null : Math.max(0, c.budgetTotalMinor - c.budgetSpentMinor),
    todayLeftMinor: c.budgetDailyMinor === null ? null : Math.max(0, c.budgetDailyMinor - todaySpentMinor),
  };
}

/** The budget (total and today's) still covers a win costing `cost`. */
export function budgetCovers(c: CampaignBudget, today: string, cost: number): boolean {
  if (cost <= 0) return true;
  const m = budgetMeter(c, today);
  return (m.leftMinor === null || cost <= m.leftMinor) && (m.todayLeftMinor === null || cost <= m.todayLeftMinor);
}

/** The cheapest win that costs anything among the prizes that can be drawn (null: none costs). */
export function cheapestWin(table: PrizeCost[]): number | null {
  const costs = table.filter((p) => p.weight > 0 && winCost(p) > 0).map(winCost);
  return costs.length ? Math.min(...costs) : null;
}

/**
 * Why the campaign cannot give another costly win, if it cannot: its total is spent (it pauses
 * itself) or today's budget is (it is offered again tomorrow). Null while a win is affordable.
 */
export function budgetSpent(c: CampaignBudget, table: PrizeCost[], today: string): "total" | "daily" | null {
  const cheapest = cheapestWin(table);
  if (cheapest === null) return null;
  const m = budgetMeter(c, today);
  if (m.leftMinor !== null && m.leftMinor < cheapest) return "total";
  if (m.todayLeftMinor !== null && m.todayLeftMinor < cheapest) return "daily";
  return null;
}

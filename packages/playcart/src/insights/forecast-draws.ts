// The forecast's draw: what a number of plays is expected to win, in expected values, not
// random draws. Plays flow through the prize table like water: each prize takes its weight's
// share until its stock, value budget or daily cap runs out, after which the rest share
// what remains (as the real draw renormalises when a prize sells out). A campaign budget
// stops the plays once the reward cost reaches it (the campaign pauses).
import type { Prize } from "../core/schema.ts";

export type ForecastPrize = Pick<
  Prize,
  | "label"
  | "weight"
  | "rewardType"
  | "costMinor"
  | "inventory"
  | "budgetValueMinor"
  | "dailyCap"
  | "wins"
  | "valueAwardedMinor"
>;

/** What the prizes have left across the days of a forecast, and the campaign budget left. */
export type DrawState = {
  prizes: { weight: number; costMinor: number; won: boolean; left: number; dailyCap: number | null }[];
  budgetLeftMinor: number;
};

export type DayDraws = {
  plays: number;
  wins: number;
  costMinor: number;
  winsByPrize: number[];
  /** Why plays stopped before the day's last: every prize ran out, or the budget (total or daily) was spent. */
  stoppedBy: "sold_out" | "budget" | "daily_budget" | null;
};

const EPS = 1e-9;

/** Wins a prize can still give: its stock, and what its value budget still pays for. */
function prizeLeft(p: ForecastPrize): number {
  let left = Number.POSITIVE_INFINITY;
  if (p.inventory !== null) left = Math.max(0, p.inventory - p.wins);
  // The draw refuses a win whose cost would pass the budget: whole wins only.
  if (p.budgetValueMinor !== null && p.costMinor > 0)
    left = Math.min(left, Math.max(0, Math.floor((p.budgetValueMinor - p.valueAwardedMinor) / p.costMinor)));
  return left;
}

export function drawState(prizes: ForecastPrize[], budgetLeftMinor: number | null): DrawState {
  return {
    prizes: prizes.map((p) => {
      const won = p.rewardType !== "none";
      return {
        weight: Math.max(0, p.weight),
        costMinor: won ? p.costMinor : 0,
        won,
        left: prizeLeft(p),
        dailyCap: p.dailyCap,
      };
    }),
    budgetLeftMinor: budgetLeftMinor ?? Number.POSITIVE_INFINITY,
  };
}

/** One store day's plays through the table; updates `state` (stock and budget left) in place. */
export function drawDay(state: DrawState, plays: number, dailyBudgetMinor: number | null): DayDraws {
  const winsByPrize = state.prizes.map(() => 0);
  // Wins each prize may still give today: its stock left and its daily cap.
  const today = state.prizes.map((p) => Math.min(p.left, p.dailyCap ?? Number.POSITIVE_INFINITY));
  const dailyLeft = dailyBudgetMinor ?? Number.POSITIVE_INFINITY;
  let remaining = plays;
  let drawn = 0;
  let cost = 0;
  let stoppedBy: DayDraws["stoppedBy"] = null;
  while (remaining > EPS) {
    const open = state.prizes.map((_, i) => i).filter((i) => state.prizes[i].weight > 0 && today[i] > EPS);
    const total = open.reduce((s, i) => s + state.prizes[i].weight, 0);
    if (total === 0) {
      stoppedBy = "sold_out";
      break;
    }
    const perPlay = open.reduce((s, i) => s + state.prizes[i].weight * state.prizes[i].costMinor, 0) / total;
    // Plays until the first prize runs out, or the budget does, or the day's plays end.
    let step = remaining;
    let budgetStop: DayDraws["stoppedBy"] = null;
    for (const i of open) step = Math.min(step, (today[i] * total) / state.prizes[i].weight);
    const budget = Math.min(state.budgetLeftMinor, dailyLeft - cost);
    if (perPlay > 0 && budget / perPlay <= step) {
      step = budget / perPlay;
      budgetStop = state.budgetLeftMinor <= dailyLeft - cost ? "budget" : "daily_budget";
    }
    for (const i of open) {
      const wins = (step * state.prizes[i].weight) / total;
      winsByPrize[i] += wins;
      today[i] -= wins;
      state.prizes[i].left -= wins;
    }
    cost += step * perPlay;
    state.budgetLeftMinor -= step * perPlay;
    drawn += step;
    remaining -= step;
    if (budgetStop) {
      stoppedBy = budgetStop;
      break;
    }
  }
  const wins = winsByPrize.reduce((s, w, i) => s + (state.prizes[i].won ? w : 0), 0);
  return { plays: drawn, wins, costMinor: cost, winsByPrize, stoppedBy };
}

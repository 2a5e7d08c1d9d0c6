// A campaign's budget as the admin saves and resumes it. Plays keep the spend counters only
// while a budget is set (play-claim.ts), so a campaign that gets its first budget starts them
// from what its wins have cost so far: the game.played events, which carry each win's cost.
import { and, eq, sql } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import { type Campaign, events } from "../core/schema.ts";
import { storeDay } from "../core/store-time.ts";
import { budgetSpent, type CampaignDraft, hasBudget } from "../games/index.ts";
import { CampaignInputError, type StoreClock } from "./campaign-admin.ts";

type Counters = Pick<Campaign, "budgetSpentMinor" | "budgetDay" | "budgetDaySpentMinor">;

/** What the wins of a campaign have cost in all and on the store day `today`. */
async function spendSoFar(db: EngageDb, campaignId: string, clock: StoreClock): Promise<Counters> {
  const today = storeDay(clock.now, clock.timeZone);
  const [row] = await db
    .select({
      total: sql<number>`coalesce(sum(${events.valueMinor}), 0)::int`,
      today: sql<number>`coalesce(sum(${events.valueMinor}) FILTER (WHERE to_char(${events.occurredAt} AT TIME ZONE ${clock.timeZone}, 'YYYY-MM-DD') = ${today}), 0)::int`,
    })
    .from(events)
    .where(and(eq(events.campaignId, campaignId), eq(events.type, "game.played")));
  return { budgetSpentMinor: row.total, budgetDay: today, budgetDaySpentMinor: row.today };
}

/**
 * The budget columns a save writes: the draft's budgets, and counters started from the tally
 * when the campaign had none. A total below what is already spent is refused at its field.
 * (A play that read the campaign before this save committed spends without counting: the
 * window is one play's length, and the tally on the next first budget includes it.)
 */
export async function budgetValues(
  db: EngageDb,
  existing: Campaign | null,
  draft: CampaignDraft,
  clock: StoreClock,
): Promise<Pick<Campaign, "budgetTotalMinor" | "budgetDailyMinor"> & Partial<Counters>> {
  const budgets = { budgetTotalMinor: draft.budgetTotalMinor, budgetDailyMinor: draft.budgetDailyMinor };
  if (!existing || !hasBudget(budgets)) return budgets;
  const counters = hasBudget(existing) ? null : await spendSoFar(db, existing.id, clock);
  const spent = counters?.budgetSpentMinor ?? existing.budgetSpentMinor;
  if (draft.budgetTotalMinor !== null && draft.budgetTotalMinor < spent)
    throw new CampaignInputError({
      budgetTotalMinor: "The total budget is below what this campaign has already spent",
    });
  return { ...budgets, ...counters };
}

/** Resuming a campaign whose total cannot pay for another win would pause it again at once. */
export function assertBudgetLeft(
  campaign: Campaign,
  table: { rewardType: string; costMinor: number; weight: number }[],
  clock: StoreClock,
) {
  if (budgetSpent(campaign, table, storeDay(clock.now, clock.timeZone)) === "total")
    throw new CampaignInputError({
      budgetTotalMinor: "The budget is spent: raise the total budget to resume the campaign",
    });
}

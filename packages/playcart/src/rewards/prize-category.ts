// Which category a category-scoped prize applies to for this winner: a fixed category, or
// "favourite" (the winner's favourite by category affinity), so two shoppers winning the
// same prize can get rewards that fit what each of them buys.

import type { EngageDb } from "../core/db.ts";
import { getSettings } from "../core/settings.ts";
import { categoryAffinity } from "../loyalty/index.ts";

export const FAVOURITE = "favourite";

/** The category the reward is limited to; null (the whole order) for a shopper with no history. */
export async function prizeCategory(
  db: EngageDb,
  scope: string,
  customerId: string | null,
  now: Date,
): Promise<string | null> {
  if (scope !== FAVOURITE) return scope;
  if (!customerId) return null;
  const { affinityHalfLifeDays } = await getSettings(db);
  return (await categoryAffinity(db, customerId, now, affinityHalfLifeDays)).favourite;
}

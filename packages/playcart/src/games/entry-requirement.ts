// When a game of chance is lawful to publish. A prize + chance + a purchase is a lottery in
// most markets unless anyone may also enter for free with the same odds, or every play wins.
// Pure: the editor shows it as the owner types, and the server enforces it on save and publish.
import type { Placement, RewardType } from "../core/enums.ts";

type Slice = { rewardType: RewardType; weight: number };
type EntryTerms = { placement: Placement; freeEntry: boolean; everyPlayWins: boolean; prizes: Slice[] };

/** A game offered at checkout (or from a cart) comes with a purchase; the seasonal page does not. */
export const needsPurchase = (placement: Placement) => placement !== "seasonal_page";

/** A play can end with nothing: a "no prize" slice that can be drawn. */
export const canLose = (prizes: Slice[]) => prizes.some((p) => p.rewardType === "none" && p.weight > 0);

export const FREE_ENTRY_REQUIRED =
  "This game comes with a purchase and can lose: offer a free way to enter (same odds, no purchase) or make every play win";

/** Field errors that stop a save: "every play wins" with a losing slice. */
export function everyPlayWinsErrors(c: Pick<EntryTerms, "everyPlayWins" | "prizes">): Record<string, string> {
  const out: Record<string, string> = {};
  if (!c.everyPlayWins) return out;
  c.prizes.forEach((p, i) => {
    if (p.rewardType === "none" && p.weight > 0)
      out[`prizes.${i}.rewardType`] =
        "Every play wins: a “no prize” slice cannot be saved (give it a prize or weight 0)";
  });
  return out;
}

/** Field errors that stop a publish (and a save of a live campaign): the above, and the free entry. */
export function entryRequirementErrors(c: EntryTerms): Record<string, string> {
  const out = everyPlayWinsErrors(c);
  if (needsPurchase(c.placement) && canLose(c.prizes) && !c.freeEntry && !c.everyPlayWins)
    out.freeEntry = FREE_ENTRY_REQUIRED;
  return out;
}

// What a points balance buys: the best catalog reward it already covers, and how many points
// the next one needs ("60 points to $5 off"). Pure over the active catalog.
import type { CatalogItem } from "../core/schema.ts";

export type PointsOutlook = {
  balance: number;
  /** The dearest reward the balance already covers. */
  enoughFor: { name: string; pointsCost: number } | null;
  /** The cheapest reward the balance does not cover yet, and the points still needed. */
  next: { name: string; pointsCost: number; pointsNeeded: number } | null;
};

export function pointsOutlook(balance: number, catalog: Pick<CatalogItem, "name" | "pointsCost">[]): PointsOutlook {
  const byCost = [...catalog].sort((a, b) => a.pointsCost - b.pointsCost);
  const covered = byCost.filter((i) => i.pointsCost <= balance).at(-1) ?? null;
  const next = byCost.find((i) => i.pointsCost > balance) ?? null;
  return {
    balance,
    enoughFor: covered && { name: covered.name, pointsCost: covered.pointsCost },
    next: next && { name: next.name, pointsCost: next.pointsCost, pointsNeeded: next.pointsCost - balance },
  };
}

// What a prize table costs: each prize's odds, the expected reward cost per 1,000 plays and
// what is left of each budget. Pure, so the editor shows it as the owner types.
export type PrizeLine = {
  label: string;
  weight: number;
  rewardType: string;
  costMinor: number;
  budgetValueMinor: number | null;
  inventory: number | null;
  wins?: number;
  valueAwardedMinor?: number;
};

export type PrizeEconomics = {
  label: string;
  /** 0..1, with every prize in stock. */
  chance: number;
  /** Expected cost of this prize per 1,000 plays, in minor units. */
  costPer1000Minor: number;
  /** Budget left (minor units), or null when the prize has no value budget. */
  budgetLeftMinor: number | null;
  /** Wins the remaining budget and inventory still allow, or null when unlimited. */
  winsLeft: number | null;
};

export function prizeEconomics(table: PrizeLine[]): {
  prizes: PrizeEconomics[];
  costPer1000Minor: number;
  winChance: number;
} {
  const total = table.reduce((s, p) => s + Math.max(0, p.weight), 0);
  const prizes = table.map((p) => {
    const chance = total > 0 ? Math.max(0, p.weight) / total : 0;
    const awarded = p.valueAwardedMinor ?? 0;
    const budgetLeftMinor = p.budgetValueMinor === null ? null : Math.max(0, p.budgetValueMinor - awarded);
    const byBudget = budgetLeftMinor === null || p.costMinor === 0 ? null : Math.floor(budgetLeftMinor / p.costMinor);
    const byStock = p.inventory === null ? null : Math.max(0, p.inventory - (p.wins ?? 0));
    const winsLeft = byBudget === null ? byStock : byStock === null ? byBudget : Math.min(byBudget, byStock);
    return {
      label: p.label,
      chance,
      costPer1000Minor: Math.round(chance * p.costMinor * 1000),
      budgetLeftMinor,
      winsLeft,
    };
  });
  const winChance = table.reduce((s, p, i) => s + (p.rewardType === "none" ? 0 : prizes[i].chance), 0);
  // The total is rounded once, from the exact expectations (not the sum of rounded parts).
  const exactTotal = table.reduce((s, p, i) => s + prizes[i].chance * p.costMinor * 1000, 0);
  return { prizes, costPer1000Minor: Math.round(exactTotal), winChance };
}

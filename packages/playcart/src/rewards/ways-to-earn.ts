// How a shopper earns, in their words, from what the store really runs: the earn rate, the
// tiers' multipliers, and each live rule that gives points, rewards, stamps or badges.
import type { EngageDb } from "../core/db.ts";
import { currencyExponent } from "../core/money.ts";
import { getSettings } from "../core/settings.ts";
import { liveRulesFor, type RuleOutcome } from "../engine/index.ts";

// Only what a shopper can set off themselves; internal events (views, sends) never reward.
const SHOPPER_TRIGGERS = ["order.paid", "review.posted", "referral.converted", "birthday"] as const;

function outcomeWords(o: RuleOutcome): string | null {
  switch (o.type) {
    case "grant_points":
      return `${o.points} points`;
    case "issue_reward":
      return o.label;
    case "grant_stamp":
      return o.stamps === 1 ? "a stamp" : `${o.stamps} stamps`;
    case "grant_badge":
      return "a badge";
    default:
      return null;
  }
}

export async function waysToEarn(db: EngageDb, input: { currency: string; money: (minor: number) => string }) {
  const settings = await getSettings(db);
  const unit = 10 ** currencyExponent(input.currency);
  const rate = settings.earnRate;
  const ways = [`${rate} ${rate === 1 ? "point" : "points"} for every ${input.money(unit)} you spend`];
  for (const t of settings.tiers)
    if (t.earnMultiplier > 1) ways.push(`${t.label} members earn ${t.earnMultiplier}x points`);
  for (const trigger of SHOPPER_TRIGGERS) {
    for (const { rule, outcomes } of await liveRulesFor(db, trigger)) {
      const words = outcomes.map(outcomeWords).filter((w): w is string => w !== null);
      if (words.length > 0) ways.push(`${rule.name}: ${words.join(", ")}`);
    }
  }
  return ways.slice(0, 10);
}

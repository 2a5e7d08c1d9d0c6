// The full notice of financial incentive, from what the store really runs: the owner's short
// notice, the ways to earn, what points buy, and the value of a shopper's data estimated as
// the value of what the programme gives back (the method the CCPA regulations allow).

import type { EngageDb } from "../core/db.ts";
import { currencyExponent } from "../core/money.ts";
import { getSettings } from "../core/settings.ts";
import { listCatalog, waysToEarn } from "../rewards/index.ts";

export type IncentiveNoticeDetails = {
  /** The store's short notice (settings.incentiveNotice). */
  summary: string;
  /** "1 point for every $1.00 you spend", ... */
  waysToEarn: string[];
  /** What points buy, cheapest first. */
  rewards: { name: string; pointsCost: number }[];
  /** The good-faith estimate, in words; null when no reward has a money value to estimate from. */
  valueEstimate: string | null;
};

export async function incentiveNoticeDetails(
  db: EngageDb,
  input: { currency: string; money: (minor: number) => string },
): Promise<IncentiveNoticeDetails> {
  const [settings, ways, catalog] = await Promise.all([getSettings(db), waysToEarn(db, input), listCatalog(db)]);
  // A point's worth: the best money value per point among rewards worth a fixed amount.
  const perPoint = Math.max(
    0,
    ...catalog
      .filter((i) => i.rewardType === "amount_off" && i.pointsCost > 0)
      .map((i) => i.rewardValue / i.pointsCost),
  );
  const unit = 10 ** currencyExponent(input.currency);
  const backPerUnit = perPoint * settings.earnRate;
  return {
    summary: settings.incentiveNotice,
    waysToEarn: ways,
    rewards: [...catalog]
      .sort((a, b) => a.pointsCost - b.pointsCost)
      .map((i) => ({ name: i.name, pointsCost: i.pointsCost })),
    valueEstimate:
      perPoint > 0
        ? `We value your data at what the programme gives back for it: a point is worth up to ${input.money(
            Math.round(perPoint * 100) / 100,
          )} in rewards, so each ${input.money(unit)} you spend earns you about ${input.money(
            Math.round(backPerUnit * 100) / 100,
          )} back. We calculate this from our earn rate and the rewards points buy.`
        : null,
  };
}

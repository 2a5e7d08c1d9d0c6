// Progress to the next tier, for the account page: tiers are by net spend over a trailing
// window (settings.ts), so the bar shows that spend against the next threshold.
import type { EngageDb } from "../core/db.ts";
import type { Tier } from "../core/settings.ts";
import { type ProfileLookup, profileFromRow, tierFor } from "./profile.ts";
import { profileRow } from "./profile-statement.ts";

export type TierProgress = {
  current: Tier;
  next: Tier | null;
  trailingSpendMinor: number;
  /** Spend still needed to reach the next tier (0 at the top tier). */
  remainingMinor: number;
  /** 0-100: the way from this tier's threshold to the next one's (100 at the top tier). */
  percent: number;
  windowDays: number;
};

export function progressFor(tiers: Tier[], trailingSpendMinor: number, windowDays: number): TierProgress {
  const spend = Math.max(0, trailingSpendMinor);
  const current = tierFor(tiers, spend);
  const next = tiers.find((t) => t.minSpendMinor > spend) ?? null;
  if (!next) return { current, next: null, trailingSpendMinor: spend, remainingMinor: 0, percent: 100, windowDays };
  const span = next.minSpendMinor - current.minSpendMinor;
  const percent = Math.min(100, Math.max(0, Math.floor(((spend - current.minSpendMinor) * 100) / span)));
  return { current, next, trailingSpendMinor: spend, remainingMinor: next.minSpendMinor - spend, percent, windowDays };
}

export async function tierProgress(db: EngageDb, input: ProfileLookup): Promise<TierProgress> {
  const { profile, settings } = profileFromRow(await profileRow(db, input), input.now);
  return progressFor(settings.tiers, profile.trailingSpendMinor, settings.tierWindowDays);
}

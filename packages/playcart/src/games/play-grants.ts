// Extra plays a rule grants (an outcome "grant plays" or "offer a game"): kept as one
// allowance row per identity and campaign under a window key of its own, used once the
// window's regular plays are gone, and consumed by the same conditional UPDATE.
import { sql } from "drizzle-orm";
import { type EngageDb, rowsOf } from "../core/db.ts";
import { playAllowances } from "../core/schema.ts";

export const BONUS_WINDOW = "bonus";

export async function grantBonusPlays(
  db: EngageDb,
  campaignId: string,
  identityKey: string,
  plays: number,
): Promise<void> {
  await db.execute(sql`
    INSERT INTO ${playAllowances} (campaign_id, identity_key, window_key, granted, used)
    VALUES (${campaignId}, ${identityKey}, ${BONUS_WINDOW}, ${plays}, 0)
    ON CONFLICT (campaign_id, identity_key, window_key) DO UPDATE SET granted = ${playAllowances}.granted + excluded.granted`);
}

/**
 * Uses one bonus play held by any of these identities (the first key in sorted order that has
 * one, so concurrent plays lock rows in the same order); false if none is left. One statement
 * per key, each naming the whole primary key: a list of keys could be planned as a walk over
 * the campaign's every allowance. Runs inside the play's transaction.
 */
export async function consumeBonusPlay(db: EngageDb, campaignId: string, identityKeys: string[]): Promise<boolean> {
  for (const key of [...identityKeys].sort()) {
    const rows = await db.execute(sql`
      UPDATE ${playAllowances} SET used = used + 1
      WHERE campaign_id = ${campaignId} AND identity_key = ${key} AND window_key = ${BONUS_WINDOW} AND used < granted
      RETURNING used`);
    if (rowsOf(rows).length > 0) return true;
  }
  return false;
}

// Extra plays a rule grants (an outcome "grant plays" or "offer a game"): kept as one
// allowance row per identity and campaign under a window key of its own, used once the
// window's regular plays are gone, and consumed by the same conditional UPDATE.
import { type SQL, sql } from "drizzle-orm";
import { type EngageDb, rowsOf } from "../core/db.ts";
import { playAllowances } from "../core/schema.ts";

export const BONUS_WINDOW = "bonus";

/**
 * The bonus plays these identities hold, as a play's statements read it: the campaign and the
 * keys as placeholders (`key0`, `key1`, ...) and the window as `bonusWindow`. One lookup per
 * key, each naming the whole primary key (see consumeBonusPlay).
 */
export function bonusLeftSql(campaignId: SQL, keys: number): SQL {
  if (!keys) return sql`0`;
  return sql.join(
    Array.from(
      { length: keys },
      (_, i) => sql`coalesce((SELECT b.granted - b.used FROM playcart_play_allowances b
      WHERE b.campaign_id = ${campaignId} AND b.identity_key = ${sql.placeholder(`key${i}`)} AND b.window_key = ${sql.placeholder("bonusWindow")}), 0)`,
    ),
    sql` + `,
  );
}

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

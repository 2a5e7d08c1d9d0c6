// How often each prize has been won and what it has cost so far. A prize with a limit
// (inventory, value budget or daily cap) keeps its own counters, claimed by the play's
// statement under the limit. A prize without one keeps none, so that no play waits on its
// row (the busiest row of a campaign otherwise): its tally is counted from the game.played
// events, written in the same statement as each play, when someone asks.
import { and, eq, sql } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import { events, type Prize } from "../core/schema.ts";
import { isUnlimited } from "./play-claim.ts";

/** The campaign's prizes with `wins` and `valueAwardedMinor` as played so far, limited or not. */
export async function withPrizeTallies(db: EngageDb, campaignId: string, table: Prize[]): Promise<Prize[]> {
  if (!table.some(isUnlimited)) return table;
  const prizeId = sql<string>`${events.payload}->>'prizeId'`;
  const rows = await db
    .select({
      prizeId,
      wins: sql<number>`count(*)::int`,
      value: sql<number>`coalesce(sum(${events.valueMinor}), 0)::int`,
    })
    .from(events)
    .where(and(eq(events.campaignId, campaignId), eq(events.type, "game.played")))
    .groupBy(prizeId);
  const tally = new Map(rows.map((r) => [r.prizeId, r]));
  return table.map((p) =>
    isUnlimited(p)
      ? { ...p, wins: Number(tally.get(p.id)?.wins ?? 0), valueAwardedMinor: Number(tally.get(p.id)?.value ?? 0) }
      : p,
  );
}

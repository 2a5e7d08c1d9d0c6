// The end of a play: the draw, and one statement that claims the drawn prize under its
// limits and records the play, its reward and its event (see play.ts for the whole play).
import { sql } from "drizzle-orm";
import { type EngageDb, executePrepared } from "../core/db.ts";
import type { Campaign, Prize } from "../core/schema.ts";
import { prizeCategory } from "../rewards/index.ts";
import { drawOne, type Rng } from "./draw.ts";
import type { PlayInput } from "./play.ts";

/** Another play took the drawn prize's last unit (or the day's last win): the play restarts without it. */
export class PrizeLost extends Error {
  constructor(readonly prizeId: string) {
    super("prize lost to another play");
    this.name = "PrizeLost";
  }
}

/**
 * Draws among the prizes with stock, budget and daily cap left, and claims the winner with a
 * conditional UPDATE that also records the play. With nothing left to draw, the play is
 * recorded without a prize.
 *
 * One claim per transaction: a claim that fails still leaves that prize's rows locked (an
 * UPDATE re-checked after waiting locks the row it then skips; INSERT .. ON CONFLICT DO UPDATE
 * .. WHERE locks the conflicting row even when the WHERE is false). Claiming a second prize
 * in the same transaction could then wait on a play that waits on the first: a deadlock. So
 * a lost claim throws PrizeLost, the transaction rolls back (releasing every lock), and the
 * play runs again with that prize in `lost` (renormalised odds among the rest). Every
 * transaction thus takes its locks in one order: allowances, then one prize's day row and row.
 */
export async function drawAndRecord(
  tx: EngageDb,
  base: PlayBase,
  table: Prize[],
  dailyWins: Map<string, number>,
  lost: ReadonlySet<string>,
  rng: Rng,
): Promise<{ prize: Prize | null; recorded: Recorded }> {
  const hasStock = (p: Prize) =>
    (p.inventory === null || p.wins < p.inventory) &&
    (p.budgetValueMinor === null || p.valueAwardedMinor + p.costMinor <= p.budgetValueMinor) &&
    (p.dailyCap === null || (dailyWins.get(p.id) ?? 0) < p.dailyCap);
  const chosen = drawOne(
    table.filter((p) => !lost.has(p.id) && hasStock(p)),
    rng,
  );
  const recorded = await claimAndRecord(tx, base, chosen);
  if (!recorded) throw new PrizeLost(chosen!.id);
  return { prize: chosen, recorded };
}

/** A recorded play: its id, its reward's id and label, and the category a category-scoped prize was fitted to. */
export type Recorded = { playId: string; rewardId: string | null; label: string; categoryRef: string | null };

export type PlayBase = {
  input: PlayInput;
  campaign: Campaign;
  keys: string[];
  windowKey: string;
  /** The known customer (null for a new one or a shopper without an email). */
  customerId: string | null;
  /** Set when the play's statement must upsert the customer (new, or an account to link), as ensureCustomer does. */
  upsertCustomer: { email: string; userRef: string | null } | null;
  expiresAt: Date;
  today: string;
};

/**
 * One statement: one unit of the prize, if its inventory, value budget and daily cap allow,
 * then the play, its reward and the game.played event, all conditional on the claim. The
 * day's row is taken first, then the prize row (the same order in every play). Returns null
 * when the prize was gone; the caller then rolls back (which also undoes the day's count).
 */
async function claimAndRecord(tx: EngageDb, base: PlayBase, prize: Prize | null): Promise<Recorded | null> {
  const { input, campaign } = base;
  const won = Boolean(prize && prize.rewardType !== "none");
  // A category-scoped prize ("10% off your favourite category") fits the winner's own history.
  const categoryRef =
    prize && won && prize.categoryScope
      ? await prizeCategory(tx, prize.categoryScope, base.customerId, input.now)
      : null;
  const label = prize ? (categoryRef ? `${prize.label} (${categoryRef})` : prize.label) : "No prize this time";
  const capped = prize !== null && prize.dailyCap !== null;
  const day = capped
    ? sql`day AS (
        INSERT INTO playcart_prize_daily_wins AS d (prize_id, store_day, wins) VALUES (${prize.id}::uuid, ${base.today}, 1)
        ON CONFLICT (prize_id, store_day) DO UPDATE SET wins = d.wins + 1 WHERE d.wins < ${prize.dailyCap}::int
        RETURNING 1
      ),`
    : sql``;
  // A prize with no inventory, budget or daily cap has nothing to claim: its counters are
  // statistics, moved after the commit (countUnlimitedWin), so no play waits on its row.
  const claimed = !prize
    ? sql`claimed AS (SELECT NULL::uuid AS id)`
    : isUnlimited(prize)
      ? sql`claimed AS (SELECT ${prize.id}::uuid AS id)`
      : sql`claimed AS (
        UPDATE playcart_prizes SET wins = wins + 1, value_awarded_minor = value_awarded_minor + cost_minor
        WHERE id = ${prize.id}::uuid
          AND (inventory IS NULL OR wins < inventory)
          AND (budget_value_minor IS NULL OR value_awarded_minor + cost_minor <= budget_value_minor)
          ${capped ? sql`AND EXISTS (SELECT 1 FROM day)` : sql``}
        RETURNING id
      )`;
  // The customer row is taken after the prize row (the CTE is read by the play's INSERT); plays
  // sharing an email already wait on each other's allowance rows, so no new lock cycle.
  const upsert = base.upsertCustomer;
  const customerCte = upsert
    ? sql`customer AS (
        INSERT INTO playcart_customers AS c (email, user_ref) VALUES (${upsert.email}, ${upsert.userRef})
        ON CONFLICT (email) DO UPDATE SET user_ref = coalesce(c.user_ref, excluded.user_ref)
        RETURNING id
      ),`
    : sql``;
  const customerId = upsert ? sql`(SELECT id FROM customer)` : sql`${base.customerId}::uuid`;
  const sessionRef = input.shopper.sessionRef ?? null;
  const keysJson = JSON.stringify(base.keys);
  const earnedOn = campaign.rewardScope === "next_order" ? (input.cart.cartRef ?? null) : null;
  // The play's own clock stamps its rows (not the database's now()), so reports by date and
  // the play's window and expiry agree.
  const at = sql`${input.now.toISOString()}::timestamptz`;
  const issued =
    prize && won
      ? sql`
      INSERT INTO playcart_rewards (customer_id, session_ref, identity_keys, campaign_id, play_id, label, category_ref, reward_type, reward_value,
        product_ref, max_discount_minor, scope, earned_on_cart_ref, expires_at, created_at)
      SELECT ${customerId}, ${sessionRef}, ${keysJson}::jsonb, ${campaign.id}::uuid, played.id, ${label}, ${categoryRef}, ${prize.rewardType},
        ${prize.rewardValue}::int, ${prize.productRef}, ${prize.maxDiscountMinor}::int, ${campaign.rewardScope}, ${earnedOn},
        ${base.expiresAt.toISOString()}::timestamptz, ${at}
      FROM played RETURNING id`
      : sql`SELECT NULL::uuid AS id WHERE false`;
  const [row] = await executePrepared<{ play_id: string | null; reward_id: string | null }>(
    tx,
    sql`
      WITH ${customerCte} ${day} ${claimed}, played AS (
        INSERT INTO playcart_plays (campaign_id, request_id, customer_id, identity_keys, session_ref, window_key, prize_id, won, created_at)
        SELECT ${campaign.id}::uuid, ${input.requestId}, ${customerId}, ${keysJson}::jsonb, ${sessionRef}, ${base.windowKey},
          claimed.id, ${won ? 1 : 0}::int, ${at}
        FROM claimed
        RETURNING id
      ), issued AS (${issued}), logged AS (
        INSERT INTO playcart_events (event_key, type, customer_id, session_ref, campaign_id, value_minor, payload, occurred_at)
        SELECT 'game.played:' || played.id, 'game.played', ${customerId}, ${sessionRef}, ${campaign.id}::uuid,
          ${won && prize ? prize.costMinor : 0}::int,
          jsonb_build_object('won', ${won}::boolean, 'prizeId', ${prize?.id ?? null}::text, 'rewardId', (SELECT id::text FROM issued), 'windowKey', ${base.windowKey}::text),
          ${at}
        FROM played
        ON CONFLICT (event_key) DO NOTHING
      )
      SELECT (SELECT id FROM played) AS play_id, (SELECT id FROM issued) AS reward_id`,
  );
  if (!row.play_id) return null;
  return { playId: row.play_id, rewardId: row.reward_id, label, categoryRef };
}

export const isUnlimited = (p: Prize) => p.inventory === null && p.budgetValueMinor === null && p.dailyCap === null;

/**
 * Counts a win of a prize without limits, after the play has committed: one autocommitted
 * UPDATE, so its row is locked only for that statement, not for the rest of every play's
 * transaction (that row is the one every play of a busy campaign lands on). The play row
 * stays the record; a crash between the two leaves this statistic one short, never a limit.
 */
export async function countUnlimitedWin(db: EngageDb, prize: Prize): Promise<void> {
  await executePrepared(
    db,
    sql`
    UPDATE playcart_prizes SET wins = wins + 1, value_awarded_minor = value_awarded_minor + cost_minor WHERE id = ${prize.id}::uuid`,
  );
}

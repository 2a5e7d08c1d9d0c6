// The end of a play: the draw, and one statement that consumes the shopper's allowance,
// claims the drawn prize under its limits and records the play, its reward and its event
// (see play.ts for the whole play).
import { type SQL, sql } from "drizzle-orm";
import { type EngageDb, pgError } from "../core/db.ts";
import type { Campaign, Prize } from "../core/schema.ts";
import { ShapedStatement } from "../core/shaped-statement.ts";
import { prizeCategory } from "../rewards/index.ts";
import { budgetCovers, hasBudget, winCost } from "./budget.ts";
import { drawable, drawOne, type Rng } from "./draw.ts";
import type { DrawnAmong } from "./fair-draw.ts";
import type { PlayInput } from "./play.ts";

/** Another play took the drawn prize's last unit (or the day's last win, or the campaign's budget): the play restarts without it. */
export class PrizeLost extends Error {
  constructor(readonly prizeId: string) {
    super("prize lost to another play");
    this.name = "PrizeLost";
  }
}

/** An "every play wins" game drew nothing (every prize gone): nothing was written. */
export class NothingLeftToWin extends Error {
  constructor() {
    super("nothing left to win");
    this.name = "NothingLeftToWin";
  }
}

/** Some identity had no play left in the window (or its lifetime): nothing was written. */
export class AllowanceSpent extends Error {
  constructor() {
    super("no play left in the allowance");
    this.name = "AllowanceSpent";
  }
}

/** One allowance row a play consumes: one more `used`, up to `limit`. */
export type AllowanceRow = [identityKey: string, windowKey: string, limit: number];

/** An allowance row as the play's statement left it. */
export type ConsumedRow = { identity_key: string; window_key: string; used: number };

/**
 * Draws among the prizes with stock, budget and daily cap left, and claims the winner with a
 * conditional UPDATE in the statement that consumes the allowance and records the play. With
 * nothing left to draw, the play is recorded without a prize.
 *
 * One claim per attempt: a claim that fails still leaves that prize's rows locked (an
 * UPDATE re-checked after waiting locks the row it then skips; INSERT .. ON CONFLICT DO UPDATE
 * .. WHERE locks the conflicting row even when the WHERE is false). Claiming a second prize
 * while holding them could wait on a play that waits on the first: a deadlock. So a lost
 * claim throws PrizeLost, everything the statement (or transaction) wrote is undone, and the
 * play runs again with that prize in `lost` (renormalised odds among the rest). Every play
 * thus takes its locks in one order: allowances, then one prize's day row, then (for a costly
 * win of a campaign with a budget) the campaign row, then the prize row. The admin's saves take
 * the campaign row before its prizes too, so the two never wait on each other in a cycle.
 */
export async function drawAndRecord(
  db: EngageDb,
  base: PlayBase,
  table: Prize[],
  dailyWins: Map<string, number>,
  lost: ReadonlySet<string>,
  rng: Rng,
): Promise<{ prize: Prize | null; recorded: Recorded; among: DrawnAmong }> {
  const hasStock = (p: Prize) =>
    (p.inventory === null || p.wins < p.inventory) &&
    (p.budgetValueMinor === null || p.valueAwardedMinor + p.costMinor <= p.budgetValueMinor) &&
    (p.dailyCap === null || (dailyWins.get(p.id) ?? 0) < p.dailyCap) &&
    budgetCovers(base.campaign, base.today, winCost(p));
  // The prizes this draw picks among, in the table's order: what the play (and its receipt) records.
  const candidates = drawable(table.filter((p) => !lost.has(p.id) && hasStock(p)));
  const among: DrawnAmong = candidates.map((p) => [p.id, p.weight]);
  const chosen = drawOne(candidates, rng);
  if (base.campaign.everyPlayWins && (!chosen || chosen.rewardType === "none")) throw new NothingLeftToWin();
  try {
    return { prize: chosen, recorded: await claimAndRecord(db, base, chosen, among), among };
  } catch (err) {
    const refusal = refusalOf(err);
    if (refusal === "prize_lost") throw new PrizeLost(chosen!.id);
    if (refusal === "no_plays_left") throw new AllowanceSpent();
    throw err;
  }
}

// The statement's own refusals (migrations/0003_playcart_play_refusal.sql): raised to undo it.
const REFUSAL = /^playcart_refuse_play:(\w+)$/;
function refusalOf(err: unknown): string | null {
  const pg = pgError(err);
  return pg?.code === "PC001" ? (REFUSAL.exec(pg.message ?? "")?.[1] ?? null) : null;
}

/** A recorded play: its id, its reward's id and label, the category a category-scoped prize was fitted to, the allowance rows it consumed, and whether its event awaits the rules. */
export type Recorded = {
  playId: string;
  rewardId: string | null;
  label: string;
  categoryRef: string | null;
  consumed: ConsumedRow[];
  /** The play's game.played event waits for the rules engine (a live rule listens to it). */
  eventPending: boolean;
};

export type PlayBase = {
  input: PlayInput;
  /** The play's id, chosen before its draw (the fair draw is derived from it). */
  playId: string;
  /** The fair draw's period and attempt, recorded with the play; null when a test injected its own Rng. */
  fair: { period: string; attempt: number } | null;
  campaign: Campaign;
  keys: string[];
  windowKey: string;
  /** The allowance rows this statement consumes (sorted by key); none when the caller already has. */
  allowance: AllowanceRow[];
  /** The known customer (null for a new one or a shopper without an email). */
  customerId: string | null;
  /** Set when the play's statement must upsert the customer (new, or an account to link), as ensureCustomer does. */
  upsertCustomer: { email: string; userRef: string | null } | null;
  expiresAt: Date;
  today: string;
};

/** What decides the claim statement's text: which of its optional parts a play needs. */
type ClaimShape = {
  /** Allowance rows consumed (0: the caller already consumed a bonus play). */
  allowance: number;
  /** The prize drawn: none, one with nothing to count, or one with inventory, a value budget or a daily cap. */
  prize: "none" | "unlimited" | "limited";
  /** The prize has a daily cap: its day row is counted too. */
  capped: boolean;
  /** A costly win of a campaign with a budget: the campaign's spend is counted too. */
  budget: boolean;
  /** A new customer (or an account to link) is upserted. */
  upsert: boolean;
  /** A win: its reward is issued. */
  issued: boolean;
};

const v = (name: string) => sql.placeholder(name);

/**
 * One statement, atomic on its own (no BEGIN or COMMIT round trips): one play from every
 * allowance row; one unit of the prize, if its inventory, value budget and daily cap allow;
 * then the play, its reward and the game.played event, all conditional on the claim. Locks
 * are taken in one order: allowance rows (sorted), the prize's day row, the prize row. When an
 * allowance row is at its limit or the prize is gone, the statement raises a refusal, which
 * undoes whatever it had written (the other allowance rows, the day's count).
 */
function writeClaim(shape: ClaimShape): SQL {
  const campaignId = sql`${v("campaignId")}::uuid`;
  const at = sql`${v("at")}::timestamptz`;
  // A row at its limit is not updated, so fewer rows come back: `enough` is then false.
  const consumed = shape.allowance
    ? sql`consumed AS (
        INSERT INTO playcart_play_allowances AS a (campaign_id, identity_key, window_key, granted, used)
        VALUES ${sql.join(
          Array.from(
            { length: shape.allowance },
            (_, i) => sql`(${campaignId}, ${v(`key${i}`)}, ${v(`window${i}`)}, ${v(`limit${i}`)}::int, 1)`,
          ),
          sql`, `,
        )}
        ON CONFLICT (campaign_id, identity_key, window_key) DO UPDATE
          SET used = a.used + 1, granted = greatest(a.granted, excluded.granted)
          WHERE a.used < greatest(a.granted, excluded.granted)
        RETURNING identity_key, window_key, used
      ),`
    : sql`consumed AS (SELECT NULL::text AS identity_key, NULL::text AS window_key, 0 AS used WHERE false),`;
  const enough = sql`(SELECT count(*) FROM consumed) = ${v("allowanceRows")}::int`;
  const day = shape.capped
    ? sql`day AS (
        INSERT INTO playcart_prize_daily_wins AS d (prize_id, store_day, wins)
        SELECT ${v("prizeId")}::uuid, ${v("today")}, 1 WHERE ${enough}
        ON CONFLICT (prize_id, store_day) DO UPDATE SET wins = d.wins + 1 WHERE d.wins < ${v("dailyCap")}::int
        RETURNING 1
      ),`
    : sql``;
  const dayClaimed = shape.capped ? sql`AND EXISTS (SELECT 1 FROM day)` : sql``;
  // A prize with no inventory, budget or daily cap has nothing to claim and no row to lock:
  // its wins are counted from the plays when an owner looks (prizeTallies), so a busy
  // campaign's plays never queue on one counter.
  // A budgeted campaign's costly win is paid for before the prize is claimed (spend, below).
  const spend = shape.budget ? budgetSpend(sql`${enough} ${dayClaimed}`) : { ctes: sql``, paid: sql`` };
  const claimed =
    shape.prize === "none"
      ? sql`claimed AS (SELECT NULL::uuid AS id WHERE ${enough})`
      : shape.prize === "unlimited"
        ? sql`claimed AS (SELECT ${v("prizeId")}::uuid AS id WHERE ${enough} ${spend.paid})`
        : sql`claimed AS (
        UPDATE playcart_prizes SET wins = wins + 1, value_awarded_minor = value_awarded_minor + cost_minor
        WHERE id = ${v("prizeId")}::uuid AND ${enough}
          AND (inventory IS NULL OR wins < inventory)
          AND (budget_value_minor IS NULL OR value_awarded_minor + cost_minor <= budget_value_minor)
          ${dayClaimed} ${spend.paid}
        RETURNING id
      )`;
  // The customer row is taken after the prize row (the CTE is read by the play's INSERT); plays
  // sharing an email already wait on each other's allowance rows, so no new lock cycle.
  const customerCte = shape.upsert
    ? sql`customer AS (
        INSERT INTO playcart_customers AS c (email, user_ref) VALUES (${v("upsertEmail")}, ${v("upsertUserRef")})
        ON CONFLICT (email) DO UPDATE SET user_ref = coalesce(c.user_ref, excluded.user_ref)
        RETURNING id
      ),`
    : sql``;
  const customerId = shape.upsert ? sql`(SELECT id FROM customer)` : sql`${v("customerId")}::uuid`;
  const issued = shape.issued
    ? sql`
      INSERT INTO playcart_rewards (customer_id, session_ref, identity_keys, campaign_id, play_id, label, category_ref, reward_type, reward_value,
        product_ref, max_discount_minor, scope, earned_on_cart_ref, expires_at, created_at)
      SELECT ${customerId}, ${v("sessionRef")}, ${v("keys")}::jsonb, ${campaignId}, played.id, ${v("label")}, ${v("categoryRef")}, ${v("rewardType")},
        ${v("rewardValue")}::int, ${v("productRef")}, ${v("maxDiscountMinor")}::int, ${v("rewardScope")}, ${v("earnedOn")},
        ${v("expiresAt")}::timestamptz, ${at}
      FROM played RETURNING id`
    : sql`SELECT NULL::uuid AS id WHERE false`;
  return sql`
      WITH ${consumed} ${day} ${spend.ctes} ${claimed}, ${customerCte} played AS (
        INSERT INTO playcart_plays (id, campaign_id, request_id, customer_id, identity_keys, session_ref, window_key, prize_id, won,
          draw_period, draw_attempt, draw_available, created_at)
        SELECT ${v("playId")}::uuid, ${campaignId}, ${v("requestId")}, ${customerId}, ${v("keys")}::jsonb, ${v("sessionRef")}, ${v("windowKey")},
          claimed.id, ${v("wonCount")}::int, ${v("drawPeriod")}::text, ${v("drawAttempt")}::int,
          ${v("drawAvailable")}::jsonb, ${at}
        FROM claimed
        RETURNING id
      ), issued AS (${issued}), logged AS (
        INSERT INTO playcart_events (event_key, type, customer_id, session_ref, campaign_id, value_minor, payload, occurred_at, processed_at)
        SELECT 'game.played:' || played.id, 'game.played', ${customerId}, ${v("sessionRef")}, ${campaignId},
          ${v("eventValueMinor")}::int,
          jsonb_build_object('won', ${v("won")}::boolean, 'prizeId', ${v("eventPrizeId")}::text, 'rewardId', (SELECT id::text FROM issued), 'windowKey', ${v("windowKey")}::text),
          ${at},
          -- With no live rule on game.played there is nothing to run: the event is born
          -- processed (as the engine's sweep would mark it), and the play needs no sweep.
          CASE WHEN EXISTS (SELECT 1 FROM playcart_rules r WHERE r.trigger = 'game.played' AND r.status = 'live')
               THEN NULL ELSE ${at} END
        FROM played
        ON CONFLICT (event_key) DO NOTHING
        RETURNING processed_at IS NULL AS pending
      )
      SELECT
        CASE WHEN NOT (${enough}) THEN playcart_refuse_play('no_plays_left')
             WHEN NOT EXISTS (SELECT 1 FROM played) THEN playcart_refuse_play('prize_lost') END AS refused,
        (SELECT id FROM played) AS play_id, (SELECT id FROM issued) AS reward_id,
        (SELECT json_agg(consumed) FROM consumed) AS consumed,
        coalesce((SELECT pending FROM logged), false) AS event_pending`;
}

const claimStatement = new ShapedStatement<ClaimShape>(
  (s) => `${s.allowance}|${s.prize}|${s.capped}|${s.budget}|${s.upsert}|${s.issued}`,
  writeClaim,
);

/** Runs the claim statement for this play (writeClaim): what it recorded. */
async function claimAndRecord(db: EngageDb, base: PlayBase, prize: Prize | null, among: DrawnAmong): Promise<Recorded> {
  const { input, campaign, fair } = base;
  const won = Boolean(prize && prize.rewardType !== "none");
  // A category-scoped prize ("10% off your favourite category") fits the winner's own history.
  const categoryRef =
    prize && won && prize.categoryScope
      ? await prizeCategory(db, prize.categoryScope, base.customerId, input.now)
      : null;
  const label = prize ? (categoryRef ? `${prize.label} (${categoryRef})` : prize.label) : "No prize this time";
  const cost = prize && won ? winCost(prize) : 0;
  const upsert = base.upsertCustomer;
  const shape: ClaimShape = {
    allowance: base.allowance.length,
    prize: !prize ? "none" : isUnlimited(prize) ? "unlimited" : "limited",
    capped: prize !== null && prize.dailyCap !== null,
    budget: hasBudget(campaign) && cost > 0,
    upsert: upsert !== null,
    issued: Boolean(prize && won),
  };
  const allowance: Record<string, unknown> = {};
  base.allowance.forEach(([key, window, limit], i) => {
    allowance[`key${i}`] = key;
    allowance[`window${i}`] = window;
    allowance[`limit${i}`] = limit;
  });
  // The play's own clock stamps its rows (not the database's now()), so reports by date and
  // the play's window and expiry agree. The values are one literal with the allowance's added
  // after it (Object.assign): a literal that starts with a spread is built key by key, and V8
  // turns an object given more than a dozen keys that way into a hash table. That cost half
  // of play()'s own CPU (see ShapedStatement.query).
  const [row] = await claimStatement.execute<{
    play_id: string;
    reward_id: string | null;
    consumed: ConsumedRow[] | null;
    event_pending: boolean;
  }>(
    db,
    shape,
    Object.assign(
      {
        allowanceRows: base.allowance.length,
        campaignId: campaign.id,
        at: input.now.toISOString(),
        today: base.today,
        prizeId: prize?.id ?? null,
        dailyCap: prize?.dailyCap ?? null,
        cost,
        upsertEmail: upsert?.email ?? null,
        upsertUserRef: upsert?.userRef ?? null,
        customerId: base.customerId,
        sessionRef: input.shopper.sessionRef ?? null,
        keys: JSON.stringify(base.keys),
        label,
        categoryRef,
        rewardType: prize?.rewardType ?? null,
        rewardValue: prize?.rewardValue ?? null,
        productRef: prize?.productRef ?? null,
        maxDiscountMinor: prize?.maxDiscountMinor ?? null,
        rewardScope: campaign.rewardScope,
        earnedOn: campaign.rewardScope === "next_order" ? (input.cart.cartRef ?? null) : null,
        expiresAt: base.expiresAt.toISOString(),
        playId: base.playId,
        requestId: input.requestId,
        windowKey: base.windowKey,
        wonCount: won ? 1 : 0,
        won,
        drawPeriod: fair?.period ?? null,
        drawAttempt: fair?.attempt ?? null,
        drawAvailable: fair ? JSON.stringify(among) : null,
        eventValueMinor: won && prize ? prize.costMinor : 0,
        eventPrizeId: prize?.id ?? null,
      },
      allowance,
    ),
  );
  return {
    playId: row.play_id,
    rewardId: row.reward_id,
    label,
    categoryRef,
    consumed: row.consumed ?? [],
    eventPending: Boolean(row.event_pending),
  };
}

/**
 * A costly win of a campaign with a budget: the statement adds its cost to the campaign's spend
 * (in all and today) only if both budgets still cover it, else nothing is played (a refusal: the
 * play draws again without this prize). The win that leaves the total unable to cover the
 * campaign's cheapest costly win pauses the campaign and records why in the audit trail, in the
 * same statement. Written only into that shape (ClaimShape.budget): a campaign without a budget,
 * or a win that costs nothing, touches no campaign row.
 */
function budgetSpend(ready: SQL) {
  const campaignId = sql`${v("campaignId")}::uuid`;
  const cost = sql`${v("cost")}::int`;
  const today = v("today");
  const at = sql`${v("at")}::timestamptz`;
  const todaySpent = sql`(CASE WHEN c.budget_day = ${today} THEN c.budget_day_spent_minor ELSE 0 END)`;
  // Read in SET, these are the row's values before this win; in RETURNING, after it.
  const leftAfter = sql`c.budget_total_minor - c.budget_spent_minor - ${cost}`;
  const spentOut = sql`c.budget_total_minor IS NOT NULL AND ${leftAfter} < (SELECT cost FROM cheapest)`;
  return {
    ctes: sql`cheapest AS (
        SELECT min(cost_minor) AS cost FROM playcart_prizes
        WHERE campaign_id = ${campaignId} AND weight > 0 AND reward_type <> 'none' AND cost_minor > 0
      ), spend AS (
        UPDATE playcart_campaigns c SET
          budget_spent_minor = c.budget_spent_minor + ${cost},
          budget_day_spent_minor = ${todaySpent} + ${cost},
          budget_day = ${today},
          status = CASE WHEN c.status = 'live' AND ${spentOut} THEN 'paused' ELSE c.status END,
          updated_at = CASE WHEN c.status = 'live' AND ${spentOut} THEN ${at} ELSE c.updated_at END
        WHERE c.id = ${campaignId} AND ${ready}
          AND (c.budget_total_minor IS NULL OR c.budget_spent_minor + ${cost} <= c.budget_total_minor)
          AND (c.budget_daily_minor IS NULL OR ${todaySpent} + ${cost} <= c.budget_daily_minor)
        RETURNING c.budget_spent_minor AS spent, c.budget_total_minor AS total,
          -- Before this win the total covered it (so the cheapest win too): if it no longer
          -- covers the cheapest, this win is the one that spent it.
          c.status = 'paused' AND c.budget_total_minor - c.budget_spent_minor < (SELECT cost FROM cheapest) AS paused
      ), budget_paused AS (
        INSERT INTO playcart_audit_log (actor, action, entity, entity_id, before, after, at)
        SELECT 'playcart', 'campaign.pause', 'campaign', ${v("campaignId")}::text, '{"status":"live"}'::jsonb,
          jsonb_build_object('status', 'paused', 'reason', 'budget_spent', 'budgetSpentMinor', spend.spent, 'budgetTotalMinor', spend.total),
          ${at}
        FROM spend WHERE spend.paused
      ),`,
    paid: sql`AND EXISTS (SELECT 1 FROM spend)`,
  };
}

export const isUnlimited = (p: Pick<Prize, "inventory" | "budgetValueMinor" | "dailyCap">) =>
  p.inventory === null && p.budgetValueMinor === null && p.dailyCap === null;

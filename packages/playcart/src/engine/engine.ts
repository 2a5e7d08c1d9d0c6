// The engine: applies the live rules to each recorded event, one transaction per event.
// The event row is locked with FOR UPDATE SKIP LOCKED, so any number of sweeps (after a
// response, a cron on several instances) can run at once: each event is taken by one of
// them, and the firing's primary key (event, rule) makes a repeat apply nothing.
import { and, asc, eq, isNull, notInArray, sql } from "drizzle-orm";
import { type EngageDb, executePrepared, pgError } from "../core/db.ts";
import { reversedMinor } from "../core/reversed-share.ts";
import { type EngageEvent, events, type OrderReward, orderRewards, ruleFirings } from "../core/schema.ts";
import { type EngageSettings, getSettings } from "../core/settings.ts";
import { reverseOrderEarnings } from "../ledger/index.ts";
import { grantTierBonus, judgeReferral, recomputeTier } from "../loyalty/index.ts";
import { recordRecoveries } from "../reminders/index.ts";
import { creditBonusRewards } from "../rewards/index.ts";
import { evaluateCondition } from "./conditions.ts";
import { eventContext } from "./engine-context.ts";
import { type Applied, applyOutcome } from "./outcomes.ts";
import { liveRulesFor } from "./rules.ts";

export type EngineClock = { now: Date; timeZone: string };
export type ProcessedEvent = { eventId: number; type: string; fired: string[] };

/** Processes one event if it is still pending and nobody else holds it. */
export async function processEvent(db: EngageDb, eventId: number, clock: EngineClock): Promise<ProcessedEvent | null> {
  return db.transaction(async (tx) => {
    const [event] = await tx
      .select()
      .from(events)
      .where(and(eq(events.id, eventId), isNull(events.processedAt)))
      .for("update", { skipLocked: true });
    return event ? processLocked(tx, event, clock) : null;
  });
}

/**
 * Processes pending events, oldest first, until none is left or `limit` were processed.
 * Events recorded while it runs (a referral.converted from an order.paid) are taken too.
 */
export async function processPendingEvents(
  db: EngageDb,
  clock: EngineClock & { limit?: number },
): Promise<ProcessedEvent[]> {
  const { pending } = await settleEventsWithoutRules(db, clock.now);
  const done: ProcessedEvent[] = [];
  if (!pending) return done;
  const limit = clock.limit ?? 500;
  // Events that failed in this sweep stay pending for the next one, but must not block this one.
  const failed = new Set<number>();
  const retries = new Map<number, number>();
  let current: number | null = null;
  while (done.length < limit && failed.size < limit) {
    current = null;
    try {
      const processed = await db.transaction(async (tx) => {
        const skip = failed.size > 0 ? notInArray(events.id, [...failed]) : undefined;
        const [event] = await tx
          .select()
          .from(events)
          .where(and(isNull(events.processedAt), skip))
          .orderBy(asc(events.id))
          .limit(1)
          .for("update", { skipLocked: true });
        current = event?.id ?? null;
        return event ? processLocked(tx, event, clock) : null;
      });
      if (!processed) break;
      done.push(processed);
    } catch (err) {
      // A deadlock with a webhook or another sweep rolls the event back: it is simply retried.
      const code = pgError(err)?.code;
      if (current === null) throw err;
      const attempts = (retries.get(current) ?? 0) + 1;
      retries.set(current, attempts);
      if ((code !== "40P01" && code !== "40001") || attempts >= 5) {
        console.error(`[playcart] event ${current} not processed; left for the next sweep`, err);
        failed.add(current);
      }
    }
  }
  return done;
}

// Types the engine always handles itself, rule or no rule.
const BUILT_IN_TYPES = ["order.paid", "order.refunded"];

/**
 * Most events (checkout views, offers, plays) have no live rule: processing one would only
 * mark it processed. This marks all such pending events in one statement, skipping any a
 * sweep holds, so the per-event transactions are spent only where a rule may fire. The same
 * statement says whether any pending event is left that needs one (a built-in type, or a
 * type a live rule listens to), so a sweep with nothing else to do ends after this one round
 * trip. Events it skipped because another sweep holds them are that sweep's to finish.
 */
export async function settleEventsWithoutRules(
  db: EngageDb,
  now: Date,
): Promise<{ settled: number; pending: boolean }> {
  const builtIn = sql.join(
    BUILT_IN_TYPES.map((t) => sql`${t}`),
    sql`, `,
  );
  const [row] = await executePrepared<{ settled: number; pending: boolean }>(
    db,
    sql`
      WITH settled AS (
        UPDATE playcart_events SET processed_at = ${now.toISOString()}::timestamptz
        WHERE id IN (
          SELECT e.id FROM playcart_events e
          WHERE e.processed_at IS NULL AND e.type NOT IN (${builtIn})
            AND NOT EXISTS (SELECT 1 FROM playcart_rules r WHERE r.trigger = e.type AND r.status = 'live')
          FOR UPDATE SKIP LOCKED
        )
        RETURNING id
      )
      SELECT (SELECT count(*) FROM settled)::int AS settled,
        EXISTS (
          SELECT 1 FROM playcart_events e
          WHERE e.processed_at IS NULL
            AND (e.type IN (${builtIn}) OR EXISTS (SELECT 1 FROM playcart_rules r WHERE r.trigger = e.type AND r.status = 'live'))
        ) AS pending`,
  );
  return { settled: Number(row?.settled ?? 0), pending: Boolean(row?.pending) };
}

async function processLocked(tx: EngageDb, event: EngageEvent, clock: EngineClock): Promise<ProcessedEvent> {
  const settings = await getSettings(tx);
  const order = await builtInBefore(tx, event, settings, clock.now);
  const fired: string[] = [];
  const live = await liveRulesFor(tx, event.type);
  if (live.length > 0) {
    const context = await eventContext(tx, event, settings, clock.now, clock.timeZone);
    for (const { rule, outcomes } of live) {
      if (!safeEvaluate(rule.condition, context, rule.slug)) continue;
      // Claim the (event, rule) pair first: if it was fired before, nothing is applied again.
      const claimed = await tx
        .insert(ruleFirings)
        .values({ eventId: event.id, ruleId: rule.id, customerId: event.customerId, orderRef: event.orderRef })
        .onConflictDoNothing()
        .returning({ ruleId: ruleFirings.ruleId });
      if (claimed.length === 0) continue;
      const applied: Applied[] = [];
      for (const outcome of outcomes)
        applied.push(await applyOutcome(tx, outcome, { rule, event, settings, now: clock.now }));
      await tx
        .update(ruleFirings)
        .set({ applied })
        .where(and(eq(ruleFirings.eventId, event.id), eq(ruleFirings.ruleId, rule.id)));
      fired.push(rule.slug);
    }
  }
  if (order) {
    // After the rules, so that a paid event processed after its refund (two sweeps racing)
    // still has what it just granted taken back in proportion.
    if (reversedMinor(order) > 0) await reverseOrderEarnings(tx, order, clock.now);
    await recomputeTier(tx, order.customerId, settings, clock.now, event.id);
  }
  await tx.update(events).set({ processedAt: clock.now }).where(eq(events.id, event.id));
  return { eventId: event.id, type: event.type, fired };
}

/**
 * What every store gets without writing a rule: on a payment, the tier bonus, the
 * referral verdict, bonus-points rewards and reminder recovery; on payments and refunds, reversals and the tier (after the rules).
 * The order row stays locked: every event of one order is processed one at a time.
 */
async function builtInBefore(
  tx: EngageDb,
  event: EngageEvent,
  settings: EngageSettings,
  now: Date,
): Promise<OrderReward | null> {
  if ((event.type !== "order.paid" && event.type !== "order.refunded") || !event.orderRef) return null;
  const [order] = await tx.select().from(orderRewards).where(eq(orderRewards.orderRef, event.orderRef)).for("update");
  if (!order) return null;
  if (event.type === "order.paid") {
    await grantTierBonus(tx, order, settings);
    await judgeReferral(tx, order, now);
    // A bonus-points reward used on this order pays out, and a reminder clicked in the week
    // before counts the order as recovered (and stops the shopper's remaining reminders).
    await creditBonusRewards(tx, order.orderRef, { paidBy: order.customerId, settings });
    await recordRecoveries(tx, { orderRef: order.orderRef, now });
  }
  return order;
}

function safeEvaluate(condition: unknown, context: object, slug: string): boolean {
  try {
    return evaluateCondition(condition, context);
  } catch (err) {
    console.warn(
      `[playcart] rule ${slug}: condition failed (${err instanceof Error ? err.message : String(err)}); not fired`,
    );
    return false;
  }
}

export const pendingEventCount = async (db: EngageDb) =>
  Number(
    (await db.select({ n: sql<number>`count(*)::int` }).from(events).where(isNull(events.processedAt)))[0]?.n ?? 0,
  );

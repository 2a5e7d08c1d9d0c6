// Attribution: a reminder click, and an order paid within 7 days of it, which counts as
// recovered for the click's campaign with the order's revenue. Both are derived from the
// event log (order.paid is written by the payment webhook), so they converge whenever run.
import { and, eq, type SQL, sql } from "drizzle-orm";
import { type EngageDb, rowsOf } from "../core/db.ts";
import { identityKeys } from "../core/identity.ts";
import { reminders, rewards, trackedCarts } from "../core/schema.ts";
import { recordEvent } from "../engine/index.ts";

export const RECOVERY_WINDOW_DAYS = 7;

export const REMINDER_DISCOUNT_VALID_DAYS = 7;

/**
 * Records a click on a reminder's link (once per reminder) and returns the cart it
 * restores, or null for an unknown reminder. `sessionRef` is the browser that clicked. The
 * first click on a step that carries a discount issues it, as a reward on this order for
 * that browser (the store's checkout applies it like a game prize).
 */
export async function recordReminderClick(
  db: EngageDb,
  input: { reminderId: number; cartRef: string; sessionRef: string | null; now: Date },
) {
  const [row] = await db
    .select({
      cart: trackedCarts,
      sequenceId: reminders.sequenceId,
      step: reminders.step,
      discountPercent: reminders.discountPercent,
    })
    .from(reminders)
    .innerJoin(trackedCarts, eq(trackedCarts.cartRef, reminders.cartRef))
    .where(and(eq(reminders.id, input.reminderId), eq(reminders.cartRef, input.cartRef)));
  if (!row) return null;
  const first = await recordEvent(db, {
    type: "reminder.clicked",
    key: String(input.reminderId),
    customerId: row.cart.customerId,
    sessionRef: input.sessionRef,
    campaignId: row.sequenceId,
    valueMinor: row.cart.valueMinor,
    payload: { step: row.step, cartRef: row.cart.cartRef },
    occurredAt: input.now,
  });
  if (first !== null && row.discountPercent && input.sessionRef) {
    await db.insert(rewards).values({
      customerId: row.cart.customerId,
      sessionRef: input.sessionRef,
      identityKeys: identityKeys({ deviceId: input.sessionRef }),
      label: `${row.discountPercent}% off: welcome back`,
      rewardType: "percent_off",
      rewardValue: row.discountPercent,
      scope: "this_order",
      expiresAt: new Date(input.now.getTime() + REMINDER_DISCOUNT_VALID_DAYS * 86_400_000),
    });
  }
  return { cart: row.cart, sequenceId: row.sequenceId };
}

/**
 * Records order.recovered for paid orders (all, or one) made within 7 days after a reminder
 * click by the same customer, attributed to the latest such click's campaign. Also stops the
 * customer's reminders still scheduled. Idempotent. Returns how many orders it recorded now.
 */
export async function recordRecoveries(
  db: EngageDb,
  opts: { orderRef?: string; sinceDays?: number; now: Date },
): Promise<number> {
  return rowsOf<{ order_ref: string }>(await db.execute(recoveriesQuery(opts))).length;
}

/** recordRecoveries' one statement (exported for its plan test). */
export function recoveriesQuery(opts: { orderRef?: string; sinceDays?: number; now: Date }): SQL {
  // One order (the rules engine, on its order.paid event): found by the event's key, which
  // is unique and indexed. By order_ref alone, Postgres read every paid order's event (no index
  // leads with it), so each payment's sweep took longer than the one before.
  const only = opts.orderRef
    ? sql`AND p.event_key = ${`order.paid:${opts.orderRef}`} AND p.order_ref = ${opts.orderRef}`
    : sql`AND p.occurred_at >= ${opts.now.toISOString()}::timestamptz - make_interval(days => ${opts.sinceDays ?? 8})`;
  return sql`
      WITH paid AS (
        SELECT p.order_ref, p.customer_id, p.value_minor, p.occurred_at FROM playcart_events p
        WHERE p.type = 'order.paid' AND p.customer_id IS NOT NULL ${only}
      ), stopped AS (
        UPDATE playcart_reminders r SET status = 'cancelled', outcome = 'purchased'
        FROM playcart_carts c, paid
        WHERE r.cart_ref = c.cart_ref AND c.customer_id = paid.customer_id AND r.status = 'scheduled'
          AND c.activity_at <= paid.occurred_at
      ), attributed AS (
        SELECT DISTINCT ON (paid.order_ref) paid.*, k.campaign_id, k.id AS click_id
        FROM paid JOIN playcart_events k
          ON k.type = 'reminder.clicked' AND k.customer_id = paid.customer_id
         AND k.occurred_at <= paid.occurred_at AND k.occurred_at > paid.occurred_at - make_interval(days => ${RECOVERY_WINDOW_DAYS})
        ORDER BY paid.order_ref, k.occurred_at DESC
      )
      INSERT INTO playcart_events (event_key, type, customer_id, order_ref, campaign_id, value_minor, payload, occurred_at)
      SELECT 'order.recovered:' || order_ref, 'order.recovered', customer_id, order_ref, campaign_id, value_minor,
             jsonb_build_object('clickEventId', click_id), occurred_at
      FROM attributed
      ON CONFLICT (event_key) DO NOTHING
      RETURNING order_ref`;
}

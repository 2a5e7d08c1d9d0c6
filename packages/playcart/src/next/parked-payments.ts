// Refunds and disputes that reach Playcart before the payment they reverse.
//
// Stripe does not order its deliveries, and a delayed payment method (a bank debit) confirms
// days after the checkout, so a charge.refunded or a dispute can arrive before Playcart has
// recorded the order paid. Answering non-2xx until the payment arrives would make Stripe
// retry, but only for three days, and for a payment Playcart never records (an order placed
// before Playcart was installed, a payment whose amount did not match the order) it would
// fail every delivery until Stripe gives up, losing the refund anyway and flagging the
// endpoint. So the refund or dispute is parked instead, in the same transaction that consumes
// its event id, under each key that names its payment (the PaymentIntent, the order), and
// recording the payment applies whatever was parked for it. Parking and paying take the same
// transaction-scoped advisory locks, so a refund racing its payment is never missed by both.
import { sql } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import { type DisputeStatus, events } from "../core/schema.ts";

export type PaymentNames = { orderRef?: string | null; paymentRef?: string | null };

const namesOf = (n: PaymentNames) =>
  [n.paymentRef ? `pi:${n.paymentRef}` : null, n.orderRef ? `order:${n.orderRef}` : null].filter(
    (k): k is string => k !== null,
  );

/** Serialises the refunds, disputes and payment of one payment until the transaction ends. */
export async function lockPayment(db: EngageDb, names: PaymentNames): Promise<void> {
  // Always in the same order, so two transactions locking both names cannot deadlock.
  for (const name of namesOf(names).sort()) {
    await db.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`playcart:payment:${name}`}, 0))`);
  }
}

const parkedRow = (key: string, payload: Record<string, unknown>, at: Date) => ({
  eventKey: key,
  type: "payment.parked",
  payload,
  occurredAt: at,
  // Not a rule's business: the engine never sees it.
  processedAt: at,
});

/** Keeps the largest cumulative refund seen for the payment. False if it names no payment. */
export async function parkRefund(
  db: EngageDb,
  names: PaymentNames,
  amountRefundedMinor: number,
  at: Date,
): Promise<boolean> {
  const keys = namesOf(names);
  for (const name of keys) {
    await db
      .insert(events)
      .values(parkedRow(`parked:refund:${name}`, { amountRefundedMinor }, at))
      .onConflictDoUpdate({
        target: events.eventKey,
        set: {
          payload: sql`jsonb_build_object('amountRefundedMinor', greatest((${events.payload}->>'amountRefundedMinor')::int, ${amountRefundedMinor}::int))`,
        },
      });
  }
  return keys.length > 0;
}

/** Keeps the dispute's latest status; a closed dispute ("won", "lost") stays closed. */
export async function parkDispute(db: EngageDb, names: PaymentNames, status: DisputeStatus, at: Date) {
  const keys = namesOf(names);
  for (const name of keys) {
    await db
      .insert(events)
      .values(parkedRow(`parked:dispute:${name}`, { status }, at))
      .onConflictDoUpdate({
        target: events.eventKey,
        set: {
          payload: sql`CASE WHEN ${events.payload}->>'status' IN ('won', 'lost') THEN ${events.payload} ELSE excluded.payload END`,
        },
      });
  }
  return keys.length > 0;
}

/** What was parked under any name of this payment. */
export async function parkedFor(
  db: EngageDb,
  names: PaymentNames,
): Promise<{ amountRefundedMinor: number; disputeStatus: DisputeStatus | null }> {
  const keys = namesOf(names).flatMap((n) => [`parked:refund:${n}`, `parked:dispute:${n}`]);
  if (keys.length === 0) return { amountRefundedMinor: 0, disputeStatus: null };
  const rows = await db
    .select({ key: events.eventKey, payload: events.payload })
    .from(events)
    .where(sql`${events.eventKey} IN ${keys}`);
  let amountRefundedMinor = 0;
  let disputeStatus: DisputeStatus | null = null;
  for (const { key, payload } of rows) {
    if (key.startsWith("parked:refund:"))
      amountRefundedMinor = Math.max(amountRefundedMinor, Number(payload.amountRefundedMinor) || 0);
    else if (disputeStatus !== "won" && disputeStatus !== "lost") disputeStatus = payload.status as DisputeStatus;
  }
  return { amountRefundedMinor, disputeStatus };
}

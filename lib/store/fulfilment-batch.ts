// Payments that arrive together are fulfilled together: one statement, one commit, for every
// first payment queued while the previous statement was running. Each delivery is a durable
// commit, and under load the database's WAL flush, not the CPU, is what bounds deliveries per
// second; sharing a commit raises that bound without delaying a lone delivery (an idle queue
// is flushed at once). Anything the batch does not fulfil (already paid, a mismatch, a second
// delivery of the same order, a failed batch) comes back as null, and the caller takes the
// general, transactional path, which decides it exactly as before.
// No "server-only" marker: the Pages API webhook route imports this, and the marker resolves
// only under the App Router's react-server condition. Nothing on the client imports it.
import { sql } from "drizzle-orm";
import { executePrepared, firstPaymentCtes } from "playcart";
import type { Db } from "@/db/client";
import { carts, orders, stripeEvents } from "@/db/schema";

export type FirstPayment = {
  orderId: string;
  amountTotal: number;
  currency: string;
  paymentIntentId: string | null;
  stripeSessionId: string;
  eventId: string;
  eventType: string;
};

type Waiting = FirstPayment & { done: (fulfilled: boolean) => void };

// Postgres prepares one statement per batch size; past this, the next batch takes the rest.
const MAX_BATCH = 32;

class FulfilmentQueue {
  private waiting: Waiting[] = [];
  private flushing = false;

  constructor(private readonly db: Db) {}

  fulfil(payment: FirstPayment): Promise<boolean> {
    return new Promise((done) => {
      this.waiting.push({ ...payment, done });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush() {
    this.flushing = true;
    try {
      while (this.waiting.length > 0) {
        // One currency per statement (the points rate is per currency); the rest wait a turn.
        const currency = this.waiting[0].currency;
        const taken = this.waiting.filter((w) => w.currency === currency).slice(0, MAX_BATCH);
        this.waiting = this.waiting.filter((w) => !taken.includes(w));
        // A second delivery of an event already in this batch must not share the first's
        // answer (both would say "applied"): it takes the general path, which records it as
        // the duplicate it is, whichever of the two reaches the order first.
        const eventIds = new Set<string>();
        const batch: Waiting[] = [];
        for (const w of taken) {
          if (eventIds.has(w.eventId)) w.done(false);
          else {
            eventIds.add(w.eventId);
            batch.push(w);
          }
        }
        let fulfilled = new Set<string>();
        try {
          fulfilled = await fulfilBatch(this.db, currency, batch);
        } catch (err) {
          // A deadlock or any other failure: nothing of the batch was written; each delivery
          // takes the general path on its own.
          console.warn(
            `[playcart] ${batch.length} payment(s) fall back to one transaction each: ${err instanceof Error ? err.message : err}`,
          );
        }
        for (const w of batch) w.done(fulfilled.has(`${w.orderId} ${w.eventId}`));
      }
    } finally {
      this.flushing = false;
    }
  }
}

const queues = new WeakMap<object, FulfilmentQueue>();

/** Fulfils a first payment in the next shared statement; false when it was not fulfilled there. */
export function fulfilFirstPayment(db: Db, payment: FirstPayment): Promise<boolean> {
  let queue = queues.get(db);
  if (!queue) {
    queue = new FulfilmentQueue(db);
    queues.set(db, queue);
  }
  return queue.fulfil(payment);
}

/** One statement for the batch; returns "order event" keys of the payments it fulfilled. */
async function fulfilBatch(db: Db, currency: string, batch: FirstPayment[]): Promise<Set<string>> {
  const now = new Date().toISOString();
  const values = sql.join(
    batch.map(
      (p) =>
        sql`(${p.orderId}::uuid, ${p.amountTotal}::int, ${p.paymentIntentId}::text, ${p.stripeSessionId}::text, ${p.eventId}::text, ${p.eventType}::text)`,
    ),
    sql`, `,
  );
  const rows = await executePrepared<{ id: string; event_id: string }>(
    db,
    sql`
      WITH input AS (
        -- A second delivery of one order in the same batch is left to the general path.
        SELECT DISTINCT ON (order_id) * FROM (VALUES ${values}) AS v(order_id, amount, payment_intent_id, session_id, event_id, event_type)
      ), paid AS (
        UPDATE ${orders} o
        SET status = 'paid', paid_at = ${now}, updated_at = ${now}, stripe_session_id = i.session_id,
            payment_intent_id = coalesce(i.payment_intent_id, o.payment_intent_id), review_reason = NULL
        FROM input i
        WHERE o.id = i.order_id AND o.status IN ('pending', 'processing') AND o.total_minor = i.amount
          AND o.currency = ${currency} AND o.amount_refunded_minor = 0 AND o.dispute_status IS NULL
        RETURNING o.id, o.cart_id, o.email, o.user_id, o.total_minor, o.session_id, i.event_id, i.event_type
      ), closed AS (
        UPDATE ${carts} SET status = 'converted', updated_at = ${now} FROM paid WHERE ${carts}.id = paid.cart_id
      ), paid_orders AS (
        SELECT id::text AS order_ref, email, user_id AS user_ref, total_minor AS amount_minor, session_id AS session_ref,
               ${now}::timestamptz AS paid_at
        FROM paid
      ), ${firstPaymentCtes(currency, { redeemReservedRewards: true })},
      recorded AS (
        INSERT INTO ${stripeEvents} (id, type, outcome, order_id) SELECT event_id, event_type, 'fulfilled', id FROM paid
      )
      SELECT id, event_id FROM paid`,
  );
  return new Set(rows.map((r) => `${r.id} ${r.event_id}`));
}

// The webhook bench's requests: every one a distinct, freshly signed
// checkout.session.completed for a distinct pending order (pre-created in bulk), so each does
// the full fulfilment: claim the event, lock and update the order and cart, upsert the
// customer, award points. Beside it, GET /api/health/pages: the health check on the same
// router (a Pages API route).
import { sql } from "drizzle-orm";
import { rowsOf } from "playcart";
import type { Db } from "@/db/client";
import { checkoutSession, type OrderRef, sign, stripeEvent } from "../test/support/stripe-events";
import { request } from "./http-client";
import type { Outcome, Send } from "./load";

/** `n` pending orders, one cart and one distinct shopper each, in one set-based statement. */
export async function createPendingOrders(db: Db, n: number): Promise<OrderRef[]> {
  const rows = rowsOf<{ id: string; total_minor: number; currency: string; email: string; payment_intent_id: string }>(
    await db.execute(sql`
      WITH c AS (
        INSERT INTO carts (session_id, email)
        SELECT 'bench_' || g, 'bench-' || g || '@playcart.test' FROM generate_series(1, ${n}::int) g
        RETURNING id, session_id, email
      )
      INSERT INTO orders (cart_id, session_id, email, currency, subtotal_minor, total_minor, payment_intent_id)
      SELECT c.id, c.session_id, c.email, 'usd', t.total, t.total, 'pi_bench_' || replace(c.id::text, '-', '')
      FROM c, LATERAL (SELECT 500 + (abs(hashtext(c.session_id)) % 20000) AS total) t
      RETURNING id, total_minor, currency, email, payment_intent_id`),
  );
  return rows.map((r) => ({
    id: r.id,
    totalMinor: Number(r.total_minor),
    currency: r.currency,
    email: r.email,
    paymentIntentId: r.payment_intent_id,
  }));
}

const signFor = (order: OrderRef) => sign(stripeEvent("checkout.session.completed", checkoutSession(order)));

/**
 * One signed delivery per order, in order. Events are built and signed before a timed run
 * (`prepare`): on two cores the load generator shares the CPU with the server, and signing
 * inside the request loop would charge the webhook for the client's work. Past the prepared
 * ones, a delivery is signed when sent. Signatures stay well inside Stripe's 5-minute tolerance.
 */
export class Deliveries {
  /** Prepared deliveries by order index. */
  private readonly signed = new Map<number, { payload: string; header: string }>();
  /** Deliveries sent so far. */
  sent = 0;
  /** Answers by "status outcome" ("200 applied/fulfilled", ...), for the report. */
  readonly outcomes = new Map<string, number>();

  constructor(private readonly orders: OrderRef[]) {}

  /** Signs the next `n` orders' deliveries, beyond those already prepared. */
  prepare(n: number) {
    let i = this.sent;
    while (this.signed.has(i)) i++;
    for (const end = Math.min(i + n, this.orders.length); i < end; i++) this.signed.set(i, signFor(this.orders[i]));
  }

  send(baseUrl: string): Send {
    return async (): Promise<Outcome> => {
      const i = this.sent++;
      const order = this.orders[i];
      if (!order) throw new Error(`ran out of pre-created orders after ${this.orders.length}; raise BENCH_ORDERS`);
      const { payload, header } = this.signed.get(i) ?? signFor(order);
      this.signed.delete(i);
      const res = await request(`${baseUrl}/api/stripe/webhook`, {
        method: "POST",
        headers: { "content-type": "application/json", "stripe-signature": header },
        body: payload,
      });
      let key = String(res.status);
      try {
        const parsed = JSON.parse(res.body) as { status?: string; outcome?: string };
        key = `${res.status} ${parsed.status ?? ""}${parsed.outcome ? `/${parsed.outcome}` : ""}`;
      } catch {
        // not JSON
      }
      this.outcomes.set(key, (this.outcomes.get(key) ?? 0) + 1);
      return { status: res.status, outcome: "ok" };
    };
  }
}

/** GET /api/health/pages: a Pages API route, one `select 1` through the app's db client. */
export function pagesHealthSend(baseUrl: string): Send {
  return async () => {
    const res = await request(`${baseUrl}/api/health/pages`);
    return { status: res.status, outcome: "ok" };
  };
}

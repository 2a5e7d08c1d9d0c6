// A first payment, the write on every checkout's webhook, as SQL a host can run inside its
// own statement: customer (one per person: playcart_person_key, see core/identity.ts), Playcart's order record, the earn entry and (optionally) the
// reward the order reserved, with the earn rate read in the same query.
import { type SQL, sql } from "drizzle-orm";
import { type EngageDb, rowsOf } from "../core/db.ts";
import { currencyExponent } from "../core/money.ts";
import { customers, engageSettings, events, ledgerEntries, orderRewards, pointLots, rewards } from "../core/schema.ts";
import { DEFAULT_SETTINGS } from "../core/settings.ts";

/**
 * CTEs (without the leading WITH) that read a CTE named `paid_orders(order_ref text, email
 * text, user_ref text, amount_minor int, session_ref text, paid_at timestamptz)` defined
 * before them (session_ref: the shopper session that placed it, so KPIs can tie a payment to
 * the game it was offered; paid_at: the host's clock, never the database's), all paid in
 * `currency`. They
 * define `pc_reward(order_ref, customer_id, points_base, amount_paid_minor)`: one row per
 * order recorded now, with its `order.paid` event; an order recorded before gets no row and
 * no entries (the general path converges it).
 */
export function firstPaymentCtes(currency: string, opts: { redeemReservedRewards: boolean }): SQL {
  const code = currency.toLowerCase();
  const scale = 100 * 10 ** currencyExponent(code);
  const redeem = opts.redeemReservedRewards
    ? sql`, pc_redeemed AS (
        UPDATE ${rewards} r SET status = 'redeemed', redeemed_at = po.paid_at
        FROM paid_orders po WHERE r.order_ref = po.order_ref AND r.status = 'reserved'
        RETURNING r.id, r.customer_id, r.session_ref, r.campaign_id, r.order_ref, po.paid_at
      ), pc_redeemed_event AS (
        INSERT INTO ${events} (event_key, type, customer_id, session_ref, order_ref, campaign_id, occurred_at)
        SELECT 'reward.redeemed:' || id, 'reward.redeemed', customer_id, session_ref, order_ref, campaign_id, paid_at FROM pc_redeemed
        ON CONFLICT (event_key) DO NOTHING
      )`
    : sql``;
  const setting = (key: string, type: "numeric" | "int", fallback: number) =>
    sql`coalesce((SELECT (value #>> '{}')::${sql.raw(type)} FROM ${engageSettings} WHERE key = ${key}), ${fallback})`;
  return sql`pc_rate AS (
      SELECT ${setting("earnRate", "numeric", DEFAULT_SETTINGS.earnRate)} AS earn_rate,
             ${setting("returnWindowDays", "int", DEFAULT_SETTINGS.returnWindowDays)} AS window_days,
             ${setting("pointsExpiryDays", "int", DEFAULT_SETTINGS.pointsExpiryDays)} AS expiry_days,
             ${setting("pointValueMinor", "numeric", DEFAULT_SETTINGS.pointValueMinor)} AS point_value
    ), pc_customer AS (
      INSERT INTO ${customers} (email, user_ref)
      SELECT DISTINCT ON (playcart_person_key(email)) playcart_person_key(email), user_ref FROM paid_orders
      ON CONFLICT (email) DO UPDATE SET user_ref = coalesce(${customers}.user_ref, excluded.user_ref)
      RETURNING id, email
    ), pc_reward AS (
      INSERT INTO ${orderRewards} (order_ref, customer_id, currency, amount_paid_minor, points_base, paid_at)
      SELECT po.order_ref, c.id, ${code}, po.amount_minor,
             floor(po.amount_minor::numeric * round(r.earn_rate * 100) / ${scale})::int, po.paid_at
      FROM paid_orders po JOIN pc_customer c ON c.email = playcart_person_key(po.email) CROSS JOIN pc_rate r
      ON CONFLICT (order_ref) DO NOTHING
      RETURNING order_ref, customer_id, points_base, amount_paid_minor
    ), pc_paid_event AS (
      INSERT INTO ${events} (event_key, type, customer_id, session_ref, order_ref, value_minor, occurred_at)
      SELECT 'order.paid:' || r.order_ref, 'order.paid', r.customer_id, po.session_ref, r.order_ref, r.amount_paid_minor, po.paid_at
      FROM pc_reward r JOIN paid_orders po ON po.order_ref = r.order_ref
      ON CONFLICT (event_key) DO NOTHING
    ), pc_earn AS (
      INSERT INTO ${ledgerEntries} (customer_id, account, delta, kind, reason, source_key, order_ref)
      SELECT customer_id, CASE WHEN r.window_days > 0 THEN 'pending' ELSE 'available' END, points_base, 'earn',
             'Order ' || upper(left(order_ref, 8)) || ' paid', 'order:' || order_ref || ':earn', order_ref
      FROM pc_reward CROSS JOIN pc_rate r WHERE points_base > 0
      RETURNING id, customer_id, account, delta, order_ref
    ), pc_lot AS (
      -- The earn's lot, on the terms of ledger/point-lots.ts lotTermsFor.
      INSERT INTO ${pointLots} (customer_id, account, entry_id, order_ref, points, value_minor_per_point, earned_at, expires_at, releases_at)
      SELECT e.customer_id, e.account, e.id, e.order_ref, e.delta, r.point_value, po.paid_at,
             CASE WHEN r.expiry_days > 0 THEN po.paid_at + r.expiry_days * interval '86400 seconds' END,
             CASE WHEN r.window_days > 0 THEN po.paid_at + r.window_days * interval '86400 seconds' END
      FROM pc_earn e JOIN paid_orders po ON po.order_ref = e.order_ref CROSS JOIN pc_rate r
    )${redeem}`;
}

/** One paid order through firstPaymentCtes; null if it was already recorded. */
export async function recordFirstPayment(
  db: EngageDb,
  paid: {
    orderRef: string;
    email: string;
    userRef?: string | null;
    sessionRef?: string | null;
    amountPaidMinor: number;
    currency: string;
    paidAt: Date;
  },
): Promise<number | null> {
  const rows = rowsOf<{ points: number }>(
    await db.execute(sql`
      WITH paid_orders AS (
        SELECT ${paid.orderRef}::text AS order_ref, ${paid.email}::text AS email, ${paid.userRef ?? null}::text AS user_ref, ${paid.amountPaidMinor}::int AS amount_minor,
               ${paid.sessionRef ?? null}::text AS session_ref, ${paid.paidAt.toISOString()}::timestamptz AS paid_at
      ), ${firstPaymentCtes(paid.currency, { redeemReservedRewards: false })}
      SELECT points_base AS points FROM pc_reward`),
  );
  return rows.length === 1 ? Number(rows[0].points) : null;
}

// Orders to pay and the database state the webhook tests assert on.
import { randomBytes, randomUUID } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { customers, ledgerEntries, orderRewards, pointBalances } from "playcart/schema";
import type { Db } from "@/db/client";
import { carts, orderItems, orders, products, stripeEvents } from "@/db/schema";
import type { OrderRef } from "./stripe-events";

export type TestOrder = OrderRef & { cartId: string; paymentIntentId: string | null };

/**
 * Pending orders, each on its own open cart with one catalog line (the catalog must be
 * seeded). `withPaymentIntent` gives each a payment_intent_id up front, as test-mode
 * payments do, so charge and dispute events that beat checkout.session.completed find it.
 */
export async function createOrders(
  db: Db,
  count: number,
  opts: { email?: (i: number) => string; withPaymentIntent?: boolean; quantity?: (i: number) => number } = {},
): Promise<TestOrder[]> {
  const catalog = await db.select().from(products).orderBy(asc(products.slug));
  if (catalog.length === 0) throw new Error("createOrders: the catalog is empty; call seed(db) first");
  const rows = Array.from({ length: count }, (_, i) => {
    const product = catalog[i % catalog.length];
    const quantity = opts.quantity?.(i) ?? 1 + (i % 3);
    const total = product.priceMinor * quantity;
    const id = randomUUID();
    return {
      product,
      quantity,
      cart: { id: randomUUID(), sessionId: `sid_${randomBytes(8).toString("hex")}`, status: "open" as const },
      order: {
        id,
        email: opts.email?.(i) ?? `shopper-${id.slice(0, 8)}@playcart.test`,
        currency: "usd",
        subtotalMinor: total,
        totalMinor: total,
        paymentIntentId: opts.withPaymentIntent === false ? null : `pi_test_${id.replace(/-/g, "")}`,
      },
    };
  });
  await db.transaction(async (tx) => {
    await tx.insert(carts).values(rows.map((r) => ({ ...r.cart, email: r.order.email })));
    await tx.insert(orders).values(rows.map((r) => ({ ...r.order, cartId: r.cart.id, sessionId: r.cart.sessionId })));
    await tx.insert(orderItems).values(
      rows.map((r) => ({
        orderId: r.order.id,
        productId: r.product.id,
        productName: r.product.name,
        unitPriceMinor: r.product.priceMinor,
        quantity: r.quantity,
      })),
    );
  });
  return rows.map((r) => ({ ...r.order, cartId: r.cart.id }));
}

export async function orderRow(db: Db, id: string) {
  const [row] = await db.select().from(orders).where(eq(orders.id, id));
  return row;
}

export async function cartStatus(db: Db, cartId: string) {
  const [row] = await db.select({ status: carts.status }).from(carts).where(eq(carts.id, cartId));
  return row?.status;
}

export async function ledgerForOrder(db: Db, orderId: string) {
  return db
    .select({
      account: ledgerEntries.account,
      delta: ledgerEntries.delta,
      kind: ledgerEntries.kind,
      uncollected: ledgerEntries.uncollected,
      sourceKey: ledgerEntries.sourceKey,
    })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.orderRef, orderId))
    .orderBy(asc(ledgerEntries.id));
}

export async function rewardRow(db: Db, orderId: string) {
  const [row] = await db.select().from(orderRewards).where(eq(orderRewards.orderRef, orderId));
  return row;
}

/**
 * The customer's available and held balances ({available: 0, held: 0} when unknown). The
 * suites using it run without a return window, so points pending there are a failure.
 */
export async function balancesByEmail(db: Db, email: string) {
  const rows = await db
    .select({ account: pointBalances.account, balance: pointBalances.balance })
    .from(pointBalances)
    .innerJoin(customers, eq(customers.id, pointBalances.customerId))
    .where(eq(customers.email, email.toLowerCase()));
  const out = { available: 0, held: 0, pending: 0 };
  for (const r of rows) out[r.account] = r.balance;
  const { pending, ...released } = out;
  if (pending !== 0) throw new Error(`${email} has ${pending} points pending: set returnWindowDays to 0 in this suite`);
  return released;
}

export async function stripeEventRows(db: Db, id?: string) {
  const q = db.select().from(stripeEvents);
  return id ? q.where(eq(stripeEvents.id, id)) : q;
}

/** Row counts of everything a webhook may write, plus every order's status, for "nothing written". */
export async function snapshot(db: Db) {
  const count = async (table: PgTable) => (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n;
  return {
    stripeEvents: await count(stripeEvents),
    ledgerEntries: await count(ledgerEntries),
    orderRewards: await count(orderRewards),
    customers: await count(customers),
    balances: await db.select().from(pointBalances).orderBy(asc(pointBalances.customerId), asc(pointBalances.account)),
    orders: await db
      .select({
        id: orders.id,
        status: orders.status,
        refunded: orders.amountRefundedMinor,
        dispute: orders.disputeStatus,
        review: orders.reviewReason,
        pi: orders.paymentIntentId,
        session: orders.stripeSessionId,
        updatedAt: orders.updatedAt,
      })
      .from(orders)
      .orderBy(asc(orders.id)),
    carts: await db.select({ id: carts.id, status: carts.status }).from(carts).orderBy(asc(carts.id)),
  };
}

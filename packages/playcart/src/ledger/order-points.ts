// Points an order earns, and their reversal on refunds and disputes.
//
// Each payment event only updates Playcart's view of the order (playcart_order_rewards);
// syncOrderPoints then posts whatever the ledger still lacks to match that view. So events
// may arrive in any order, any number of times, and the ledger converges to the same state.
import { eq, sql } from "drizzle-orm";
import { ensureCustomer } from "../core/customers.ts";
import type { EngageDb } from "../core/db.ts";
import { clawbackFor, pointsFor } from "../core/money.ts";
import { type DisputeStatus, ledgerEntries, type OrderReward, orderRewards } from "../core/schema.ts";
import { getSettings } from "../core/settings.ts";
import { recordEvent } from "../engine/index.ts";
import { recordFirstPayment } from "./first-payment.ts";
import { lockBalance, postEntry } from "./ledger.ts";
import { lotTermsFor } from "./point-lots.ts";

export type OrderPaid = {
  orderRef: string;
  email: string;
  userRef?: string | null;
  /** The shopper session that placed the order (ties the payment to games it was offered). */
  sessionRef?: string | null;
  amountPaidMinor: number;
  currency: string;
  /** Refunds or disputes the host saw before the payment (events out of order). */
  amountRefundedMinor?: number;
  disputeStatus?: DisputeStatus | null;
  /** When the host saw the payment (its clock, not the database's). */
  paidAt: Date;
};

/** Records a paid order and awards its points. Returns the points it earned. */
export async function recordOrderPaid(db: EngageDb, paid: OrderPaid): Promise<number> {
  if (!paid.amountRefundedMinor && !paid.disputeStatus) {
    const points = await recordFirstPayment(db, paid);
    if (points !== null) return points;
  }
  const customer = await ensureCustomer(db, { email: paid.email, userRef: paid.userRef });
  const { earnRate } = await getSettings(db);
  await db
    .insert(orderRewards)
    .values({
      orderRef: paid.orderRef,
      customerId: customer.id,
      currency: paid.currency,
      amountPaidMinor: paid.amountPaidMinor,
      amountRefundedMinor: Math.min(paid.amountRefundedMinor ?? 0, paid.amountPaidMinor),
      pointsBase: pointsFor(paid.amountPaidMinor, paid.currency, earnRate),
      disputeStatus: paid.disputeStatus ?? null,
      paidAt: paid.paidAt,
    })
    .onConflictDoNothing();
  await recordEvent(db, {
    type: "order.paid",
    key: paid.orderRef,
    customerId: customer.id,
    sessionRef: paid.sessionRef ?? null,
    orderRef: paid.orderRef,
    valueMinor: paid.amountPaidMinor,
    occurredAt: paid.paidAt,
  });
  const reward = await syncOrderPoints(db, paid.orderRef);
  return reward?.pointsBase ?? 0;
}

/** A refund, given as the charge's cumulative amount_refunded; stale values change nothing. */
export async function recordOrderRefund(
  db: EngageDb,
  orderRef: string,
  amountRefundedMinor: number,
  now: Date,
): Promise<void> {
  await db
    .update(orderRewards)
    .set({
      amountRefundedMinor: sql`least(${orderRewards.amountPaidMinor}, greatest(${orderRewards.amountRefundedMinor}, ${amountRefundedMinor}))`,
      updatedAt: new Date(),
    })
    .where(eq(orderRewards.orderRef, orderRef));
  const order = await syncOrderPoints(db, orderRef);
  // One event per new cumulative amount: a stale or replayed refund records nothing.
  if (order && order.amountRefundedMinor > 0) {
    await recordEvent(db, {
      type: "order.refunded",
      key: `${orderRef}:${order.amountRefundedMinor}`,
      customerId: order.customerId,
      orderRef,
      valueMinor: order.amountRefundedMinor,
      payload: {
        amountPaidMinor: order.amountPaidMinor,
        fullyRefunded: order.amountRefundedMinor >= order.amountPaidMinor,
      },
      occurredAt: now,
    });
  }
}

/**
 * Dispute opened ("open") or closed ("won" or "lost"). A closed dispute stays closed. A lost
 * one is recorded as the order's refund in full (an order.refunded event), so the engine
 * reverses what the order earned beyond its base points exactly as a full refund would.
 */
export async function recordOrderDispute(
  db: EngageDb,
  orderRef: string,
  status: DisputeStatus,
  now: Date = new Date(),
): Promise<void> {
  const transition =
    status === "open"
      ? sql`CASE WHEN ${orderRewards.disputeStatus} IS NULL THEN 'open' ELSE ${orderRewards.disputeStatus} END`
      : sql`CASE WHEN ${orderRewards.disputeStatus} IN ('won', 'lost') THEN ${orderRewards.disputeStatus} ELSE ${status} END`;
  await db
    .update(orderRewards)
    .set({ disputeStatus: transition, updatedAt: new Date() })
    .where(eq(orderRewards.orderRef, orderRef));
  const order = await syncOrderPoints(db, orderRef);
  // Already refunded in full: that refund's event reversed everything; nothing is left.
  if (order?.disputeStatus === "lost" && order.amountRefundedMinor < order.amountPaidMinor) {
    await recordEvent(db, {
      type: "order.refunded",
      key: `${orderRef}:dispute-lost`,
      customerId: order.customerId,
      orderRef,
      valueMinor: order.amountPaidMinor,
      payload: { amountPaidMinor: order.amountPaidMinor, fullyRefunded: true, disputeLost: true },
      occurredAt: now,
    });
  }
}

type Posted = { earned: number; clawed: number; held: number; pending: number; heldEver: boolean; lost: boolean };

async function postedFor(db: EngageDb, orderRef: string): Promise<Posted> {
  const rows = await db
    .select({
      kind: ledgerEntries.kind,
      account: ledgerEntries.account,
      delta: sql<number>`sum(${ledgerEntries.delta})::int`,
      uncollected: sql<number>`sum(${ledgerEntries.uncollected})::int`,
    })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.orderRef, orderRef))
    .groupBy(ledgerEntries.kind, ledgerEntries.account);
  const p: Posted = { earned: 0, clawed: 0, held: 0, pending: 0, heldEver: false, lost: false };
  for (const r of rows) {
    if (r.kind === "earn") p.earned += r.delta;
    if (r.kind === "clawback") p.clawed += -r.delta + r.uncollected;
    if (r.account === "held") p.held += r.delta;
    if (r.account === "pending") p.pending += r.delta;
    if (r.kind === "dispute_hold") p.heldEver = true;
    if (r.kind === "dispute_lost") p.lost = true;
  }
  return p;
}

/** Posts the entries the ledger lacks for this order. Idempotent; safe to call at any time. */
export async function syncOrderPoints(db: EngageDb, orderRef: string): Promise<OrderReward | undefined> {
  // The row lock serialises every event for one order.
  const [order] = await db.select().from(orderRewards).where(eq(orderRewards.orderRef, orderRef)).for("update");
  if (!order) return undefined;
  const key = (suffix: string) => `order:${orderRef}:${suffix}`;
  const base = { customerId: order.customerId, orderRef };
  // The release job moves pending points under this lock: taken before reading what the
  // order still has pending, a release cannot slip between the read and the clawback.
  await lockBalance(db, order.customerId, "pending");
  let posted = await postedFor(db, orderRef);

  if (posted.earned === 0 && order.pointsBase > 0) {
    const settings = await getSettings(db);
    // Pending until the return window closes (releasePendingPoints), unless there is none.
    const pending = settings.returnWindowDays > 0;
    await postEntry(db, {
      ...base,
      account: pending ? "pending" : "available",
      delta: order.pointsBase,
      kind: "earn",
      reason: `Order ${short(orderRef)} paid`,
      sourceKey: key("earn"),
      lot: lotTermsFor(settings, order.paidAt, { pending }),
    });
    posted = await postedFor(db, orderRef);
  }

  const clawTarget = clawbackFor(order.pointsBase, order.amountPaidMinor, order.amountRefundedMinor);
  // A lost dispute already removed every point the order still had: nothing is left to claw.
  const owed = posted.lost ? 0 : clawTarget - posted.clawed;
  if (owed > 0) {
    // Points still pending are this order's and were never spendable: the refund takes them
    // first, so a refund inside the return window never reaches the balance.
    const fromPending = Math.min(owed, posted.pending);
    if (fromPending > 0) {
      await postEntry(db, {
        ...base,
        account: "pending",
        delta: -fromPending,
        kind: "clawback",
        reason: `Refund on order ${short(orderRef)}`,
        sourceKey: key(`refund:${order.amountRefundedMinor}:pending`),
      });
    }
    // Points on hold for a dispute are still this order's, so the refund takes them next;
    // otherwise a dispute won later would hand back points that were refunded.
    const fromHeld = Math.min(owed - fromPending, posted.held);
    if (fromHeld > 0) {
      await postEntry(db, {
        ...base,
        account: "held",
        delta: -fromHeld,
        kind: "clawback",
        reason: `Refund on order ${short(orderRef)} (points on hold)`,
        sourceKey: key(`refund:${order.amountRefundedMinor}:held`),
      });
    }
    const rest = owed - fromPending - fromHeld;
    if (rest > 0) {
      const take = Math.min(rest, await lockBalance(db, order.customerId));
      await postEntry(db, {
        ...base,
        delta: -take,
        uncollected: rest - take,
        kind: "clawback",
        reason:
          `Refund on order ${short(orderRef)}` +
          (rest > take ? ` (${rest - take} points already spent, not reclaimed)` : ""),
        sourceKey: key(`refund:${order.amountRefundedMinor}`),
      });
    }
    posted = await postedFor(db, orderRef);
  }

  const stillOwned = Math.max(0, order.pointsBase - clawTarget);
  if (order.disputeStatus === "open" && !posted.heldEver && stillOwned > 0) {
    // The order's pending points go on hold first (they move, keeping their lots' terms),
    // then what it already released into the balance, as far as the balance still has it.
    const fromPending = Math.min(stillOwned, posted.pending);
    const take = Math.min(stillOwned - fromPending, await lockBalance(db, order.customerId));
    const reason = `Dispute opened on order ${short(orderRef)}: points on hold`;
    const moves = [
      { from: "pending" as const, points: fromPending, suffix: ":pending" },
      { from: "available" as const, points: take, suffix: "" },
    ];
    for (const m of moves) {
      if (m.points <= 0) continue;
      const out = await postEntry(db, {
        ...base,
        account: m.from,
        delta: -m.points,
        kind: "dispute_hold",
        reason,
        sourceKey: key(`dispute:hold:out${m.suffix}`),
      });
      if (!out) continue;
      await postEntry(db, {
        ...base,
        account: "held",
        delta: m.points,
        kind: "dispute_hold",
        reason,
        sourceKey: key(`dispute:hold:in${m.suffix}`),
        carry: { taken: out.taken },
      });
    }
  } else if (order.disputeStatus === "won" && posted.held > 0) {
    const reason = `Dispute on order ${short(orderRef)} closed in the store's favour: points released`;
    const out = await postEntry(db, {
      ...base,
      account: "held",
      delta: -posted.held,
      kind: "dispute_release",
      reason,
      sourceKey: key("dispute:release:out"),
    });
    if (out)
      await postEntry(db, {
        ...base,
        delta: posted.held,
        kind: "dispute_release",
        reason,
        sourceKey: key("dispute:release:in"),
        carry: { taken: out.taken },
      });
  } else if (order.disputeStatus === "lost" && !posted.lost) {
    const reason = `Dispute on order ${short(orderRef)} lost: points removed`;
    const fromPending = posted.held > 0 ? 0 : Math.min(stillOwned, posted.pending);
    if (fromPending > 0) {
      await postEntry(db, {
        ...base,
        account: "pending",
        delta: -fromPending,
        kind: "dispute_lost",
        reason,
        sourceKey: key("dispute:lost:pending"),
      });
    }
    if (posted.held > 0) {
      await postEntry(db, {
        ...base,
        account: "held",
        delta: -posted.held,
        kind: "dispute_lost",
        reason,
        sourceKey: key("dispute:lost"),
      });
    } else if (stillOwned > fromPending) {
      // Closed before we saw it open: take the order's points straight from the balance.
      const owedLost = stillOwned - fromPending;
      const take = Math.min(owedLost, await lockBalance(db, order.customerId));
      await postEntry(db, {
        ...base,
        delta: -take,
        uncollected: owedLost - take,
        kind: "dispute_lost",
        reason,
        sourceKey: key("dispute:lost"),
      });
    }
  }
  return order;
}

const short = (ref: string) => ref.slice(0, 8).toUpperCase();

/** What an order earned and what refunds and a lost dispute took back, for receipts. */
export async function orderPointsSummary(db: EngageDb, orderRef: string) {
  const [row] = await db
    .select({
      earned: sql<number>`coalesce(sum(${ledgerEntries.delta}) FILTER (WHERE ${ledgerEntries.kind} = 'earn'), 0)::int`,
      reversed: sql<number>`coalesce(-sum(${ledgerEntries.delta}) FILTER (WHERE ${ledgerEntries.kind} IN ('clawback', 'dispute_lost')), 0)::int`,
    })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.orderRef, orderRef));
  return { earned: row?.earned ?? 0, reversed: row?.reversed ?? 0 };
}

// A customer as the admin sees them, and the one change the admin makes to points: a manual
// adjustment with a reason, posted to the ledger (kind `adjust`) and audited in one transaction.
import { desc, eq, ilike, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { EngageDb } from "../core/db.ts";
import { personKey } from "../core/identity.ts";
import { customers, events, ledgerEntries, orderRewards, plays, prizes, rewards } from "../core/schema.ts";
import { balances, history, postEntry } from "../ledger/index.ts";
import { customerProfile } from "../loyalty/index.ts";
import { recordAudit } from "./audit.ts";

export async function searchCustomersByEmail(db: EngageDb, query: string, limit = 25) {
  const like = `%${query
    .trim()
    .toLowerCase()
    .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return (
    db
      .select({ id: customers.id, email: customers.email, userRef: customers.userRef })
      .from(customers)
      // Customers are kept under their person key: J.Doe+x@GoogleMail.com finds jdoe@gmail.com.
      .where(or(ilike(customers.email, like), eq(customers.email, personKey(query))))
      .orderBy(customers.email)
      .limit(limit)
  );
}

export async function customerDetail(db: EngageDb, customerId: string, now: Date) {
  const [customer] = await db.select().from(customers).where(eq(customers.id, customerId));
  if (!customer) return null;
  const [profile, balance, ledger, playRows, rewardRows, eventRows] = [
    await customerProfile(db, { email: customer.email, now }),
    await balances(db, customer.id),
    await history(db, customer.id, 100),
    await db
      .select({ id: plays.id, at: plays.createdAt, campaignId: plays.campaignId, won: plays.won, prize: prizes.label })
      .from(plays)
      .leftJoin(prizes, eq(prizes.id, plays.prizeId))
      .where(eq(plays.customerId, customer.id))
      .orderBy(desc(plays.createdAt))
      .limit(50),
    await db
      .select({
        id: rewards.id,
        label: rewards.label,
        status: rewards.status,
        expiresAt: rewards.expiresAt,
        orderRef: rewards.orderRef,
        createdAt: rewards.createdAt,
      })
      .from(rewards)
      .where(eq(rewards.customerId, customer.id))
      .orderBy(desc(rewards.createdAt))
      .limit(50),
    await db
      .select({
        id: events.id,
        type: events.type,
        at: events.occurredAt,
        valueMinor: events.valueMinor,
        orderRef: events.orderRef,
        payload: events.payload,
      })
      .from(events)
      .where(eq(events.customerId, customer.id))
      .orderBy(desc(events.id))
      .limit(50),
  ];
  return { customer, profile, balance, ledger, plays: playRows, rewards: rewardRows, events: eventRows };
}

/**
 * The customer's paid orders, newest first: amount, refunds, dispute, and the points the
 * order earned (its base points) and how many of them it still gives (after refunds or a
 * lost dispute; points on hold for an open dispute still count).
 */
export async function customerOrders(db: EngageDb, customerId: string, limit = 50) {
  // Qualified by hand: Drizzle writes a one-table select's columns unqualified, which inside
  // this subquery would name the ledger's own columns.
  const points = (kinds: string) =>
    sql<number>`coalesce((SELECT sum(l.delta) FROM ${ledgerEntries} l
      WHERE l.order_ref = playcart_order_rewards.order_ref AND l.customer_id = playcart_order_rewards.customer_id
        AND l.kind IN (${sql.raw(kinds)})), 0)::int`;
  return db
    .select({
      orderRef: orderRewards.orderRef,
      paidAt: orderRewards.paidAt,
      currency: orderRewards.currency,
      amountPaidMinor: orderRewards.amountPaidMinor,
      amountRefundedMinor: orderRewards.amountRefundedMinor,
      disputeStatus: orderRewards.disputeStatus,
      pointsEarned: points("'earn'"),
      pointsKept: points("'earn', 'clawback', 'dispute_hold', 'dispute_release', 'dispute_lost'"),
    })
    .from(orderRewards)
    .where(eq(orderRewards.customerId, customerId))
    .orderBy(desc(orderRewards.paidAt))
    .limit(limit);
}

export const adjustmentSchema = z.object({
  customerId: z.uuid({ message: "Unknown customer" }),
  delta: z.coerce
    .number({ message: "Enter a whole number of points" })
    .int("Enter a whole number of points")
    .refine((d) => d !== 0, "Enter a number other than 0")
    .refine((d) => Math.abs(d) <= 1_000_000, "At most 1,000,000 points at a time"),
  reason: z
    .string()
    .trim()
    .min(5, "Give a reason (5 characters or more)")
    .max(200, "Keep the reason under 200 characters"),
  // The form's nonce: a double submit posts one entry.
  requestId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, "Reload the page and try again"),
});
export type Adjustment = z.infer<typeof adjustmentSchema>;

/** Posts a manual adjustment; throws InsufficientPointsError rather than go below zero. */
export async function adjustPoints(
  db: EngageDb,
  actor: string,
  input: Adjustment,
): Promise<{ balance: number; applied: boolean }> {
  return db.transaction(async (tx) => {
    const before = (await balances(tx, input.customerId)).available;
    const entry = await postEntry(tx, {
      customerId: input.customerId,
      delta: input.delta,
      kind: "adjust",
      reason: input.reason,
      sourceKey: `adjust:${input.requestId}`,
      actor,
    });
    const after = (await balances(tx, input.customerId)).available;
    if (entry)
      await recordAudit(tx, {
        actor,
        action: "points.adjust",
        entity: "customer",
        entityId: input.customerId,
        before: { balance: before },
        after: { balance: after, delta: input.delta, reason: input.reason, entryId: entry.id },
      });
    return { balance: after, applied: Boolean(entry) };
  });
}

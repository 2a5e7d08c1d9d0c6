// Referrals: each customer has a code for a link; a referred friend's first paid order
// converts (a referral.converted event, whose rule gives the referrer a stamp) unless it is
// abuse, which is logged with its reason and gives nothing.
import { randomBytes } from "node:crypto";
import { and, eq, ne, or, sql } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import { personKey, personKeySql } from "../core/identity.ts";
import {
  customerLoyalty,
  customers,
  events,
  type OrderReward,
  orderFacts,
  orderRewards,
  type ReferralRejection,
  referrals,
} from "../core/schema.ts";
import { recordEvent } from "../engine/index.ts";

// Lower-case letters and digits without look-alikes (0/o, 1/l/i).
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const newCode = () => [...randomBytes(8)].map((b) => ALPHABET[b % ALPHABET.length]).join("");
export const REFERRAL_CODE = /^[a-z0-9]{4,32}$/;

/** The customer's referral code, created on first use. */
export async function referralCodeFor(db: EngageDb, customerId: string): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const [existing] = await db
      .select({ code: customerLoyalty.referralCode })
      .from(customerLoyalty)
      .where(eq(customerLoyalty.customerId, customerId));
    if (existing?.code) return existing.code;
    const code = newCode();
    // A savepoint: a code collision (unique violation) must leave the caller's transaction usable.
    const rows = await db
      .transaction((sp) =>
        sp
          .insert(customerLoyalty)
          .values({ customerId, referralCode: code })
          .onConflictDoUpdate({
            target: customerLoyalty.customerId,
            set: { referralCode: code },
            setWhere: sql`${customerLoyalty.referralCode} IS NULL`,
          })
          .returning({ code: customerLoyalty.referralCode }),
      )
      .catch(() => []);
    if (rows[0]?.code) return rows[0].code;
  }
  throw new Error("could not allocate a referral code");
}

export async function referrerByCode(db: EngageDb, code: string) {
  if (!REFERRAL_CODE.test(code)) return undefined;
  const [row] = await db
    .select({ id: customers.id, email: customers.email })
    .from(customerLoyalty)
    .innerJoin(customers, eq(customers.id, customerLoyalty.customerId))
    .where(eq(customerLoyalty.referralCode, code));
  return row;
}

/** A visit to a referral link, once per code and browser session (the admin's reach KPI). */
export async function recordReferralVisit(
  db: EngageDb,
  input: { code: string; sessionRef: string; now: Date },
): Promise<boolean> {
  const referrer = await referrerByCode(db, input.code);
  if (!referrer) return false;
  await recordEvent(db, {
    type: "referral.visited",
    key: `${input.code}:${input.sessionRef}`,
    customerId: referrer.id,
    sessionRef: input.sessionRef,
    payload: { code: input.code },
    occurredAt: input.now,
  });
  return true;
}

/**
 * Judges a paid order placed with a referral code (called by the engine on order.paid).
 * Records the referrals row and a referral.converted or referral.rejected event.
 */
export async function judgeReferral(
  db: EngageDb,
  order: OrderReward,
  now: Date,
): Promise<{ status: "converted" | "rejected"; reason?: ReferralRejection } | null> {
  const [facts] = await db.select().from(orderFacts).where(eq(orderFacts.orderRef, order.orderRef));
  if (!facts?.referralCode) return null;
  const [friend] = await db.select().from(customers).where(eq(customers.id, order.customerId));
  const referrer = await referrerByCode(db, facts.referralCode);
  const reason = await rejection(db, { referrer, friend, order, sessionRef: facts.sessionRef });
  const rows = await db
    .insert(referrals)
    .values({
      code: facts.referralCode,
      referrerId: referrer?.id ?? null,
      friendId: order.customerId,
      orderRef: order.orderRef,
      friendSessionRef: facts.sessionRef,
      status: reason ? "rejected" : "converted",
      reason,
    })
    .onConflictDoNothing({ target: referrals.orderRef })
    .returning({ id: referrals.id });
  if (rows.length === 0) return null;
  await recordEvent(db, {
    type: reason ? "referral.rejected" : "referral.converted",
    key: order.orderRef,
    customerId: referrer?.id ?? null,
    orderRef: order.orderRef,
    valueMinor: order.amountPaidMinor,
    payload: { friendId: order.customerId, code: facts.referralCode, ...(reason ? { reason } : {}) },
    occurredAt: now,
  });
  if (reason) console.info(`[playcart] referral ${facts.referralCode} on order ${order.orderRef} rejected: ${reason}`);
  return reason ? { status: "rejected", reason } : { status: "converted" };
}

async function rejection(
  db: EngageDb,
  input: {
    referrer?: { id: string; email: string };
    friend?: { id: string; email: string };
    order: OrderReward;
    sessionRef: string | null;
  },
): Promise<ReferralRejection | null> {
  const { referrer, friend, order } = input;
  if (!referrer || !friend) return "unknown_code";
  if (referrer.id === friend.id) return "self_referral";
  if (personKey(referrer.email) === personKey(friend.email)) return "same_email";
  if (input.sessionRef && (await usedSession(db, referrer, input.sessionRef))) return "same_device";
  const [earlier] = await db
    .select({ ref: orderRewards.orderRef })
    .from(orderRewards)
    .where(
      and(
        eq(orderRewards.customerId, friend.id),
        ne(orderRewards.orderRef, order.orderRef),
        sql`${orderRewards.paidAt} <= ${order.paidAt.toISOString()}`,
      ),
    )
    .limit(1);
  return earlier ? "existing_customer" : null;
}

/** Has the referrer used this browser session: ordered from it or been seen on it? */
async function usedSession(
  db: EngageDb,
  referrer: { id: string; email: string },
  sessionRef: string,
): Promise<boolean> {
  const [ordered] = await db
    .select({ ref: orderFacts.orderRef })
    .from(orderFacts)
    .where(
      and(
        eq(orderFacts.sessionRef, sessionRef),
        or(
          sql`${personKeySql(sql`${orderFacts.email}`)} = ${personKey(referrer.email)}`,
          sql`${orderFacts.orderRef} IN (SELECT order_ref FROM ${orderRewards} WHERE customer_id = ${referrer.id})`,
        ),
      ),
    )
    .limit(1);
  if (ordered) return true;
  const [seen] = await db
    .select({ id: events.id })
    .from(events)
    // A referral visit is logged against the referrer but made by whoever opened the link.
    .where(
      and(eq(events.customerId, referrer.id), eq(events.sessionRef, sessionRef), ne(events.type, "referral.visited")),
    )
    .limit(1);
  return Boolean(seen);
}

export async function referralSummary(db: EngageDb, customerId: string) {
  const [row] = await db
    .select({
      converted: sql<number>`count(*) FILTER (WHERE ${referrals.status} = 'converted')::int`,
      rejected: sql<number>`count(*) FILTER (WHERE ${referrals.status} = 'rejected')::int`,
    })
    .from(referrals)
    .where(eq(referrals.referrerId, customerId));
  return { converted: Number(row?.converted ?? 0), rejected: Number(row?.rejected ?? 0) };
}

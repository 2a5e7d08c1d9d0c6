// Referrals: each customer has a code for a link; a referred friend's first paid order
// converts (a referral.converted event, whose rule gives the referrer a stamp) unless it is
// abuse, which is logged with its reason and gives nothing.
import { randomBytes } from "node:crypto";
import { and, eq, ne, or, sql } from "drizzle-orm";
import { ensureCustomer } from "../core/customers.ts";
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
    .select({ id: customers.id, email: customers.email, userRef: customers.userRef })
    .from(customerLoyalty)
    .innerJoin(customers, eq(customers.id, customerLoyalty.customerId))
    .where(eq(customerLoyalty.referralCode, code));
  return row;
}

/** Who opened a link, as far as the browser tells: its account or the email it is known by. */
export type Visitor = { email?: string | null; userRef?: string | null };

const isReferrer = (referrer: { email: string; userRef: string | null }, visitor: Visitor | undefined) =>
  Boolean(
    visitor &&
      ((visitor.userRef && visitor.userRef === referrer.userRef) ||
        (visitor.email && personKey(visitor.email) === referrer.email)),
  );

/**
 * A visit to a referral link, once per code and browser session. A visit by the referrer
 * herself is marked `own`: it is not reach, and it ties this browser to her (a later order
 * placed from it is hers, whatever email it carries).
 */
export async function recordReferralVisit(
  db: EngageDb,
  input: { code: string; sessionRef: string; now: Date; visitor?: Visitor },
): Promise<boolean> {
  const referrer = await referrerByCode(db, input.code);
  if (!referrer) return false;
  const own = isReferrer(referrer, input.visitor);
  // An own visit gets its own key: a browser first seen as a friend's can still be tied to her.
  await recordEvent(db, {
    type: "referral.visited",
    key: `${input.code}:${input.sessionRef}${own ? ":own" : ""}`,
    customerId: referrer.id,
    sessionRef: input.sessionRef,
    payload: { code: input.code, ...(own ? { own: true } : {}) },
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
  const verdict = await rejection(db, { referrer, friend, order, sessionRef: facts.sessionRef });
  const reason = verdict?.reason ?? null;
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
      detail: verdict?.detail ?? null,
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
    payload: {
      friendId: order.customerId,
      code: facts.referralCode,
      ...(verdict ? { reason: verdict.reason, detail: verdict.detail } : {}),
    },
    occurredAt: now,
  });
  if (verdict)
    console.info(
      `[playcart] referral ${facts.referralCode} on order ${order.orderRef} rejected: ${verdict.reason} (${verdict.detail})`,
    );
  return reason ? { status: "rejected", reason } : { status: "converted" };
}

type Verdict = { reason: ReferralRejection; detail: string };

/**
 * Why a referred order earns nothing, or null. Judged on the person (the normalised email:
 * case, +tags and Gmail dots never make a new friend), the account, and every trace the
 * referrer left on the ordering browser.
 */
async function rejection(
  db: EngageDb,
  input: {
    referrer?: { id: string; email: string; userRef: string | null };
    friend?: { id: string; email: string; userRef: string | null };
    order: OrderReward;
    sessionRef: string | null;
  },
): Promise<Verdict | null> {
  const { referrer, friend, order } = input;
  if (!referrer || !friend) return { reason: "unknown_code", detail: "no customer has this referral code" };
  if (referrer.id === friend.id)
    return { reason: "self_referral", detail: "the order's email is the referrer's own (once normalised)" };
  if (referrer.userRef && referrer.userRef === friend.userRef)
    return { reason: "self_referral", detail: "the order was placed from the referrer's account" };
  if (personKey(referrer.email) === personKey(friend.email))
    return { reason: "same_email", detail: "the order's email is the referrer's own" };
  const trace = input.sessionRef ? await referrerTrace(db, referrer, input.sessionRef) : null;
  if (trace) return { reason: "same_device", detail: trace };
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
  return earlier
    ? { reason: "existing_customer", detail: `${friend.email} had already ordered (any spelling of the email)` }
    : null;
}

/** What ties this browser session to the referrer, in words, or null when nothing does. */
async function referrerTrace(
  db: EngageDb,
  referrer: { id: string; email: string },
  sessionRef: string,
): Promise<string | null> {
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
  if (ordered) return "the referrer has ordered from this browser";
  const seen = await db
    .select({ type: events.type, own: sql<boolean>`coalesce((${events.payload}->>'own')::boolean, false)` })
    .from(events)
    .where(and(eq(events.customerId, referrer.id), eq(events.sessionRef, sessionRef)))
    .limit(20);
  // A referral visit is logged against the referrer but made by whoever opened the link.
  if (seen.some((e) => e.type === "referral.visited" && e.own))
    return "the referrer opened their own link in this browser while signed in";
  if (seen.some((e) => e.type === SIGNED_IN)) return "the referrer has signed in on this browser";
  if (seen.some((e) => e.type !== "referral.visited")) return "the referrer has used this browser";
  return null;
}

/** The event that ties a browser session to an account: recorded when a shopper signs in. */
export const SIGNED_IN = "shopper.signed_in";

/** Notes that this customer signed in on this browser session (once per pair). */
export async function recordSignIn(
  db: EngageDb,
  input: { email: string; userRef?: string | null; sessionRef: string; now: Date },
): Promise<void> {
  const customer = await ensureCustomer(db, { email: input.email, userRef: input.userRef ?? null });
  await recordEvent(db, {
    type: SIGNED_IN,
    key: `${customer.id}:${input.sessionRef}`,
    customerId: customer.id,
    sessionRef: input.sessionRef,
    occurredAt: input.now,
  });
}

/** A referral whose order was refunded in full no longer counts (its stamp went back too). */
const fullyRefunded = sql`EXISTS (SELECT 1 FROM ${orderRewards} o WHERE o.order_ref = ${referrals.orderRef} AND o.amount_refunded_minor >= o.amount_paid_minor)`;

/** The customer's referrals: converted (and not refunded in full since), refunded, rejected. */
export async function referralSummary(db: EngageDb, customerId: string) {
  const [row] = await db
    .select({
      converted: sql<number>`count(*) FILTER (WHERE ${referrals.status} = 'converted' AND NOT ${fullyRefunded})::int`,
      refunded: sql<number>`count(*) FILTER (WHERE ${referrals.status} = 'converted' AND ${fullyRefunded})::int`,
      rejected: sql<number>`count(*) FILTER (WHERE ${referrals.status} = 'rejected')::int`,
    })
    .from(referrals)
    .where(eq(referrals.referrerId, customerId));
  return {
    converted: Number(row?.converted ?? 0),
    refunded: Number(row?.refunded ?? 0),
    rejected: Number(row?.rejected ?? 0),
  };
}

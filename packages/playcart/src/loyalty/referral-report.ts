// The owner's view of referrals: every referred order with its verdict in words, so a refused
// referral shows why (the rule and what it saw), and a converted one shows if a refund undid it.
import { desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { EngageDb } from "../core/db.ts";
import { customers, orderRewards, type ReferralRejection, referrals } from "../core/schema.ts";

export const REFERRAL_REASON_WORDS: Record<ReferralRejection, string> = {
  unknown_code: "Unknown referral code",
  self_referral: "The referrer referred themself",
  same_email: "The friend's email is the referrer's",
  same_device: "Ordered from the referrer's browser",
  existing_customer: "The friend was already a customer",
};

/** A referral.rejected event's reason in words (its payload: reason and detail). */
export function referralRefusalWords(payload: Record<string, unknown>): string {
  const reason = payload.reason as ReferralRejection | undefined;
  const words = (reason && REFERRAL_REASON_WORDS[reason]) ?? "Refused";
  return typeof payload.detail === "string" ? `${words}: ${payload.detail}` : words;
}

export type ReferralStatusWords = "converted" | "refunded" | "rejected";

export type ReferralRow = {
  id: string;
  at: Date;
  code: string;
  orderRef: string;
  referrerId: string | null;
  referrerEmail: string | null;
  friendId: string;
  friendEmail: string;
  status: ReferralStatusWords;
  /** Why it earned nothing, in the owner's words (rule and evidence); null when converted. */
  reason: string | null;
};

const referrer = alias(customers, "referrer");
const friend = alias(customers, "friend");

/** The latest referrals, store-wide or one referrer's (newest first). */
export async function referralReport(
  db: EngageDb,
  opts: { referrerId?: string; limit?: number } = {},
): Promise<ReferralRow[]> {
  const rows = await db
    .select({
      id: referrals.id,
      at: referrals.createdAt,
      code: referrals.code,
      orderRef: referrals.orderRef,
      referrerId: referrals.referrerId,
      referrerEmail: referrer.email,
      friendId: referrals.friendId,
      friendEmail: friend.email,
      status: referrals.status,
      reason: referrals.reason,
      detail: referrals.detail,
      refundedInFull: sql<boolean>`coalesce(${orderRewards.amountRefundedMinor} >= ${orderRewards.amountPaidMinor}, false)`,
    })
    .from(referrals)
    .leftJoin(referrer, eq(referrer.id, referrals.referrerId))
    .innerJoin(friend, eq(friend.id, referrals.friendId))
    .leftJoin(orderRewards, eq(orderRewards.orderRef, referrals.orderRef))
    .where(opts.referrerId ? eq(referrals.referrerId, opts.referrerId) : undefined)
    .orderBy(desc(referrals.createdAt), desc(referrals.id))
    .limit(Math.min(opts.limit ?? 200, 1_000));
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    code: r.code,
    orderRef: r.orderRef,
    referrerId: r.referrerId,
    referrerEmail: r.referrerEmail,
    friendId: r.friendId,
    friendEmail: r.friendEmail,
    status: r.status === "rejected" ? "rejected" : r.refundedInFull ? "refunded" : "converted",
    reason:
      r.status === "rejected" && r.reason
        ? `${REFERRAL_REASON_WORDS[r.reason]}${r.detail ? `: ${r.detail}` : ""}`
        : r.refundedInFull
          ? "Refunded in full: the stamp went back"
          : null,
  }));
}

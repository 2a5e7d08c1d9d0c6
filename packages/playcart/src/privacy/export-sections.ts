// What a shopper's loyalty data export holds, one section per subject. Each section names the
// tables it reads: a test checks that every Playcart table holding a customer (a column that
// references playcart_customers, or an email or identity key) is covered by one, so a new table
// that stores a customer fails it until its section is added here.
import { type SQL, sql } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import { rowsOf } from "../core/db.ts";

/** Whose data: their customer rows, the person keys of those rows and the accounts linked to them. */
export type ExportSubject = { customerIds: string[]; emails: string[]; userRefs: string[] };

export type PrivacySection = {
  key: string;
  /** The tables this section reads (SQL names); the completeness test reads this. */
  tables: string[];
  read(db: EngageDb, who: ExportSubject): Promise<unknown>;
};

const uuids = (ids: string[]) => sql`${`{${ids.join(",")}}`}::uuid[]`;
const texts = (values: string[]) => sql`${JSON.stringify(values)}::jsonb`;
const all = async <T = Record<string, unknown>>(db: EngageDb, query: SQL) => rowsOf<T>(await db.execute(query));

/** The identity keys plays and allowances are counted under (see core/identity.ts). */
export const identityKeysOf = (who: Pick<ExportSubject, "emails" | "userRefs">) => [
  ...who.emails.map((e) => `email:${e}`),
  ...who.userRefs.map((u) => `user:${u}`),
];

export const PRIVACY_SECTIONS: PrivacySection[] = [
  {
    key: "customer",
    tables: ["playcart_customers", "playcart_customer_loyalty"],
    read: (db, who) =>
      all(
        db,
        sql`SELECT c.id, c.email, c.display_name AS "displayName", c.user_ref IS NOT NULL AS "accountLinked",
              c.created_at AS "createdAt", l.referral_code AS "referralCode", l.birthday, l.tier,
              l.tier_spend_minor AS "tierSpendMinor", l.tier_updated_at AS "tierUpdatedAt"
            FROM playcart_customers c LEFT JOIN playcart_customer_loyalty l ON l.customer_id = c.id
            WHERE c.id = ANY(${uuids(who.customerIds)}) ORDER BY c.created_at`,
      ),
  },
  {
    key: "points",
    tables: ["playcart_point_balances", "playcart_ledger_entries"],
    read: async (db, who) => ({
      balances: await all(
        db,
        sql`SELECT account, sum(balance)::int AS balance FROM playcart_point_balances
            WHERE customer_id = ANY(${uuids(who.customerIds)}) GROUP BY account ORDER BY account`,
      ),
      ledger: await all(
        db,
        sql`SELECT id, created_at AS "at", account, delta, balance_after AS "balanceAfter", kind, reason,
              order_ref AS "orderRef"
            FROM playcart_ledger_entries WHERE customer_id = ANY(${uuids(who.customerIds)}) ORDER BY id`,
      ),
    }),
  },
  {
    // Each earn as a lot: its points, what each point was worth when earned, when it expires or
    // is released, and what the shopper's debits took from it.
    key: "pointLots",
    tables: ["playcart_point_lots", "playcart_lot_allocations"],
    read: (db, who) =>
      all(
        db,
        sql`SELECT l.id, l.account, l.points, l.value_minor_per_point AS "valueMinorPerPoint",
              l.earned_at AS "earnedAt", l.expires_at AS "expiresAt", l.releases_at AS "releasesAt",
              l.order_ref AS "orderRef",
              COALESCE((SELECT sum(a.points) FROM playcart_lot_allocations a WHERE a.lot_id = l.id), 0)::int AS "spent"
            FROM playcart_point_lots l WHERE l.customer_id = ANY(${uuids(who.customerIds)}) ORDER BY l.id`,
      ),
  },
  {
    key: "orders",
    tables: ["playcart_order_rewards", "playcart_order_facts"],
    read: (db, who) =>
      all(
        db,
        sql`SELECT o.order_ref AS "orderRef", o.paid_at AS "paidAt", o.currency, o.amount_paid_minor AS "amountPaidMinor",
              o.amount_refunded_minor AS "amountRefundedMinor", o.points_base AS "pointsBase",
              o.dispute_status AS "disputeStatus", f.email AS "orderEmail", f.referral_code AS "referralCode",
              f.item_count AS "itemCount"
            FROM playcart_order_rewards o LEFT JOIN playcart_order_facts f ON f.order_ref = o.order_ref
            WHERE o.customer_id = ANY(${uuids(who.customerIds)}) ORDER BY o.paid_at`,
      ),
  },
  {
    key: "tierHistory",
    tables: ["playcart_tier_history"],
    read: (db, who) =>
      all(
        db,
        sql`SELECT created_at AS "at", from_tier AS "fromTier", to_tier AS "toTier",
              trailing_spend_minor AS "trailingSpendMinor"
            FROM playcart_tier_history WHERE customer_id = ANY(${uuids(who.customerIds)}) ORDER BY id`,
      ),
  },
  {
    key: "badges",
    tables: ["playcart_customer_badges"],
    read: (db, who) =>
      all(
        db,
        sql`SELECT b.name, b.description, cb.awarded_at AS "awardedAt", cb.revoked_at AS "revokedAt",
              cb.revoke_reason AS "revokeReason", cb.share_id AS "shareId"
            FROM playcart_customer_badges cb JOIN playcart_badges b ON b.id = cb.badge_id
            WHERE cb.customer_id = ANY(${uuids(who.customerIds)}) ORDER BY cb.awarded_at`,
      ),
  },
  {
    key: "stamps",
    tables: ["playcart_stamp_entries"],
    read: (db, who) =>
      all(
        db,
        sql`SELECT s.created_at AS "at", c.name AS card, s.delta, s.reason, s.order_ref AS "orderRef"
            FROM playcart_stamp_entries s JOIN playcart_stamp_cards c ON c.id = s.card_id
            WHERE s.customer_id = ANY(${uuids(who.customerIds)}) ORDER BY s.id`,
      ),
  },
  {
    // Orders placed through their link are the friends' data: only when and whether it counted.
    key: "referrals",
    tables: ["playcart_referrals"],
    read: async (db, who) => ({
      made: await all(
        db,
        sql`SELECT created_at AS "at", code, status, reason FROM playcart_referrals
            WHERE referrer_id = ANY(${uuids(who.customerIds)}) ORDER BY created_at`,
      ),
      received: await all(
        db,
        sql`SELECT created_at AS "at", code, status, reason, order_ref AS "orderRef" FROM playcart_referrals
            WHERE friend_id = ANY(${uuids(who.customerIds)}) ORDER BY created_at`,
      ),
    }),
  },
  {
    key: "plays",
    tables: ["playcart_plays", "playcart_play_allowances"],
    read: async (db, who) => ({
      plays: await all(
        db,
        sql`SELECT p.id, p.created_at AS "at", c.name AS game, p.won = 1 AS won, z.label AS prize
            FROM playcart_plays p JOIN playcart_campaigns c ON c.id = p.campaign_id
            LEFT JOIN playcart_prizes z ON z.id = p.prize_id
            WHERE p.customer_id = ANY(${uuids(who.customerIds)}) ORDER BY p.created_at`,
      ),
      allowances: await all(
        db,
        sql`SELECT c.name AS game, a.window_key AS "window", a.granted, a.used
            FROM playcart_play_allowances a JOIN playcart_campaigns c ON c.id = a.campaign_id
            WHERE ${texts(identityKeysOf(who))} ? a.identity_key ORDER BY c.name, a.window_key`,
      ),
    }),
  },
  {
    key: "rewards",
    tables: ["playcart_rewards"],
    read: (db, who) =>
      all(
        db,
        sql`SELECT id, created_at AS "createdAt", label, reward_type AS "rewardType", reward_value AS "rewardValue",
              scope, status, expires_at AS "expiresAt", redeemed_at AS "redeemedAt", order_ref AS "orderRef"
            FROM playcart_rewards WHERE customer_id = ANY(${uuids(who.customerIds)}) ORDER BY created_at`,
      ),
  },
  {
    key: "contacts",
    tables: ["playcart_contacts"],
    read: (db, who) =>
      all(
        db,
        sql`SELECT email, consent_at AS "consentAt", consent_wording AS "consentWording",
              consent_source AS "consentSource", unsubscribed_at AS "unsubscribedAt",
              last_reminder_at AS "lastReminderAt"
            FROM playcart_contacts
            WHERE customer_id = ANY(${uuids(who.customerIds)}) OR ${texts(who.emails)} ? playcart_person_key(email)
            ORDER BY email`,
      ),
  },
  {
    // The endpoint only: the keys are the browser's secrets for encrypting pushes.
    key: "pushSubscriptions",
    tables: ["playcart_push_subscriptions"],
    read: (db, who) =>
      all(
        db,
        sql`SELECT endpoint, created_at AS "createdAt" FROM playcart_push_subscriptions
            WHERE ${texts(who.emails)} ? playcart_person_key(email) ORDER BY created_at`,
      ),
  },
  {
    key: "carts",
    tables: ["playcart_carts", "playcart_reminders"],
    read: async (db, who) => ({
      carts: await all(
        db,
        sql`SELECT cart_ref AS "cartRef", email, currency, value_minor AS "valueMinor", items, status,
              activity_at AS "activityAt", abandoned_at AS "abandonedAt"
            FROM playcart_carts WHERE customer_id = ANY(${uuids(who.customerIds)}) ORDER BY activity_at`,
      ),
      reminders: await all(
        db,
        sql`SELECT r.cart_ref AS "cartRef", r.step, r.due_at AS "dueAt", r.status, r.sent_at AS "sentAt",
              r.channels, r.discount_percent AS "discountPercent", r.outcome
            FROM playcart_reminders r JOIN playcart_carts c ON c.cart_ref = r.cart_ref
            WHERE c.customer_id = ANY(${uuids(who.customerIds)}) ORDER BY r.due_at`,
      ),
    }),
  },
  {
    key: "events",
    tables: ["playcart_events", "playcart_rule_firings"],
    read: async (db, who) => ({
      events: await all(
        db,
        sql`SELECT occurred_at AS "at", type, order_ref AS "orderRef", value_minor AS "valueMinor", payload
            FROM playcart_events WHERE customer_id = ANY(${uuids(who.customerIds)}) ORDER BY id`,
      ),
      rulesApplied: await all(
        db,
        sql`SELECT f.fired_at AS "at", r.name AS rule, f.order_ref AS "orderRef", f.applied
            FROM playcart_rule_firings f JOIN playcart_rules r ON r.id = f.rule_id
            WHERE f.customer_id = ANY(${uuids(who.customerIds)}) ORDER BY f.fired_at`,
      ),
    }),
  },
];

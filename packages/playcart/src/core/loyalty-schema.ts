// Playcart's rules engine and loyalty tables: rules and their firings, tiers, stamp cards,
// badges, referrals and the per-order facts personalization is computed from.
import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { campaigns, customers, events } from "./schema.ts";

// Like a campaign's (spelled out: this module is evaluated before schema.ts's body).
export const RULE_STATUSES = ["draft", "live", "paused", "ended"] as const;
export type RuleStatus = (typeof RULE_STATUSES)[number];

// trigger (an event type) -> condition (JSON Logic over the event's context) -> outcomes.
export const rules = pgTable(
  "playcart_rules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    trigger: text("trigger").notNull(),
    condition: jsonb("condition").notNull().default(true),
    // Validated by ruleOutcomesSchema (../engine/rule-outcomes.ts) on save and on use.
    outcomes: jsonb("outcomes").$type<unknown[]>().notNull(),
    status: text("status", { enum: RULE_STATUSES }).notNull().default("draft"),
    campaignId: uuid("campaign_id").references(() => campaigns.id, { onDelete: "set null" }),
    position: integer("position").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("playcart_rules_trigger_idx").on(t.trigger, t.status)],
);

// One row per (event, rule) that fired: the primary key is the engine's idempotency.
export const ruleFirings = pgTable(
  "playcart_rule_firings",
  {
    eventId: bigint("event_id", { mode: "number" })
      .notNull()
      .references(() => events.id),
    ruleId: uuid("rule_id")
      .notNull()
      .references(() => rules.id),
    customerId: uuid("customer_id").references(() => customers.id),
    // The order the event was about: a refund of it reverses what this firing granted.
    orderRef: text("order_ref"),
    applied: jsonb("applied").$type<Record<string, unknown>[]>().notNull().default([]),
    firedAt: timestamp("fired_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.ruleId] }), index("playcart_rule_firings_order_idx").on(t.orderRef)],
);

// What Playcart keeps per customer beyond the ledger: the referral code, the birthday and
// the tier last computed (with its history below).
export const customerLoyalty = pgTable("playcart_customer_loyalty", {
  customerId: uuid("customer_id")
    .primaryKey()
    .references(() => customers.id),
  referralCode: text("referral_code").unique(),
  // Month and day only ("MM-DD"): enough for a birthday treat, no year of birth kept.
  birthday: text("birthday"),
  tier: text("tier"),
  tierSpendMinor: integer("tier_spend_minor"),
  tierUpdatedAt: timestamp("tier_updated_at", { withTimezone: true }),
});

export const tierHistory = pgTable(
  "playcart_tier_history",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    fromTier: text("from_tier"),
    toTier: text("to_tier").notNull(),
    trailingSpendMinor: integer("trailing_spend_minor").notNull(),
    eventId: bigint("event_id", { mode: "number" }).references(() => events.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("playcart_tier_history_customer_idx").on(t.customerId, t.id)],
);

export const badges = pgTable("playcart_badges", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  description: text("description").notNull(),
  // A single emoji drawn on the badge and its preview image.
  emoji: text("emoji").notNull().default("🏅"),
});

export const stampCards = pgTable(
  "playcart_stamp_cards",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    stampsRequired: integer("stamps_required").notNull(),
    // Awarded when the card is full; revoked if reversals take it below full again.
    badgeId: uuid("badge_id").references(() => badges.id),
  },
  (t) => [check("playcart_stamp_cards_required", sql`${t.stampsRequired} > 0`)],
);

// Append-only, like the ledger: a reversal is a new negative entry, never an edit.
export const stampEntries = pgTable(
  "playcart_stamp_entries",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    cardId: uuid("card_id")
      .notNull()
      .references(() => stampCards.id),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    delta: integer("delta").notNull(),
    reason: text("reason").notNull(),
    sourceKey: text("source_key").notNull().unique(),
    orderRef: text("order_ref"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("playcart_stamp_entries_customer_idx").on(t.customerId, t.cardId),
    index("playcart_stamp_entries_order_idx").on(t.orderRef),
    check("playcart_stamp_entries_delta", sql`${t.delta} <> 0`),
  ],
);

export const customerBadges = pgTable(
  "playcart_customer_badges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    badgeId: uuid("badge_id")
      .notNull()
      .references(() => badges.id),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    // The public page's id: random, so a badge page reveals nothing about its holder.
    shareId: text("share_id").notNull().unique(),
    // An order-earned badge: a full refund of that order revokes it.
    orderRef: text("order_ref"),
    awardedAt: timestamp("awarded_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokeReason: text("revoke_reason"),
  },
  (t) => [
    uniqueIndex("playcart_customer_badges_uq").on(t.badgeId, t.customerId),
    index("playcart_customer_badges_order_idx").on(t.orderRef),
  ],
);

export const REFERRAL_STATUSES = ["converted", "rejected"] as const;
export const REFERRAL_REJECTIONS = [
  "unknown_code",
  "self_referral",
  "same_email",
  "same_device",
  "existing_customer",
] as const;
export type ReferralRejection = (typeof REFERRAL_REJECTIONS)[number];

// One row per referred order: converted (the referrer got a stamp) or rejected with why.
export const referrals = pgTable(
  "playcart_referrals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull(),
    referrerId: uuid("referrer_id").references(() => customers.id),
    friendId: uuid("friend_id")
      .notNull()
      .references(() => customers.id),
    orderRef: text("order_ref").notNull().unique(),
    friendSessionRef: text("friend_session_ref"),
    status: text("status", { enum: REFERRAL_STATUSES }).notNull(),
    reason: text("reason", { enum: REFERRAL_REJECTIONS }),
    // What the rule saw, in the owner's words ("the referrer has signed in on this browser").
    detail: text("detail"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("playcart_referrals_referrer_idx").on(t.referrerId, t.status)],
);

// What the host told Playcart when an order was placed; "paid" is a join to order rewards.
export const orderFacts = pgTable("playcart_order_facts", {
  orderRef: text("order_ref").primaryKey(),
  email: text("email").notNull(),
  sessionRef: text("session_ref"),
  referralCode: text("referral_code"),
  itemCount: integer("item_count").notNull().default(0),
  placedAt: timestamp("placed_at", { withTimezone: true }).notNull().defaultNow(),
});

export const orderCategories = pgTable(
  "playcart_order_categories",
  {
    orderRef: text("order_ref").notNull(),
    category: text("category").notNull(),
    amountMinor: integer("amount_minor").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orderRef, t.category] }),
    check("playcart_order_categories_amount", sql`${t.amountMinor} >= 0`),
  ],
);

export type Rule = typeof rules.$inferSelect;
export type Badge = typeof badges.$inferSelect;
export type StampCard = typeof stampCards.$inferSelect;

// Playcart's own tables. A host store adds these to its Drizzle schema (see README,
// "Add Playcart to your store"); they reference nothing of the host's.
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
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
import {
  CAMPAIGN_STATUSES,
  type CampaignSeason,
  GAME_TYPES,
  PLACEMENTS,
  type PlayAllowance,
  REWARD_SCOPES,
  REWARD_TYPES,
} from "./enums.ts";

export const customers = pgTable("playcart_customers", {
  id: uuid("id").primaryKey().defaultRandom(),
  // The person key of the email (personKey in identity.ts): the person points belong to.
  email: text("email").notNull().unique(),
  userRef: text("user_ref").unique(),
  // The name the shopper chose to be shown publicly (reviews, badge pages); null: no name.
  displayName: text("display_name"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

// available: spendable. held: on hold for an open dispute. pending: an order's points until
// the store's return window closes (see ledger/point-lots.ts).
export const LEDGER_ACCOUNTS = ["available", "held", "pending"] as const;
export type LedgerAccount = (typeof LEDGER_ACCOUNTS)[number];

export const LEDGER_KINDS = [
  // An order's base points: exactly one per paid order.
  "earn",
  // Points the rules engine grants on top: tier bonuses and rule outcomes.
  "bonus",
  "clawback",
  "dispute_hold",
  "dispute_release",
  "dispute_lost",
  "redeem",
  "adjust",
  // An order's pending points moving to available once the return window closed.
  "release",
  // What was left of a lot when it expired.
  "expire",
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

// Append-only: a trigger rejects UPDATE, DELETE and TRUNCATE, and a BEFORE INSERT trigger
// moves the matching row of playcart_point_balances, whose CHECK keeps balances >= 0.
export const ledgerEntries = pgTable(
  "playcart_ledger_entries",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    account: text("account", { enum: LEDGER_ACCOUNTS }).notNull().default("available"),
    delta: integer("delta").notNull(),
    // Set by the database trigger; whatever the caller passes is overwritten.
    balanceAfter: integer("balance_after").notNull().default(0),
    kind: text("kind", { enum: LEDGER_KINDS }).notNull(),
    reason: text("reason").notNull(),
    // One cause, one entry: a replayed cause collides here and applies nothing.
    sourceKey: text("source_key").notNull().unique(),
    orderRef: text("order_ref"),
    // Points a clawback or hold was owed but could not take (the balance was too low).
    uncollected: integer("uncollected").notNull().default(0),
    actor: text("actor"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("playcart_ledger_customer_idx").on(t.customerId, t.id),
    index("playcart_ledger_order_idx").on(t.orderRef),
    check("playcart_ledger_delta_nonzero", sql`${t.delta} <> 0 OR ${t.uncollected} > 0`),
    check("playcart_ledger_uncollected_nonneg", sql`${t.uncollected} >= 0`),
    check("playcart_ledger_account", sql`${t.account} IN ('available', 'held', 'pending')`),
  ],
);

export const pointBalances = pgTable(
  "playcart_point_balances",
  {
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    account: text("account", { enum: LEDGER_ACCOUNTS }).notNull(),
    balance: integer("balance").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.customerId, t.account] }),
    check("playcart_point_balances_nonneg", sql`${t.balance} >= 0`),
  ],
);

export const DISPUTE_STATUSES = ["open", "won", "lost"] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

// Playcart's view of a host order: what it earned and what has happened to its payment.
export const orderRewards = pgTable(
  "playcart_order_rewards",
  {
    orderRef: text("order_ref").primaryKey(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    currency: text("currency").notNull(),
    amountPaidMinor: integer("amount_paid_minor").notNull(),
    // The highest cumulative amount_refunded seen; events can arrive in any order.
    amountRefundedMinor: integer("amount_refunded_minor").notNull().default(0),
    pointsBase: integer("points_base").notNull(),
    disputeStatus: text("dispute_status", { enum: DISPUTE_STATUSES }),
    paidAt: timestamp("paid_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("playcart_order_rewards_customer_idx").on(t.customerId),
    check("playcart_order_rewards_amounts", sql`${t.amountRefundedMinor} BETWEEN 0 AND ${t.amountPaidMinor}`),
  ],
);

export const engageSettings = pgTable("playcart_settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type Customer = typeof customers.$inferSelect;
export type LedgerEntry = typeof ledgerEntries.$inferSelect;
export type OrderReward = typeof orderRewards.$inferSelect;

// ---------------------------------------------------------------------------------------
// Campaigns, prizes, plays and rewards: the games.

export const campaigns = pgTable(
  "playcart_campaigns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    gameType: text("game_type", { enum: GAME_TYPES }).notNull(),
    placement: text("placement", { enum: PLACEMENTS }).notNull(),
    status: text("status", { enum: CAMPAIGN_STATUSES }).notNull().default("draft"),
    // JSON Logic over the play context; `true` means everyone.
    audience: jsonb("audience").notNull().default(true),
    startsAt: timestamp("starts_at", { withTimezone: true }),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    // A campaign that repeats every year, in store time; it then has no starts_at/ends_at.
    season: jsonb("season").$type<CampaignSeason>(),
    // Weekly windows in store time ([] = whenever the campaign is live).
    windows: jsonb("windows").$type<{ weekday: number; start: string; end: string }[]>().notNull().default([]),
    // Plays per person per window (or per store day without windows), by tier.
    allowance: jsonb("allowance").$type<PlayAllowance>().notNull().default({ default: 1 }),
    // Plays per person over the campaign's whole life (null = no lifetime cap).
    lifetimeLimit: integer("lifetime_limit"),
    rewardScope: text("reward_scope", { enum: REWARD_SCOPES }).notNull(),
    rewardValidDays: integer("reward_valid_days").notNull().default(30),
    // Share of shoppers (0-100) kept out of the game to measure its lift; see holdout.ts.
    holdoutPercent: integer("holdout_percent").notNull().default(10),
    // Campaign budgets in minor units (null = none): what its wins may cost in all and per
    // store day (a win costs its prize's cost_minor). The spend counters are kept by the play's
    // one statement (play-claim.ts), and only while a budget is set; see games/budget.ts.
    budgetTotalMinor: integer("budget_total_minor"),
    budgetDailyMinor: integer("budget_daily_minor"),
    budgetSpentMinor: integer("budget_spent_minor").notNull().default(0),
    // The store day budget_day_spent_minor counts; another day's count reads as 0.
    budgetDay: text("budget_day"),
    budgetDaySpentMinor: integer("budget_day_spent_minor").notNull().default(0),
    // Official rules (games/official-rules.ts): a free method of entry with the same odds,
    // a table where every play wins, and the owner's own extra terms (null: none).
    freeEntry: boolean("free_entry").notNull().default(false),
    everyPlayWins: boolean("every_play_wins").notNull().default(false),
    extraTerms: text("extra_terms"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("playcart_campaigns_live_idx").on(t.placement, t.status),
    check("playcart_campaigns_holdout", sql`${t.holdoutPercent} BETWEEN 0 AND 100`),
    // Backstop: the play's conditional UPDATE keeps it; this makes a bug loud.
    check(
      "playcart_campaigns_budget",
      sql`${t.budgetTotalMinor} IS NULL OR ${t.budgetSpentMinor} <= ${t.budgetTotalMinor}`,
    ),
    check(
      "playcart_campaigns_season_or_dates",
      sql`${t.season} IS NULL OR (${t.startsAt} IS NULL AND ${t.endsAt} IS NULL)`,
    ),
  ],
);

export const prizes = pgTable(
  "playcart_prizes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    label: text("label").notNull(),
    weight: integer("weight").notNull(),
    rewardType: text("reward_type", { enum: REWARD_TYPES }).notNull(),
    // Percent (1-100), an amount in minor units, or points, by reward type.
    rewardValue: integer("reward_value").notNull().default(0),
    // Free product: the host's product reference (the demo uses slugs).
    productRef: text("product_ref"),
    // The most a percent-off reward may take off an order, in minor units (null = no cap).
    maxDiscountMinor: integer("max_discount_minor"),
    // Limits the reward to one category: a category reference, or "favourite" for the
    // winner's favourite category at the time of the play (null = the whole order).
    categoryScope: text("category_scope"),
    // What one win costs the store, counted against budgetValueMinor.
    costMinor: integer("cost_minor").notNull().default(0),
    inventory: integer("inventory"),
    budgetValueMinor: integer("budget_value_minor"),
    dailyCap: integer("daily_cap"),
    wins: integer("wins").notNull().default(0),
    valueAwardedMinor: integer("value_awarded_minor").notNull().default(0),
  },
  (t) => [
    index("playcart_prizes_campaign_idx").on(t.campaignId, t.position),
    check("playcart_prizes_weight", sql`${t.weight} >= 0`),
    // Backstops: the draw's conditional UPDATE is what keeps these, these make a bug loud.
    check("playcart_prizes_inventory", sql`${t.inventory} IS NULL OR ${t.wins} <= ${t.inventory}`),
    check(
      "playcart_prizes_budget",
      sql`${t.budgetValueMinor} IS NULL OR ${t.valueAwardedMinor} <= ${t.budgetValueMinor}`,
    ),
    check("playcart_prizes_value", sql`${t.rewardValue} >= 0 AND ${t.costMinor} >= 0`),
  ],
);

export const prizeDailyWins = pgTable(
  "playcart_prize_daily_wins",
  {
    prizeId: uuid("prize_id")
      .notNull()
      .references(() => prizes.id, { onDelete: "cascade" }),
    storeDay: text("store_day").notNull(),
    wins: integer("wins").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.prizeId, t.storeDay] })],
);

// One row per identity (email, account or device) per campaign window: plays granted and used.
export const playAllowances = pgTable(
  "playcart_play_allowances",
  {
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    identityKey: text("identity_key").notNull(),
    windowKey: text("window_key").notNull(),
    granted: integer("granted").notNull(),
    used: integer("used").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.identityKey, t.windowKey] }),
    check("playcart_play_allowances_used", sql`${t.used} >= 0 AND ${t.used} <= ${t.granted}`),
  ],
);

export const plays = pgTable(
  "playcart_plays",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    // The browser's nonce for this play: a replay of the same request is refused.
    requestId: text("request_id").notNull().unique(),
    customerId: uuid("customer_id").references(() => customers.id),
    identityKeys: jsonb("identity_keys").$type<string[]>().notNull(),
    sessionRef: text("session_ref"),
    windowKey: text("window_key").notNull(),
    prizeId: uuid("prize_id").references(() => prizes.id),
    won: integer("won").notNull().default(0),
    // The provably fair draw (games/fair-draw.ts): the seed period it drew from, which draw of
    // the play it was (a prize lost to another play draws again) and the prizes it drew among,
    // in draw order, as [prizeId, weight]. Null for a play made before draws were committed.
    drawPeriod: text("draw_period"),
    drawAttempt: integer("draw_attempt"),
    drawAvailable: jsonb("draw_available").$type<[string, number][]>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("playcart_plays_campaign_idx").on(t.campaignId, t.createdAt)],
);

// One secret seed per campaign per draw period (the store day): its SHA-256 is published
// before any play of the period, the seed itself once the period ends. Append-only: a trigger
// (migration playcart_draw_seeds) refuses any change, so a published commitment never moves.
export const drawSeeds = pgTable(
  "playcart_draw_seeds",
  {
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    // The store day (YYYY-MM-DD, store time) whose plays draw from this seed.
    period: text("period").notNull(),
    // 32 random bytes, hex; secret until revealsAt.
    seed: text("seed").notNull(),
    // SHA-256 of the seed's bytes, hex: public from creation.
    commitment: text("commitment").notNull(),
    revealsAt: timestamp("reveals_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.period] })],
);
export type DrawSeed = typeof drawSeeds.$inferSelect;

export const REWARD_STATUSES = ["issued", "reserved", "redeemed", "expired", "void"] as const;
export type RewardStatus = (typeof REWARD_STATUSES)[number];

export const rewards = pgTable(
  "playcart_rewards",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    customerId: uuid("customer_id").references(() => customers.id),
    // Who may use it: the shopper session that won it, and the account or email it knows.
    sessionRef: text("session_ref"),
    identityKeys: jsonb("identity_keys").$type<string[]>().notNull(),
    campaignId: uuid("campaign_id").references(() => campaigns.id),
    playId: uuid("play_id").references(() => plays.id),
    // A reward bought from the catalog: its purchase's key, so a replayed purchase issues nothing.
    sourceKey: text("source_key").unique(),
    label: text("label").notNull(),
    rewardType: text("reward_type", { enum: REWARD_TYPES }).notNull(),
    rewardValue: integer("reward_value").notNull(),
    productRef: text("product_ref"),
    maxDiscountMinor: integer("max_discount_minor"),
    // The only category this reward applies to (null = every line).
    categoryRef: text("category_ref"),
    scope: text("scope", { enum: REWARD_SCOPES }).notNull(),
    // next_order rewards: not usable on the cart they were won on.
    earnedOnCartRef: text("earned_on_cart_ref"),
    status: text("status", { enum: REWARD_STATUSES }).notNull().default("issued"),
    orderRef: text("order_ref"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    redeemedAt: timestamp("redeemed_at", { withTimezone: true }),
  },
  (t) => [
    index("playcart_rewards_session_idx").on(t.sessionRef, t.status),
    index("playcart_rewards_customer_idx").on(t.customerId, t.status),
    index("playcart_rewards_order_idx").on(t.orderRef),
  ],
);

// Rewards a shopper buys with points (earn and burn). Buying one posts a `redeem` ledger
// entry and issues a next-order reward in the same transaction.
export const catalogItems = pgTable(
  "playcart_catalog_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    pointsCost: integer("points_cost").notNull(),
    rewardType: text("reward_type", { enum: REWARD_TYPES }).notNull(),
    rewardValue: integer("reward_value").notNull().default(0),
    productRef: text("product_ref"),
    maxDiscountMinor: integer("max_discount_minor"),
    validDays: integer("valid_days").notNull().default(30),
    active: integer("active").notNull().default(1),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    check("playcart_catalog_items_cost", sql`${t.pointsCost} > 0`),
    check("playcart_catalog_items_value", sql`${t.rewardValue} >= 0 AND ${t.validDays} > 0`),
  ],
);

export type CatalogItem = typeof catalogItems.$inferSelect;
export type Campaign = typeof campaigns.$inferSelect;
export type Prize = typeof prizes.$inferSelect;
export type Reward = typeof rewards.$inferSelect;

// ---------------------------------------------------------------------------------------
// The event log: everything that happens to a shopper, once per cause. The engine applies
// rules to it, and the admin's KPIs are computed from it.

export const events = pgTable(
  "playcart_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    // One cause, one event (for example `order.paid:<order>`): a replay records nothing.
    eventKey: text("event_key").notNull().unique(),
    type: text("type").notNull(),
    customerId: uuid("customer_id").references(() => customers.id),
    sessionRef: text("session_ref"),
    orderRef: text("order_ref"),
    campaignId: uuid("campaign_id"),
    // Money the event is about (an order's amount, a reward's value), in minor units.
    valueMinor: integer("value_minor"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    // Set once the engine has applied the live rules to it.
    processedAt: timestamp("processed_at", { withTimezone: true }),
  },
  (t) => [
    index("playcart_events_type_idx").on(t.type, t.occurredAt),
    index("playcart_events_campaign_idx").on(t.campaignId, t.type, t.occurredAt),
    index("playcart_events_customer_idx").on(t.customerId, t.occurredAt),
    index("playcart_events_unprocessed_idx").on(t.id).where(sql`${t.processedAt} IS NULL`),
  ],
);

export type EngageEvent = typeof events.$inferSelect;

export * from "./enums.ts";
export * from "./lots-schema.ts";
export * from "./loyalty-schema.ts";
export * from "./rules-schema.ts";
// ---------------------------------------------------------------------------------------
// Cart abandonment: contacts and their consent, carts Playcart follows up, the reminders
// scheduled for them, and browsers subscribed to web push.

// One row per email Playcart may contact. Consent is stored with its wording and source;
// the full history is in the event log (consent.given, consent.withdrawn).
export const contacts = pgTable("playcart_contacts", {
  email: text("email").primaryKey(),
  customerId: uuid("customer_id").references(() => customers.id),
  consentAt: timestamp("consent_at", { withTimezone: true }),
  consentWording: text("consent_wording"),
  consentSource: text("consent_source"),
  unsubscribedAt: timestamp("unsubscribed_at", { withTimezone: true }),
  // At most one reminder per contact per 24 h: the claim moves this under a row lock.
  lastReminderAt: timestamp("last_reminder_at", { withTimezone: true }),
});

export const TRACKED_CART_STATUSES = ["active", "abandoned", "purchased"] as const;

export type CartItemSnapshot = {
  name: string;
  quantity: number;
  unitPriceMinor: number;
  imageUrl?: string | null;
  productRef?: string | null;
};

// A host cart with a known contact. The host reports it (trackCart) whenever its content or
// contact changes; it is abandoned after N minutes without activity or a purchase.
export const trackedCarts = pgTable(
  "playcart_carts",
  {
    cartRef: text("cart_ref").primaryKey(),
    email: text("email").notNull(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    sessionRef: text("session_ref"),
    currency: text("currency").notNull(),
    valueMinor: integer("value_minor").notNull(),
    items: jsonb("items").$type<CartItemSnapshot[]>().notNull(),
    status: text("status", { enum: TRACKED_CART_STATUSES }).notNull().default("active"),
    // The shopper's last change to the cart: a purchase after it stops the reminders.
    activityAt: timestamp("activity_at", { withTimezone: true }).notNull(),
    abandonedAt: timestamp("abandoned_at", { withTimezone: true }),
    sequenceId: uuid("sequence_id"),
  },
  (t) => [
    // The abandonment scan reads only active carts, oldest activity first.
    index("playcart_carts_active_idx").on(t.activityAt).where(sql`${t.status} = 'active'`),
    index("playcart_carts_customer_idx").on(t.customerId),
  ],
);

export type ReminderStep = { afterMinutes: number; discountPercent?: number };

// A reminder sequence (a campaign): when to remind after abandonment, and the comeback game.
export const reminderSequences = pgTable("playcart_reminder_sequences", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  status: text("status", { enum: CAMPAIGN_STATUSES }).notNull().default("live"),
  abandonAfterMinutes: integer("abandon_after_minutes").notNull().default(60),
  steps: jsonb("steps").$type<ReminderStep[]>().notNull(),
  comebackCampaignId: uuid("comeback_campaign_id").references(() => campaigns.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const REMINDER_STATUSES = ["scheduled", "sending", "sent", "cancelled", "failed"] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

export const reminders = pgTable(
  "playcart_reminders",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    cartRef: text("cart_ref")
      .notNull()
      .references(() => trackedCarts.cartRef, { onDelete: "cascade" }),
    sequenceId: uuid("sequence_id").references(() => reminderSequences.id),
    step: integer("step").notNull(),
    discountPercent: integer("discount_percent"),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    status: text("status", { enum: REMINDER_STATUSES }).notNull().default("scheduled"),
    attempts: integer("attempts").notNull().default(0),
    // Why it was cancelled or failed (purchased, unsubscribed, no_consent, smtp 550 ...).
    outcome: text("outcome"),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    // Channels it went out on, e.g. {email,push}.
    channels: text("channels").array(),
  },
  (t) => [
    // One reminder per cart and step, however often a cart is reported abandoned.
    uniqueIndex("playcart_reminders_step_uq").on(t.cartRef, t.step),
    // The dispatcher's scan: only scheduled reminders, by due time, so it reads what is due
    // and never the whole table.
    index("playcart_reminders_due_idx").on(t.dueAt).where(sql`${t.status} = 'scheduled'`),
  ],
);

export const pushSubscriptions = pgTable(
  "playcart_push_subscriptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    endpoint: text("endpoint").notNull().unique(),
    p256dh: text("p256dh").notNull(),
    auth: text("auth").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("playcart_push_subscriptions_email_idx").on(t.email)],
);

export type TrackedCart = typeof trackedCarts.$inferSelect;
export type Reminder = typeof reminders.$inferSelect;
export type ReminderSequence = typeof reminderSequences.$inferSelect;
// ---------------------------------------------------------------------------------------
// The audit trail: every change made through the admin, with who, when, before and after.
// Append-only like the ledger (a trigger rejects UPDATE and DELETE).

export const auditLog = pgTable(
  "playcart_audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("playcart_audit_entity_idx").on(t.entity, t.entityId, t.at), index("playcart_audit_at_idx").on(t.at)],
);

export type AuditEntry = typeof auditLog.$inferSelect;

// Playcart's own tables. A host store adds these to its Drizzle schema (see README,
// "Add Playcart to your store"); they reference nothing of the host's.
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
  uuid,
} from "drizzle-orm/pg-core";

export const customers = pgTable("playcart_customers", {
  id: uuid("id").primaryKey().defaultRandom(),
  // Lower-cased and trimmed; the identity points belong to.
  email: text("email").notNull().unique(),
  userRef: text("user_ref").unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const LEDGER_ACCOUNTS = ["available", "held"] as const;
export type LedgerAccount = (typeof LEDGER_ACCOUNTS)[number];

export const LEDGER_KINDS = [
  "earn",
  "clawback",
  "dispute_hold",
  "dispute_release",
  "dispute_lost",
  "redeem",
  "adjust",
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
    check("playcart_ledger_account", sql`${t.account} IN ('available', 'held')`),
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

// Points in lots. Every credit to a points account opens a lot (its own expiry and money value
// per point); every debit records which lots it took from. Both tables are append-only like
// the ledger: a lot's remainder is its points less its allocations, never an edited column.
// For each customer and account, the lots' remainders add up to the ledger balance.
import { sql } from "drizzle-orm";
import { bigint, check, index, integer, numeric, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { customers, ledgerEntries } from "./schema.ts";

// The ledger's accounts (spelled out: this module is evaluated before schema.ts's body).
const LOT_ACCOUNTS = ["available", "held", "pending"] as const;

export const pointLots = pgTable(
  "playcart_point_lots",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    account: text("account", { enum: LOT_ACCOUNTS }).notNull(),
    // The credit that opened it; null only for the opening lots of balances older than lots.
    entryId: bigint("entry_id", { mode: "number" }).references(() => ledgerEntries.id),
    // The lot these points came from when they moved account (pending -> available on release,
    // available -> held on a dispute): the move keeps the original expiry and value.
    fromLotId: bigint("from_lot_id", { mode: "number" }),
    orderRef: text("order_ref"),
    points: integer("points").notNull(),
    // What one point of this lot is worth, in minor units, fixed when it was earned.
    valueMinorPerPoint: numeric("value_minor_per_point", { precision: 12, scale: 6, mode: "number" }).notNull(),
    earnedAt: timestamp("earned_at", { withTimezone: true }).notNull(),
    // null: never expires.
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    // A pending lot: when the order's return window closes and the engine releases it.
    releasesAt: timestamp("releases_at", { withTimezone: true }),
  },
  (t) => [
    index("playcart_point_lots_customer_idx").on(t.customerId, t.account, t.expiresAt),
    index("playcart_point_lots_order_idx").on(t.orderRef),
    index("playcart_point_lots_releases_idx").on(t.releasesAt).where(sql`${t.account} = 'pending'`),
    index("playcart_point_lots_expires_idx").on(t.expiresAt).where(sql`${t.account} = 'available'`),
    check("playcart_point_lots_points", sql`${t.points} > 0`),
    check("playcart_point_lots_value", sql`${t.valueMinorPerPoint} >= 0`),
  ],
);

export const lotAllocations = pgTable(
  "playcart_lot_allocations",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    lotId: bigint("lot_id", { mode: "number" })
      .notNull()
      .references(() => pointLots.id),
    // The debit that took these points.
    entryId: bigint("entry_id", { mode: "number" })
      .notNull()
      .references(() => ledgerEntries.id),
    points: integer("points").notNull(),
  },
  (t) => [
    index("playcart_lot_allocations_lot_idx").on(t.lotId),
    index("playcart_lot_allocations_entry_idx").on(t.entryId),
    check("playcart_lot_allocations_points", sql`${t.points} > 0`),
  ],
);

// The points liability at the close of each store day (the engine's cron records the day it
// runs in, rewriting that day until it ends), for the owner's daily report and its CSV.
export const pointsLiabilityDays = pgTable("playcart_points_liability_days", {
  storeDay: text("store_day").primaryKey(),
  availablePoints: integer("available_points").notNull(),
  availableMinor: integer("available_minor").notNull(),
  pendingPoints: integer("pending_points").notNull(),
  pendingMinor: integer("pending_minor").notNull(),
  heldPoints: integer("held_points").notNull(),
  heldMinor: integer("held_minor").notNull(),
  // Available points that expire within the store's reminder window (expiryReminderDays).
  expiringPoints: integer("expiring_points").notNull(),
  expiringMinor: integer("expiring_minor").notNull(),
  recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
});

export type PointLot = typeof pointLots.$inferSelect;
export type PointsLiabilityDay = typeof pointsLiabilityDays.$inferSelect;

// The demo store's tables: the host store Playcart is embedded in.
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";

export const categories = pgTable("categories", {
  slug: text("slug").primaryKey(),
  name: text("name").notNull(),
  position: integer("position").notNull().default(0),
});

export const products = pgTable(
  "products",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    description: text("description").notNull(),
    categorySlug: text("category_slug")
      .notNull()
      .references(() => categories.slug),
    priceMinor: integer("price_minor").notNull(),
    image: text("image").notNull(),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("products_category_idx").on(t.categorySlug),
    check("products_price_positive", sql`${t.priceMinor} > 0`),
  ],
);

export const CART_STATUSES = ["open", "converted", "merged"] as const;

// A cart belongs to a shopper session (the pc_sid cookie) and, once signed in, a user.
export const carts = pgTable(
  "carts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: text("session_id").notNull(),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    email: text("email"),
    status: text("status", { enum: CART_STATUSES }).notNull().default("open"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // At most one open cart per shopper session and per user.
    uniqueIndex("carts_open_session_uq").on(t.sessionId).where(sql`${t.status} = 'open'`),
    uniqueIndex("carts_open_user_uq").on(t.userId).where(sql`${t.status} = 'open' AND ${t.userId} IS NOT NULL`),
  ],
);

export const MAX_LINE_QUANTITY = 99;

export const cartItems = pgTable(
  "cart_items",
  {
    cartId: uuid("cart_id")
      .notNull()
      .references(() => carts.id, { onDelete: "cascade" }),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    quantity: integer("quantity").notNull(),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.cartId, t.productId] }),
    check("cart_items_quantity", sql`${t.quantity} BETWEEN 1 AND ${sql.raw(String(MAX_LINE_QUANTITY))}`),
  ],
);

export const ORDER_STATUSES = ["pending", "processing", "paid", "failed", "expired"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const orders = pgTable(
  "orders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cartId: uuid("cart_id")
      .notNull()
      .references(() => carts.id),
    sessionId: text("session_id").notNull(),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    email: text("email").notNull(),
    status: text("status", { enum: ORDER_STATUSES }).notNull().default("pending"),
    currency: text("currency").notNull(),
    subtotalMinor: integer("subtotal_minor").notNull(),
    discountMinor: integer("discount_minor").notNull().default(0),
    // The Playcart reward behind discountMinor, reserved for this order until it is paid.
    rewardId: uuid("reward_id"),
    discountLabel: text("discount_label"),
    // Delivery, priced by the server (lib/store/pricing.ts); 0 when free or waived by a reward.
    shippingMinor: integer("shipping_minor").notNull().default(0),
    totalMinor: integer("total_minor").notNull(),
    amountRefundedMinor: integer("amount_refunded_minor").notNull().default(0),
    disputeStatus: text("dispute_status"),
    // Bumped each time the shopper starts paying; part of the Stripe idempotency key.
    paymentAttempt: integer("payment_attempt").notNull().default(0),
    stripeSessionId: text("stripe_session_id").unique(),
    paymentIntentId: text("payment_intent_id"),
    // Why fulfilment refused this order (e.g. the amount paid did not match).
    reviewReason: text("review_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    paidAt: timestamp("paid_at", { withTimezone: true }),
  },
  (t) => [
    index("orders_user_idx").on(t.userId, t.createdAt),
    index("orders_payment_intent_idx").on(t.paymentIntentId),
    // The checkout recognises a returning guest by the last paid order of their browser session.
    index("orders_session_paid_idx").on(t.sessionId, t.paidAt).where(sql`${t.status} = 'paid'`),
    // One order in flight per cart: a double-submitted checkout reuses it.
    uniqueIndex("orders_cart_open_uq").on(t.cartId).where(sql`${t.status} IN ('pending', 'processing')`),
    check(
      "orders_totals",
      sql`${t.totalMinor} = ${t.subtotalMinor} - ${t.discountMinor} + ${t.shippingMinor} AND ${t.totalMinor} >= 0 AND ${t.shippingMinor} >= 0`,
    ),
    check("orders_refund_range", sql`${t.amountRefundedMinor} BETWEEN 0 AND ${t.totalMinor}`),
  ],
);

export const orderItems = pgTable(
  "order_items",
  {
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    productName: text("product_name").notNull(),
    unitPriceMinor: integer("unit_price_minor").notNull(),
    quantity: integer("quantity").notNull(),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.productId] })],
);

// Every Stripe event applied, keyed by its id; inserted in the transaction that applies it.
export const stripeEvents = pgTable("stripe_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  orderId: uuid("order_id"),
  outcome: text("outcome").notNull(),
  receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
});

// Mail kept in the database when no SMTP_URL is set; an admin reads it at /admin/outbox.
export const outboxMessages = pgTable("outbox_messages", {
  id: uuid("id").primaryKey().defaultRandom(),
  to: text("to").notNull(),
  subject: text("subject").notNull(),
  text: text("text").notNull(),
  html: text("html"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

// Product reviews by signed-in shoppers: one per shopper per product (a new one replaces it).
export const reviews = pgTable(
  "reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    authorName: text("author_name").notNull(),
    rating: integer("rating").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("reviews_product_user_uq").on(t.productId, t.userId),
    check("reviews_rating", sql`${t.rating} BETWEEN 1 AND 5`),
  ],
);

export type Product = typeof products.$inferSelect;
export type Order = typeof orders.$inferSelect;

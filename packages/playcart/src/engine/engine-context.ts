// The context a rule's condition sees for an event: the customer (orders, spend, tier,
// segments, category affinity, birthday, signed in or not), the cart or order the event is
// about, the store's clock, and the event itself.
import { eq, sql } from "drizzle-orm";
import { type EngageDb, rowsOf } from "../core/db.ts";
import { customerLoyalty, customers, type EngageEvent, orderCategories, orderFacts } from "../core/schema.ts";
import type { EngageSettings } from "../core/settings.ts";
import { storeClock } from "../core/store-time.ts";
import {
  categoryAffinity,
  isBirthdayToday,
  orderStats,
  primarySegment,
  type Segment,
  segmentsOf,
  tierFor,
  trailingWindowStart,
} from "../loyalty/index.ts";
import { type EventFields, eventFields } from "./event-fields.ts";

export type EventContext = {
  customer: {
    known: boolean;
    signedIn: boolean;
    firstPurchase: boolean;
    paidOrders: number;
    lifetimeSpendMinor: number;
    trailingSpendMinor: number;
    tier: string;
    segments: Segment[];
    segment: Segment | null;
    affinity: Record<string, number>;
    favouriteCategory: string | null;
    birthdayToday: boolean;
  };
  cart: { valueMinor: number; itemCount: number; categories: string[] };
  store: { date: string; weekday: number; hour: number };
  event: EventFields & {
    orderRef: string | null;
    campaignId: string | null;
    payload: Record<string, unknown>;
  };
};

/** A context with every field, for checking that a condition can run before it is saved. */
export const SAMPLE_CONTEXT: EventContext = {
  customer: {
    known: true,
    signedIn: true,
    firstPurchase: false,
    paidOrders: 2,
    lifetimeSpendMinor: 10_000,
    trailingSpendMinor: 10_000,
    tier: "green",
    segments: ["active"],
    segment: "active",
    affinity: { bread: 1 },
    favouriteCategory: "bread",
    birthdayToday: false,
  },
  cart: { valueMinor: 5_000, itemCount: 2, categories: ["bread"] },
  store: { date: "2026-01-01", weekday: 4, hour: 12 },
  event: {
    type: "order.paid",
    valueMinor: 5_000,
    productRef: "baguette",
    category: "bread",
    orderRef: "order",
    campaignId: null,
    payload: {},
  },
};

export async function eventContext(
  db: EngageDb,
  event: EngageEvent,
  settings: EngageSettings,
  now: Date,
  timeZone: string,
): Promise<EventContext> {
  const clock = storeClock(now, timeZone);
  return {
    customer: await customerPart(db, event, settings, now, timeZone),
    cart: await cartPart(db, event),
    store: { date: clock.date, weekday: clock.weekday, hour: clock.hour },
    event: {
      ...eventFields(event.type, event.valueMinor ?? 0, event.payload),
      orderRef: event.orderRef,
      campaignId: event.campaignId,
      payload: event.payload ?? {},
    },
  };
}

async function customerPart(
  db: EngageDb,
  event: EngageEvent,
  settings: EngageSettings,
  now: Date,
  timeZone: string,
): Promise<EventContext["customer"]> {
  const guest = {
    ...SAMPLE_CONTEXT.customer,
    known: false,
    signedIn: event.payload?.signedIn === true,
    firstPurchase: true,
    paidOrders: 0,
    lifetimeSpendMinor: 0,
    trailingSpendMinor: 0,
    tier: settings.tiers[0].name,
    segments: ["new"] as Segment[],
    segment: "new" as Segment,
    affinity: {},
    favouriteCategory: null,
  };
  if (!event.customerId) return guest;
  const [customer] = await db
    .select({ userRef: customers.userRef, birthday: customerLoyalty.birthday })
    .from(customers)
    .leftJoin(customerLoyalty, eq(customerLoyalty.customerId, customers.id))
    .where(eq(customers.id, event.customerId));
  if (!customer) return guest;
  // Orders as they were when the event happened: a sweep that runs late (or takes two
  // payments at once) still sees each payment as the n-th order it was. The trailing spend
  // (the tier's) is as of now, as recomputeTier reads it, in the same read.
  const stats = await orderStats(
    db,
    event.customerId,
    event.occurredAt,
    trailingWindowStart(now, settings.tierWindowDays),
  );
  const trailing = stats.trailingSpendMinor;
  const affinity = await categoryAffinity(db, event.customerId, now, settings.affinityHalfLifeDays);
  const segments = segmentsOf(stats, now, settings.segments);
  // On an order's own events, "first purchase" means this order is the customer's first.
  const thisOrderCounted = event.orderRef && (event.type === "order.paid" || event.type === "order.refunded") ? 1 : 0;
  return {
    known: true,
    signedIn: typeof event.payload?.signedIn === "boolean" ? event.payload.signedIn : customer.userRef !== null,
    firstPurchase: stats.paidOrders - thisOrderCounted <= 0,
    paidOrders: stats.paidOrders,
    lifetimeSpendMinor: stats.netSpendMinor,
    trailingSpendMinor: trailing,
    tier: tierFor(settings.tiers, trailing).name,
    segments,
    segment: primarySegment(segments),
    affinity: affinity.scores,
    favouriteCategory: affinity.favourite,
    birthdayToday: isBirthdayToday(customer.birthday ?? null, now, timeZone),
  };
}

async function cartPart(db: EngageDb, event: EngageEvent): Promise<EventContext["cart"]> {
  const given = event.payload?.cart as Partial<EventContext["cart"]> | undefined;
  if (given && typeof given === "object" && typeof given.valueMinor === "number") {
    return {
      valueMinor: given.valueMinor,
      itemCount: Number(given.itemCount ?? 0),
      categories: Array.isArray(given.categories) ? given.categories.map(String) : [],
    };
  }
  if (!event.orderRef) return { valueMinor: event.valueMinor ?? 0, itemCount: 0, categories: [] };
  // The order's categories and its item count in one read (an aggregate answers one row, even with no category).
  const [row] = rowsOf<{ item_count: number | null; lines: { category: string; amount_minor: number }[] }>(
    await db.execute(sql`
      SELECT (SELECT f.item_count FROM ${orderFacts} f WHERE f.order_ref = ${event.orderRef}) AS item_count,
        coalesce(json_agg(json_build_object('category', c.category, 'amount_minor', c.amount_minor)), '[]'::json) AS lines
      FROM ${orderCategories} c WHERE c.order_ref = ${event.orderRef}`),
  );
  const lines = (row?.lines ?? []).map((l) => ({ category: l.category, amountMinor: Number(l.amount_minor) }));
  return {
    valueMinor: lines.length > 0 ? lines.reduce((s, l) => s + l.amountMinor, 0) : (event.valueMinor ?? 0),
    itemCount: Number(row?.item_count ?? 0),
    categories: lines.map((l) => l.category).sort(),
  };
}

// Builders for engine and loyalty tests: customers with paid orders (and the categories the
// host recorded when they were placed), rules, and a fixed engine clock.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { ensureCustomer } from "playcart/internal/core/customers";
import { type EventType, recordEvent } from "playcart/internal/engine/events";
import { type RuleInput, saveRule } from "playcart/internal/engine/rules";
import { recordOrderPaid, recordOrderRefund } from "playcart/internal/ledger/order-points";
import { recordOrderPlaced } from "playcart/internal/loyalty/affinity";
import { events, ledgerEntries } from "playcart/schema";
import type { Db } from "@/db/client";

export const TZ = "Europe/Berlin";

let n = 0;
export const newEmail = (name = "shopper") => `${name}${++n}-${randomUUID().slice(0, 6)}@example.test`;

export type OrderSpec = {
  email: string;
  amountMinor: number;
  /** category -> amount; defaults to everything in "bread". */
  categories?: Record<string, number>;
  sessionRef?: string | null;
  referralCode?: string | null;
  paidAt?: Date;
  userRef?: string | null;
};

/** Places and pays an order the way the demo store does: facts first, then the payment. */
export async function paidOrder(db: Db, spec: OrderSpec): Promise<string> {
  const orderRef = randomUUID();
  const categories = spec.categories ?? { bread: spec.amountMinor };
  await recordOrderPlaced(db, {
    orderRef,
    email: spec.email,
    sessionRef: spec.sessionRef ?? `sess-${randomUUID()}`,
    referralCode: spec.referralCode ?? null,
    lines: Object.entries(categories).map(([category, amountMinor]) => ({ category, amountMinor, quantity: 1 })),
  });
  await db.transaction((tx) =>
    recordOrderPaid(tx, {
      orderRef,
      email: spec.email,
      userRef: spec.userRef ?? null,
      amountPaidMinor: spec.amountMinor,
      currency: "usd",
      paidAt: spec.paidAt ?? new Date(),
    }),
  );
  return orderRef;
}

export const refund = (db: Db, orderRef: string, cumulativeMinor: number, now = new Date()) =>
  db.transaction((tx) => recordOrderRefund(tx, orderRef, cumulativeMinor, now));

export async function customerId(db: Db, email: string): Promise<string> {
  return (await ensureCustomer(db, { email })).id;
}

let r = 0;
export function rule(db: Db, input: Omit<RuleInput, "slug" | "name"> & { slug?: string; name?: string }) {
  r += 1;
  return saveRule(db, { slug: `rule-${r}-${randomUUID().slice(0, 6)}`, name: `Rule ${r}`, status: "live", ...input });
}

export async function event(
  db: Db,
  type: EventType,
  fields: {
    customerId?: string | null;
    orderRef?: string | null;
    payload?: Record<string, unknown>;
    valueMinor?: number;
    occurredAt?: Date;
  },
) {
  const id = await recordEvent(db, { type, key: randomUUID(), occurredAt: new Date(), ...fields });
  return id!;
}

export async function pointsFrom(db: Db, customer: string, keyPrefix: string): Promise<number> {
  const pattern = `${keyPrefix}%`;
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${ledgerEntries.delta}), 0)::int` })
    .from(ledgerEntries)
    .where(sql`${ledgerEntries.customerId} = ${customer} AND ${ledgerEntries.sourceKey} LIKE ${pattern}`);
  return Number(row.n);
}

/** Marks every event processed, so a test's sweep sees only the events it records itself. */
export async function settleBacklog(db: Db) {
  await db.update(events).set({ processedAt: new Date() }).where(sql`${events.processedAt} IS NULL`);
}

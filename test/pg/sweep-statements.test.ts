// What the rules engine's sweep costs Postgres per payment, counted in statements: each is a
// round trip, and the sweep runs beside the store's own requests. A payment's event with a
// live rule on order.paid reads the store's settings once, the customer's paid orders once
// (their spend for the conditions and the tier in one read), the order's lines once, and
// credits bonus-points rewards inside the event's own transaction. The budget is this
// design's count: a change that adds round trips fails here, and says how many.
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import { processPendingEvents } from "playcart/internal/engine/engine";
import { customerLoyalty, ledgerEntries, ruleFirings } from "playcart/schema";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { customerId, newEmail, paidOrder, rule, TZ } from "../support/engage-fixtures";
import { createTestDatabase } from "../support/pg";

// Measured: 24 statements for a payment whose rule grants points (BEGIN and COMMIT included),
// and the sweep's own 5 for the batch (settling the events no rule reads, the last look for more).
const STATEMENTS_PER_PAYMENT = 24;
const SWEEP_OWN = 5;
const PAYMENTS = 12;

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let counted: { db: Db; statements: string[]; close: () => Promise<void> };

beforeAll(async () => {
  t = await createTestDatabase();
  const statements: string[] = [];
  const client = postgres(t.url, {
    max: 1,
    onnotice: () => {},
    debug: (_connection, query) => statements.push(query.replace(/\s+/g, " ").trim()),
  });
  counted = { db: drizzle(client) as unknown as Db, statements, close: () => client.end() };
});

afterAll(async () => {
  await counted?.close().catch(() => {});
  await t?.drop();
});

describe("the sweep's statements per payment", () => {
  it(`applies a payment's rule, points and tier in at most ${STATEMENTS_PER_PAYMENT} statements`, async () => {
    const db = t.db;
    const welcome = await rule(db, { trigger: "order.paid", outcomes: [{ type: "grant_points", points: 25 }] });
    const emails = Array.from({ length: PAYMENTS }, () => newEmail("payer"));
    const amounts = emails.map((_, i) => 1_000 + i * 250);
    for (const [i, email] of emails.entries())
      await paidOrder(db, { email, amountMinor: amounts[i], categories: { bread: amounts[i] - 300, coffee: 300 } });

    counted.statements.length = 0;
    const processed = await processPendingEvents(counted.db, { now: new Date(), timeZone: TZ });
    const payments = processed.filter((p) => p.type === "order.paid");
    expect(payments).toHaveLength(PAYMENTS);
    expect(payments.every((p) => p.fired.includes(welcome.slug))).toBe(true);

    expect(
      counted.statements.length,
      `${counted.statements.length} statements for ${PAYMENTS} payments:\n${counted.statements.map((s) => s.slice(0, 100)).join("\n")}`,
    ).toBeLessThanOrEqual(STATEMENTS_PER_PAYMENT * PAYMENTS + SWEEP_OWN);

    // The effects are whole: every payer got the rule's points once and the tier from their spend.
    for (const [i, email] of emails.entries()) {
      const id = await customerId(db, email);
      const entries = await db.select().from(ledgerEntries).where(eq(ledgerEntries.customerId, id));
      expect(entries.filter((e) => e.sourceKey.startsWith(`rule:${welcome.id}:`)).map((e) => e.delta)).toEqual([25]);
      const [loyalty] = await db.select().from(customerLoyalty).where(eq(customerLoyalty.customerId, id));
      expect(loyalty?.tierSpendMinor).toBe(amounts[i]);
    }
    expect(await db.select().from(ruleFirings)).toHaveLength(PAYMENTS);
  });
});

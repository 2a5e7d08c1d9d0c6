// What the rules engine's sweep costs Postgres per payment, counted in statements (each one a
// message to the server and its answer; the sweep runs beside the store's own requests). A
// payment's event with a live rule on order.paid reads the store's settings once, the
// customer's paid orders once for the rules (their stats and trailing spend in one read), the
// order's lines once, and credits a bonus-points reward inside the event's own transaction,
// from the order row it holds locked. The budget is this design's count: a change that adds
// statements fails here, and lists them.
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import { processPendingEvents } from "playcart/internal/engine/engine";
import { bonusRewardKey } from "playcart/internal/rewards/bonus-rewards";
import { customerLoyalty, ledgerEntries, rewards, ruleFirings } from "playcart/schema";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { customerId, newEmail, paidOrder, rule, TZ } from "../support/engage-fixtures";
import { createTestDatabase } from "../support/pg";

// Measured: 25 statements for a payment whose rule grants points (BEGIN and COMMIT included),
// and the sweep's own 4 for the batch (settling the events no rule reads; the last look for
// more, in a transaction of its own).
const STATEMENTS_PER_PAYMENT = 25;
const SWEEP_OWN = 4;
const PAYMENTS = 12;
const BONUS_POINTS = 40;

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
  // Connected before counting: the driver's own first query (its array types) is not the sweep's.
  await client`select 1`;
  counted = { db: drizzle(client) as unknown as Db, statements, close: () => client.end() };
});

afterAll(async () => {
  await counted?.close().catch(() => {});
  await t?.drop();
});

describe("the sweep's statements per payment", () => {
  it(`applies a payment's rule, points, bonus reward and tier in at most ${STATEMENTS_PER_PAYMENT} statements`, async () => {
    const db = t.db;
    const welcome = await rule(db, { trigger: "order.paid", outcomes: [{ type: "grant_points", points: 25 }] });
    const emails = Array.from({ length: PAYMENTS }, () => newEmail("payer"));
    const amounts = emails.map((_, i) => 1_000 + i * 250);
    const orders: string[] = [];
    for (const [i, email] of emails.entries())
      orders.push(
        await paidOrder(db, { email, amountMinor: amounts[i], categories: { bread: amounts[i] - 300, coffee: 300 } }),
      );
    // The first payer used a bonus-points reward on their order: it pays out with the payment.
    const [bonus] = await db
      .insert(rewards)
      .values({
        customerId: await customerId(db, emails[0]),
        identityKeys: [],
        label: "Forty bonus points",
        rewardType: "bonus_points",
        rewardValue: BONUS_POINTS,
        scope: "next_order",
        status: "redeemed",
        orderRef: orders[0],
        expiresAt: new Date(Date.now() + 30 * 86_400_000),
      })
      .returning({ id: rewards.id });

    counted.statements.length = 0;
    const processed = await processPendingEvents(counted.db, { now: new Date(), timeZone: TZ });
    const payments = processed.filter((p) => p.type === "order.paid");
    expect(payments).toHaveLength(PAYMENTS);
    expect(payments.every((p) => p.fired.includes(welcome.slug))).toBe(true);
    // The one credit adds its own statements (its existence check, savepoint, entry and lot).
    const bonusCredit = 4;
    expect(
      counted.statements.length,
      `${counted.statements.length} statements for ${PAYMENTS} payments:\n${counted.statements.map((s) => s.slice(0, 100)).join("\n")}`,
    ).toBeLessThanOrEqual(STATEMENTS_PER_PAYMENT * PAYMENTS + SWEEP_OWN + bonusCredit);

    // The effects are whole: every payer got the rule's points once and the tier from their spend.
    for (const [i, email] of emails.entries()) {
      const id = await customerId(db, email);
      const entries = await db.select().from(ledgerEntries).where(eq(ledgerEntries.customerId, id));
      expect(entries.filter((e) => e.sourceKey.startsWith(`rule:${welcome.id}:`)).map((e) => e.delta)).toEqual([25]);
      expect(entries.filter((e) => e.sourceKey === bonusRewardKey(bonus.id)).map((e) => e.delta)).toEqual(
        i === 0 ? [BONUS_POINTS] : [],
      );
      const [loyalty] = await db.select().from(customerLoyalty).where(eq(customerLoyalty.customerId, id));
      expect(loyalty?.tierSpendMinor).toBe(amounts[i]);
    }
    expect(await db.select().from(ruleFirings)).toHaveLength(PAYMENTS);
  });
});

// Stripe delivers at least once, in any order, sometimes concurrently. Every event of many
// orders, delivered three times in a shuffled order with 16 deliveries in flight, must
// apply exactly once and leave the ledger at the figures the events imply.
import { sql } from "drizzle-orm";
import { rowsOf } from "playcart/internal/core/db";
import { DEFAULT_SETTINGS, saveSettings } from "playcart/internal/core/settings";
import { reconcile } from "playcart/internal/ledger/ledger";
import { ledgerEntries, rules } from "playcart/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "@/db/seed";
import { createTestDatabase } from "../support/pg";
import { startServer, type TestServer } from "../support/server";
import { balancesByEmail, createOrders, orderRow, stripeEventRows, type TestOrder } from "../support/store-db";
import {
  charge,
  checkoutSession,
  dispute,
  inParallel,
  post,
  type StripeEventJson,
  shuffle,
  sign,
  stripeEvent,
} from "../support/stripe-events";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let server: TestServer;

beforeAll(async () => {
  t = await createTestDatabase();
  await seed(t.db);
  // This suite checks base points; the rules engine's extras (tier bonuses, rule points) run
  // after each response and are tested in test/unit/loyalty.test.ts, so they are off here.
  await t.db.update(rules).set({ status: "paused" });
  await saveSettings(t.db, { tiers: DEFAULT_SETTINGS.tiers.map((tier) => ({ ...tier, earnMultiplier: 1 })) });
  // Refunds and disputes of released points: no return window here (pending points: test/pg/points-lots-concurrency.test.ts).
  await saveSettings(t.db, { returnWindowDays: 0 });
  server = await startServer({ databaseUrl: t.url });
});

afterAll(async () => {
  await server?.stop();
  await t?.drop();
});

// What happens to an order after checkout.session.completed (paid).
type Scenario = { name: string; refunds: number[]; dispute?: "open" | "won" | "lost" };
const SCENARIOS: Scenario[] = [
  { name: "paid only", refunds: [] },
  { name: "two partial refunds", refunds: [0.25, 0.6] },
  { name: "full refund after a partial one", refunds: [0.3, 1] },
  { name: "dispute won", refunds: [], dispute: "won" },
  { name: "dispute lost", refunds: [], dispute: "lost" },
  { name: "dispute still open", refunds: [], dispute: "open" },
  { name: "partial refund and a dispute won", refunds: [0.3], dispute: "won" },
  { name: "partial refund and a dispute lost", refunds: [0.4], dispute: "lost" },
];

const pointsFor = (o: TestOrder) => Math.floor(o.totalMinor / 100);
const clawback = (points: number, total: number, refunded: number) =>
  refunded <= 0 ? 0 : refunded >= total ? points : Math.floor((points * refunded) / total);

/** Where the order's points end up once every event has been applied. */
function expectedFor(o: TestOrder, s: Scenario) {
  const points = pointsFor(o);
  const refunded = Math.max(0, ...s.refunds.map((f) => Math.round(o.totalMinor * f)));
  const kept = points - clawback(points, o.totalMinor, refunded);
  if (s.dispute === "lost") return { available: 0, held: 0, refunded };
  if (s.dispute === "open") return { available: 0, held: kept, refunded };
  return { available: kept, held: 0, refunded };
}

function eventsFor(o: TestOrder, s: Scenario): StripeEventJson[] {
  const events = [stripeEvent("checkout.session.completed", checkoutSession(o))];
  for (const f of s.refunds) events.push(stripeEvent("charge.refunded", charge(o, Math.round(o.totalMinor * f))));
  if (s.dispute) events.push(stripeEvent("charge.dispute.created", dispute(o, "needs_response")));
  if (s.dispute === "won" || s.dispute === "lost")
    events.push(stripeEvent("charge.dispute.closed", dispute(o, s.dispute)));
  return events;
}

async function earnCounts() {
  return rowsOf<{ order_ref: string; n: number }>(
    await t.db.execute(
      sql`select order_ref, count(*)::int as n from ${ledgerEntries} where kind = 'earn' group by order_ref`,
    ),
  );
}

describe("every event delivered three times, shuffled, 16 at a time", () => {
  // Two rounds with different shuffles; 24 orders shared by 10 customers, so the
  // customers' balances see concurrent writers too.
  for (const seedValue of [20261122, 77]) {
    it(`applies each event exactly once (shuffle seed ${seedValue})`, async () => {
      const prefix = `c${seedValue}`;
      const orders = await createOrders(t.db, 24, {
        email: (i) => `${prefix}-customer-${i % 10}@playcart.test`,
        quantity: (i) => 1 + (i % 4),
      });
      const plan = orders.map((o, i) => ({ order: o, scenario: SCENARIOS[i % SCENARIOS.length] }));
      const events = plan.flatMap((p) => eventsFor(p.order, p.scenario));
      const deliveries = shuffle([...events, ...events, ...events], seedValue);

      const responses = await inParallel(deliveries, 16, async (event) => {
        // Each attempt is signed at send time, as Stripe does.
        const { payload, header } = sign(event);
        const res = await post(server.url, payload, header);
        return { id: event.id, ...res };
      });

      // Every delivery acknowledged; per event, exactly one applied it and the others saw a duplicate.
      const failures = responses.filter((r) => r.status !== 200);
      expect(failures.map((r) => `${r.id}: ${r.status} ${JSON.stringify(r.body)}`)).toEqual([]);
      const applied = new Map<string, number>();
      for (const r of responses) {
        expect(["applied", "duplicate"]).toContain(r.body.status);
        if (r.body.status === "applied") applied.set(r.id, (applied.get(r.id) ?? 0) + 1);
      }
      expect(events.filter((e) => applied.get(e.id) !== 1).map((e) => e.id)).toEqual([]);

      // One stripe_events row per event id.
      const ids = new Set(events.map((e) => e.id));
      const rows = (await stripeEventRows(t.db)).filter((r) => ids.has(r.id));
      expect(rows).toHaveLength(events.length);
      expect(new Set(rows.map((r) => r.id)).size).toBe(events.length);

      // One earn entry per order.
      const earns = new Map((await earnCounts()).map((r) => [r.order_ref, Number(r.n)]));
      expect(orders.map((o) => earns.get(o.id) ?? 0)).toEqual(orders.map(() => 1));

      // Each order's own entries, then each customer's balances, at the expected figures.
      const expectedByCustomer = new Map<string, { available: number; held: number }>();
      for (const { order: o, scenario } of plan) {
        const want = expectedFor(o, scenario);
        const row = await orderRow(t.db, o.id);
        expect(row, scenario.name).toMatchObject({
          status: "paid",
          amountRefundedMinor: want.refunded,
          disputeStatus: scenario.dispute ?? null,
        });
        const [net] = rowsOf<{ available: number; held: number }>(
          await t.db.execute(sql`
            select coalesce(sum(delta) filter (where account = 'available'), 0)::int as available,
                   coalesce(sum(delta) filter (where account = 'held'), 0)::int as held
            from ${ledgerEntries} where order_ref = ${o.id}`),
        );
        expect({ order: scenario.name, available: Number(net.available), held: Number(net.held) }).toEqual({
          order: scenario.name,
          available: want.available,
          held: want.held,
        });
        const sum = expectedByCustomer.get(o.email) ?? { available: 0, held: 0 };
        expectedByCustomer.set(o.email, { available: sum.available + want.available, held: sum.held + want.held });
      }
      for (const [email, want] of expectedByCustomer) {
        expect({ email, ...(await balancesByEmail(t.db, email)) }).toEqual({ email, ...want });
      }

      const { mismatches } = await reconcile(t.db);
      expect(mismatches).toEqual([]);
    });
  }
});

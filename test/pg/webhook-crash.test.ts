// A server killed (kill -9) in the middle of applying an event leaves all of it or none of
// it, and Stripe's redelivery then gives exactly one effect. The first payment runs as one
// statement (it completes once its lock wait ends, client or not); everything else runs in
// a transaction (it rolls back without its client). To make the kill land mid-request every
// time, the test holds a row lock the webhook's transaction needs, waits until Postgres
// shows that transaction blocked on it, and only then kills the server.
import { sql } from "drizzle-orm";
import { rowsOf } from "playcart/internal/core/db";
import { saveSettings } from "playcart/internal/core/settings";
import { reconcile } from "playcart/internal/ledger/ledger";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "@/db/seed";
import { createTestDatabase } from "../support/pg";
import { startServer, type TestServer } from "../support/server";
import {
  balancesByEmail,
  cartStatus,
  createOrders,
  ledgerForOrder,
  orderRow,
  stripeEventRows,
  type TestOrder,
} from "../support/store-db";
import { charge, checkoutSession, deliver, post, sign, stripeEvent } from "../support/stripe-events";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let locker: postgres.Sql;
const servers: TestServer[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  await seed(t.db);
  // Refunds and disputes of released points: no return window here (pending points: test/pg/points-lots-concurrency.test.ts).
  await saveSettings(t.db, { returnWindowDays: 0 });
  locker = postgres(t.url, { max: 1, onnotice: () => {} });
});

afterAll(async () => {
  for (const s of servers) await s.stop();
  await locker?.end({ timeout: 1 });
  await t?.drop();
});

async function server() {
  const s = await startServer({ databaseUrl: t.url });
  servers.push(s);
  return s;
}

const pointsFor = (o: TestOrder) => Math.floor(o.totalMinor / 100);

/** The backend of a webhook transaction waiting for a lock, found by its statement. */
async function waitForBlocked(statement: string, timeoutMs = 15_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = rowsOf<{ pid: number }>(
      await t.db.execute(sql`
        select pid from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock' and query ilike ${statement}`),
    );
    if (rows.length === 1) return Number(rows[0].pid);
    if (rows.length > 1) throw new Error(`more than one backend blocked on ${statement}`);
    if (Date.now() > deadline) throw new Error(`no webhook transaction blocked on ${statement} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function waitForBackendGone(pid: number, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = rowsOf(await t.db.execute(sql`select 1 from pg_stat_activity where pid = ${pid}`));
    if (rows.length === 0) return;
    if (Date.now() > deadline)
      throw new Error(`backend ${pid} of the killed server is still there after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Delivers `event` to a server, kills -9 that server while the webhook's transaction waits
 * for the row `lockSql` locks, lets the orphaned transaction go, and checks it left nothing.
 */
async function killMidRequest(
  event: ReturnType<typeof stripeEvent>,
  lockSql: string,
  lockParams: string[],
  blockedOn: string,
) {
  const a = await server();
  const conn = await locker.reserve();
  let orphan: number;
  try {
    await conn`begin`;
    const locked = await conn.unsafe(lockSql, lockParams);
    expect(locked).toHaveLength(1);

    const { payload, header } = sign(event);
    const inFlight = post(a.url, payload, header).then(
      (res) => ({ answered: res }),
      (err: unknown) => ({ error: err }),
    );
    orphan = await waitForBlocked(blockedOn);
    // Nothing of the blocked transaction is visible (the event row is written at its end).
    expect(await stripeEventRows(t.db, event.id)).toEqual([]);

    await a.kill("SIGKILL");
    const outcome = await inFlight;
    expect(outcome, "the request must die with the server").toHaveProperty("error");
  } finally {
    await conn`rollback`;
    conn.release();
  }
  // Released, the orphaned backend gets its lock and finishes: a transaction waits for a
  // COMMIT that never comes and rolls back; a single autocommitted statement completes.
  await waitForBackendGone(orphan);
}

describe("kill -9 mid-request, then redelivery", () => {
  it("a first payment (one statement) killed while waiting for the order row: all or nothing, then exactly one effect", async () => {
    const [o] = await createOrders(t.db, 1);
    const event = stripeEvent("checkout.session.completed", checkoutSession(o));

    // Fulfilment's statement starts by updating the order row, so it queues behind the lock.
    await killMidRequest(event, `select id from orders where id = $1 for update`, [o.id], `%update "orders"%`);
    const committed = (await stripeEventRows(t.db, event.id)).length === 1;
    expect(await orderRow(t.db, o.id)).toMatchObject({ status: committed ? "paid" : "pending" });
    expect(await cartStatus(t.db, o.cartId)).toBe(committed ? "converted" : "open");
    expect((await ledgerForOrder(t.db, o.id)).filter((e) => e.kind === "earn")).toHaveLength(committed ? 1 : 0);

    const b = await server();
    const res = await deliver(b.url, event);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject(committed ? { status: "duplicate" } : { status: "applied", outcome: "fulfilled" });
    expect((await deliver(b.url, event)).body).toMatchObject({ status: "duplicate" });

    expect(await stripeEventRows(t.db, event.id)).toHaveLength(1);
    expect((await ledgerForOrder(t.db, o.id)).filter((e) => e.kind === "earn")).toHaveLength(1);
    expect(await orderRow(t.db, o.id)).toMatchObject({ status: "paid" });
    expect(await cartStatus(t.db, o.cartId)).toBe("converted");
    expect(await balancesByEmail(t.db, o.email)).toEqual({ available: pointsFor(o), held: 0 });
    expect((await reconcile(t.db)).mismatches).toEqual([]);
  });

  it("a payment in a transaction killed after the order and cart were updated: all of it rolled back; redelivery applies once", async () => {
    const email = "returning-shopper@playcart.test";
    const [first, second] = await createOrders(t.db, 2, { email: () => email });
    const b0 = await server();
    const firstPaid = await deliver(b0.url, stripeEvent("checkout.session.completed", checkoutSession(first)));
    expect(firstPaid.body).toMatchObject({ status: "applied", outcome: "fulfilled" });
    // A refund seen before the payment sends the payment down the general transaction.
    const refund = 100;
    const early = await deliver(b0.url, stripeEvent("charge.refunded", charge(second, refund)));
    expect(early.body).toMatchObject({ status: "applied", outcome: "refund_recorded" });
    await b0.stop();

    // The transaction updates the order and its cart, then upserts the customer.
    const event = stripeEvent("checkout.session.completed", checkoutSession(second));
    await killMidRequest(
      event,
      `select id from playcart_customers where email = $1 for update`,
      [email],
      `%insert into "playcart_customers"%`,
    );
    expect(await stripeEventRows(t.db, event.id)).toEqual([]);
    expect(await orderRow(t.db, second.id)).toMatchObject({ status: "pending", paidAt: null, stripeSessionId: null });
    expect(await cartStatus(t.db, second.cartId)).toBe("open");
    expect(await ledgerForOrder(t.db, second.id)).toEqual([]);
    expect(await balancesByEmail(t.db, email)).toEqual({ available: pointsFor(first), held: 0 });

    const b = await server();
    const res = await deliver(b.url, event);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "applied", outcome: "fulfilled" });
    expect((await deliver(b.url, event)).body).toMatchObject({ status: "duplicate" });

    expect(await stripeEventRows(t.db, event.id)).toHaveLength(1);
    const entries = await ledgerForOrder(t.db, second.id);
    expect(entries.filter((e) => e.kind === "earn")).toHaveLength(1);
    const clawback = Math.floor((pointsFor(second) * refund) / second.totalMinor);
    expect(await orderRow(t.db, second.id)).toMatchObject({ status: "paid" });
    expect(await cartStatus(t.db, second.cartId)).toBe("converted");
    expect(await balancesByEmail(t.db, email)).toEqual({
      available: pointsFor(first) + pointsFor(second) - clawback,
      held: 0,
    });
    expect((await reconcile(t.db)).mismatches).toEqual([]);
  });
});

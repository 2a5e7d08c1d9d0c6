// Model-based test of the points ledger: random sequences of payments, refunds, disputes,
// redemptions and replays, checked after every step against a plain in-memory model.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { ensureCustomer } from "playcart/internal/core/customers";
import { InsufficientPointsError } from "playcart/internal/core/errors";
import { saveSettings } from "playcart/internal/core/settings";
import { balances, postEntry, reconcile } from "playcart/internal/ledger/ledger";
import { recordOrderDispute, recordOrderPaid, recordOrderRefund } from "playcart/internal/ledger/order-points";
import { ledgerEntries } from "playcart/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createMemoryDb } from "../support/pglite";

type Dispute = "open" | "won" | "lost";

// Operations pick their order by index at run time, so shrinking keeps them meaningful.
type Op =
  | { t: "earn"; cents: number; priorRefundPct: number; priorDispute: Dispute | null }
  | { t: "refund"; pick: number; pct: number; stale: boolean }
  | { t: "dispute"; pick: number; status: Dispute }
  | { t: "redeem"; pct: number }
  | { t: "replay"; pick: number };

// What actually ran, with every argument fixed, so that a replay repeats it exactly.
type Call =
  | { t: "paid"; ref: string; cents: number; refunded: number; dispute: Dispute | null }
  | { t: "refund"; ref: string; cumulative: number }
  | { t: "dispute"; ref: string; status: Dispute }
  | { t: "redeem"; key: string; points: number };

const disputeArb = fc.constantFrom<Dispute>("open", "won", "lost");
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant("earn" as const),
      cents: fc.integer({ min: 1, max: 40_000 }),
      priorRefundPct: fc.oneof(
        { weight: 4, arbitrary: fc.constant(0) },
        { weight: 1, arbitrary: fc.integer({ min: 1, max: 100 }) },
      ),
      priorDispute: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: disputeArb }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant("refund" as const),
      pick: fc.nat(),
      pct: fc.integer({ min: 0, max: 100 }),
      stale: fc.boolean(),
    }),
  },
  { weight: 3, arbitrary: fc.record({ t: fc.constant("dispute" as const), pick: fc.nat(), status: disputeArb }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("redeem" as const), pct: fc.integer({ min: 1, max: 160 }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("replay" as const), pick: fc.nat() }) },
);

// ---- The model: what a customer's balances should be, written independently of the code.

type MOrder = {
  points: number;
  paid: number;
  refunded: number;
  dispute: Dispute | null;
  clawed: number; // points reversed by refunds so far, collected or not
  held: number; // this order's points currently on hold
  heldEver: boolean;
  lost: boolean;
};

class Model {
  available = 0;
  held = 0;
  orders = new Map<string, MOrder>();
  redeemed = new Set<string>();

  /** The points a cumulative refund reverses: proportional, rounded down, all of them at 100%. */
  static clawTarget(o: MOrder) {
    if (o.refunded <= 0) return 0;
    if (o.refunded >= o.paid) return o.points;
    return Math.floor((o.points * o.refunded) / o.paid);
  }

  paid(ref: string, cents: number, refunded: number, dispute: Dispute | null) {
    if (this.orders.has(ref)) return this.sync(this.orders.get(ref)!); // a replayed payment
    const o: MOrder = {
      points: Math.floor(cents / 100),
      paid: cents,
      refunded: Math.min(refunded, cents),
      dispute,
      clawed: 0,
      held: 0,
      heldEver: false,
      lost: false,
    };
    this.orders.set(ref, o);
    this.available += o.points;
    this.sync(o);
  }

  refund(ref: string, cumulative: number) {
    const o = this.orders.get(ref);
    if (!o) return;
    o.refunded = Math.min(o.paid, Math.max(o.refunded, cumulative));
    this.sync(o);
  }

  dispute(ref: string, status: Dispute) {
    const o = this.orders.get(ref);
    if (!o) return;
    if (status === "open") o.dispute ??= "open";
    else if (o.dispute !== "won" && o.dispute !== "lost") o.dispute = status; // closed stays closed
    this.sync(o);
  }

  /** Returns "ok", "replay" (key already used: nothing happens) or "insufficient". */
  redeem(key: string, points: number): "ok" | "replay" | "insufficient" {
    if (this.redeemed.has(key)) return "replay";
    if (this.available < points) return "insufficient";
    this.available -= points;
    this.redeemed.add(key);
    return "ok";
  }

  private takeAvailable(want: number) {
    const take = Math.min(want, this.available);
    this.available -= take;
    return take;
  }

  private sync(o: MOrder) {
    const target = Model.clawTarget(o);
    // Once a lost dispute has removed the order's points, a refund has nothing left to take.
    if (!o.lost && target > o.clawed) {
      const owed = target - o.clawed;
      // The order's own held points go first; then the balance; the rest was already spent.
      const fromHeld = Math.min(owed, o.held);
      o.held -= fromHeld;
      this.held -= fromHeld;
      this.takeAvailable(owed - fromHeld);
      o.clawed = target;
    }
    const stillOwned = Math.max(0, o.points - target);
    if (o.dispute === "open" && !o.heldEver && stillOwned > 0) {
      const take = this.takeAvailable(stillOwned);
      if (take > 0) {
        o.held += take;
        this.held += take;
        o.heldEver = true;
      }
    } else if (o.dispute === "won" && o.held > 0) {
      this.available += o.held;
      this.held -= o.held;
      o.held = 0;
    } else if (o.dispute === "lost" && !o.lost) {
      if (o.held > 0) {
        this.held -= o.held;
        o.held = 0;
        o.lost = true;
      } else if (stillOwned > 0) {
        this.takeAvailable(stillOwned);
        o.lost = true;
      }
    }
  }
}

// ---- Running calls against the database and the model.

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await createMemoryDb());
  // Refunds and disputes of released points: with no return window an order's points are
  // available at once (points-lots.property.test.ts covers the pending window).
  await saveSettings(db, { returnWindowDays: 0 });
});
afterAll(async () => {
  await close?.();
});

async function entryCount(customerId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.customerId, customerId));
  return row.n;
}

async function runCall(call: Call, email: string, customerId: string, model: Model) {
  // Each call in its own transaction, as the webhook handler runs them.
  switch (call.t) {
    case "paid":
      await db.transaction((tx) =>
        recordOrderPaid(tx, {
          orderRef: call.ref,
          email,
          amountPaidMinor: call.cents,
          currency: "usd",
          amountRefundedMinor: call.refunded,
          disputeStatus: call.dispute,
          paidAt: new Date(),
        }),
      );
      model.paid(call.ref, call.cents, call.refunded, call.dispute);
      return;
    case "refund":
      await db.transaction((tx) => recordOrderRefund(tx, call.ref, call.cumulative, new Date()));
      model.refund(call.ref, call.cumulative);
      return;
    case "dispute":
      await db.transaction((tx) => recordOrderDispute(tx, call.ref, call.status));
      model.dispute(call.ref, call.status);
      return;
    case "redeem": {
      const before = await entryCount(customerId);
      const expected = model.redeem(call.key, call.points);
      const attempt = db.transaction((tx) =>
        postEntry(tx, { customerId, delta: -call.points, kind: "redeem", reason: "Reward", sourceKey: call.key }),
      );
      if (expected === "insufficient") {
        await expect(attempt).rejects.toBeInstanceOf(InsufficientPointsError);
        expect(await entryCount(customerId), "a refused redemption writes nothing").toBe(before);
      } else if (expected === "replay") {
        expect(await attempt).toBeNull();
        expect(await entryCount(customerId)).toBe(before);
      } else {
        expect(await attempt).toMatchObject({ delta: -call.points, kind: "redeem" });
      }
      return;
    }
  }
}

async function checkInvariants(customerId: string, model: Model, step: string) {
  const stored = await balances(db, customerId);
  const perAccount = await db
    .select({
      account: ledgerEntries.account,
      total: sql<number>`sum(${ledgerEntries.delta})::int`,
      // The newest entry records the balance it left behind.
      lastBalanceAfter: sql<number>`(array_agg(${ledgerEntries.balanceAfter} ORDER BY ${ledgerEntries.id} DESC))[1]`,
    })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.customerId, customerId))
    .groupBy(ledgerEntries.account);
  for (const account of ["available", "held"] as const) {
    const row = perAccount.find((r) => r.account === account);
    expect(stored[account], `${step}: ${account} = sum of its entries`).toBe(row?.total ?? 0);
    expect(stored[account], `${step}: ${account} >= 0`).toBeGreaterThanOrEqual(0);
    if (row) expect(row.lastBalanceAfter, `${step}: ${account} balance_after`).toBe(stored[account]);
  }
  const { mismatches } = await reconcile(db);
  expect(mismatches, `${step}: reconcile`).toEqual([]);
  expect(stored, `${step}: balances match the model`).toEqual({
    available: model.available,
    held: model.held,
    pending: 0,
  });
}

function describeCall(c: Call) {
  return JSON.stringify(c);
}

async function runScenario(ops: Op[]) {
  const run = randomUUID().slice(0, 8);
  const email = `Shopper.${run}@Example.test`; // mixed case: the customer is its lower-cased email
  const customer = await ensureCustomer(db, { email });
  const model = new Model();
  const refs: string[] = [];
  const done: Call[] = [];
  let redeemCount = 0;

  for (const [i, op] of ops.entries()) {
    let call: Call | undefined;
    switch (op.t) {
      case "earn": {
        const ref = `${run}-order-${refs.length}`;
        refs.push(ref);
        call = {
          t: "paid",
          ref,
          cents: op.cents,
          refunded: Math.floor((op.cents * op.priorRefundPct) / 100),
          dispute: op.priorDispute,
        };
        break;
      }
      case "refund": {
        if (refs.length === 0) break;
        const ref = refs[op.pick % refs.length];
        const o = model.orders.get(ref)!;
        // A stale event carries an older, lower cumulative amount; a fresh one moves it up.
        const cumulative = op.stale
          ? Math.floor((o.refunded * op.pct) / 100)
          : o.refunded + Math.ceil(((o.paid - o.refunded) * op.pct) / 100);
        call = { t: "refund", ref, cumulative };
        break;
      }
      case "dispute":
        if (refs.length === 0) break;
        call = { t: "dispute", ref: refs[op.pick % refs.length], status: op.status };
        break;
      case "redeem":
        call = {
          t: "redeem",
          key: `${run}-redeem-${redeemCount++}`,
          points: Math.max(1, Math.floor((model.available * op.pct) / 100)),
        };
        break;
      case "replay":
        if (done.length === 0) break;
        call = done[op.pick % done.length];
        break;
    }
    if (!call) continue;
    await runCall(call, email, customer.id, model);
    done.push(call);
    await checkInvariants(customer.id, model, `step ${i} ${op.t === "replay" ? "replay " : ""}${describeCall(call)}`);
  }
}

describe("points ledger against a model", () => {
  it("keeps balances equal to the model, the entries and reconcile after every step", async () => {
    await fc.assert(
      // size "max": long sequences, where refunds, disputes and redemptions interleave.
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25, size: "max" }), (ops) => runScenario(ops)),
      { numRuns: 40 },
    );
    // 40 sequences of up to 25 steps, each posting through lots: seconds on a quiet machine,
    // 83 s in CI, where the unit lane runs at nice 19 beside the others.
  }, 300_000);

  it("the model agrees with hand-checked numbers, and a fixed scenario agrees with the model", async () => {
    // Guards the model itself: $100 paid, refunded to $25 then $60, then a lost dispute.
    const m = new Model();
    m.paid("x", 10_000, 0, null);
    m.refund("x", 2_500);
    expect(m.available).toBe(75);
    m.refund("x", 6_000);
    expect(m.available).toBe(40);
    m.dispute("x", "lost");
    expect(m.available).toBe(0);
    m.refund("x", 10_000); // the lost dispute already took everything
    expect(m.available).toBe(0);
    // $50 held by a dispute, 40% refunded meanwhile, then won: 30 points come back.
    m.paid("y", 5_000, 0, "open");
    expect([m.available, m.held]).toEqual([0, 50]);
    m.refund("y", 2_000);
    m.dispute("y", "won");
    expect([m.available, m.held]).toEqual([30, 0]);

    await runScenario([
      { t: "earn", cents: 10_000, priorRefundPct: 0, priorDispute: null },
      { t: "refund", pick: 0, pct: 25, stale: false },
      { t: "dispute", pick: 0, status: "open" },
      { t: "refund", pick: 0, pct: 47, stale: false },
      { t: "refund", pick: 0, pct: 10, stale: true },
      { t: "redeem", pct: 150 },
      { t: "dispute", pick: 0, status: "won" },
      { t: "redeem", pct: 50 },
      { t: "replay", pick: 5 },
      { t: "dispute", pick: 0, status: "lost" },
    ]);
  });

  // Without redemptions the balance never runs short, so the final state must not depend
  // on the order in which payment events arrive (Stripe does not promise an order).
  it("converges to the same balances whatever order the events arrive in", async () => {
    // A dispute closes once, so each order gets at most one outcome; "open" may come
    // before it, after it or not at all.
    const eventArb = fc.oneof(
      fc.record({
        t: fc.constant("refund" as const),
        order: fc.nat({ max: 2 }),
        pct: fc.integer({ min: 1, max: 100 }),
      }),
      fc.record({ t: fc.constantFrom("open" as const, "close" as const), order: fc.nat({ max: 2 }) }),
    );
    const outcomeArb = fc.constantFrom<"won" | "lost" | null>("won", "lost", null);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ cents: fc.integer({ min: 100, max: 30_000 }), outcome: outcomeArb }), {
          minLength: 3,
          maxLength: 3,
        }),
        fc
          .array(eventArb, { minLength: 1, maxLength: 8 })
          .chain((events) =>
            fc.tuple(
              fc.constant(events),
              fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
            ),
          ),
        async (orders, [inOrder, shuffled]) => {
          const results = [];
          for (const events of [inOrder, shuffled]) {
            const run = randomUUID().slice(0, 8);
            const email = `converge.${run}@example.test`;
            for (const [i, o] of orders.entries()) {
              await db.transaction((tx) =>
                recordOrderPaid(tx, {
                  orderRef: `${run}-${i}`,
                  email,
                  amountPaidMinor: o.cents,
                  currency: "usd",
                  paidAt: new Date(),
                }),
              );
            }
            for (const e of events) {
              const ref = `${run}-${e.order}`;
              const { cents, outcome } = orders[e.order];
              if (e.t === "refund")
                await db.transaction((tx) => recordOrderRefund(tx, ref, Math.ceil((cents * e.pct) / 100), new Date()));
              else if (e.t === "open") await db.transaction((tx) => recordOrderDispute(tx, ref, "open"));
              else if (outcome) await db.transaction((tx) => recordOrderDispute(tx, ref, outcome));
            }
            const customer = await ensureCustomer(db, { email });
            results.push(await balances(db, customer.id));
          }
          expect(results[1], `events ${JSON.stringify(inOrder)} then shuffled ${JSON.stringify(shuffled)}`).toEqual(
            results[0],
          );
        },
      ),
      { numRuns: 20 },
    );
    // 20 pairs of runs: 4 s on a quiet machine, 63 s in CI (see above).
  }, 300_000);
});

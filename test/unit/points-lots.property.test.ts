// Model-based test of points in lots: random sequences of earning (orders and adjustments),
// redeeming, refunds, changes of the point value and clock moves (which release pending points
// and expire lots), run against the real ledger on PGlite and a plain in-memory model. After
// every step the balance, the pending balance and the liability in money equal the model's.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { ensureCustomer } from "playcart/internal/core/customers";
import { InsufficientPointsError } from "playcart/internal/core/errors";
import { saveSettings } from "playcart/internal/core/settings";
import { balances, postEntry, reconcile } from "playcart/internal/ledger/ledger";
import { expireLots, releasePendingPoints } from "playcart/internal/ledger/lot-jobs";
import { recordOrderPaid, recordOrderRefund } from "playcart/internal/ledger/order-points";
import { lotsWithRemainder } from "playcart/internal/ledger/point-lots";
import { shopperPoints } from "playcart/internal/ledger/points-liability";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createMemoryDb } from "../support/pglite";

const DAY = 86_400_000;
const WINDOW_DAYS = 14;
const SOON_DAYS = 10;
// Values exact in binary, so the model's sums round exactly as numeric does.
const VALUES = [1, 0.5, 2, 1.25, 0.75];

type Op =
  | { t: "order"; cents: number; priorRefundPct: number }
  | { t: "adjust"; points: number }
  | { t: "redeem"; pct: number }
  | { t: "refund"; pick: number; pct: number }
  | { t: "advance"; days: number }
  | { t: "rate"; value: number }
  | { t: "rerun" };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant("order" as const),
      cents: fc.integer({ min: 1, max: 30_000 }),
      priorRefundPct: fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, fc.integer({ min: 1, max: 100 })),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("adjust" as const), points: fc.integer({ min: 1, max: 200 }) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant("redeem" as const), pct: fc.integer({ min: 1, max: 150 }) }) },
  {
    weight: 3,
    arbitrary: fc.record({ t: fc.constant("refund" as const), pick: fc.nat(), pct: fc.integer({ min: 1, max: 100 }) }),
  },
  { weight: 3, arbitrary: fc.record({ t: fc.constant("advance" as const), days: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("rate" as const), value: fc.constantFrom(...VALUES) }) },
  { weight: 1, arbitrary: fc.constant({ t: "rerun" as const }) },
);

// ---- The model, written from the rules, not from the code.

type MLot = {
  seq: number;
  account: "available" | "pending";
  order: string | null;
  remaining: number;
  value: number;
  expiresAt: number | null;
  releasesAt: number | null;
};
type MOrder = { points: number; paid: number; refunded: number; clawed: number };

class Model {
  lots: MLot[] = [];
  orders = new Map<string, MOrder>();
  value = 1;
  private seq = 0;
  constructor(
    public clock: number,
    readonly expiryDays: number,
    readonly windowDays: number,
  ) {}

  private open(lot: Omit<MLot, "seq">) {
    if (lot.remaining > 0) this.lots.push({ ...lot, seq: this.seq++ });
  }
  private expiry(at: number) {
    return this.expiryDays > 0 ? at + this.expiryDays * DAY : null;
  }
  balance(account: MLot["account"]) {
    return this.lots.filter((l) => l.account === account).reduce((s, l) => s + l.remaining, 0);
  }
  /** Oldest expiry first, no expiry last, then the oldest lot. */
  private spendOrder(account: MLot["account"]) {
    return this.lots
      .filter((l) => l.account === account && l.remaining > 0)
      .sort((a, b) => (a.expiresAt ?? Infinity) - (b.expiresAt ?? Infinity) || a.seq - b.seq);
  }
  private take(lots: MLot[], want: number) {
    let left = want;
    for (const l of lots) {
      const n = Math.min(left, l.remaining);
      l.remaining -= n;
      left -= n;
    }
    return want - left;
  }

  order(ref: string, cents: number, refunded: number) {
    const points = Math.floor(cents / 100);
    this.orders.set(ref, { points, paid: cents, refunded: Math.min(refunded, cents), clawed: 0 });
    const pending = this.windowDays > 0;
    this.open({
      account: pending ? "pending" : "available",
      order: ref,
      remaining: points,
      value: this.value,
      expiresAt: this.expiry(this.clock),
      releasesAt: pending ? this.clock + this.windowDays * DAY : null,
    });
    this.sync(ref);
  }
  adjust(points: number) {
    this.open({
      account: "available",
      order: null,
      remaining: points,
      value: this.value,
      expiresAt: this.expiry(this.clock),
      releasesAt: null,
    });
  }
  redeem(points: number): boolean {
    if (points > this.balance("available")) return false;
    this.take(this.spendOrder("available"), points);
    return true;
  }
  refund(ref: string, cumulative: number) {
    const o = this.orders.get(ref)!;
    o.refunded = Math.min(o.paid, Math.max(o.refunded, cumulative));
    this.sync(ref);
  }
  private sync(ref: string) {
    const o = this.orders.get(ref)!;
    const target = o.refunded >= o.paid ? o.points : Math.floor((o.points * o.refunded) / o.paid);
    const owed = target - o.clawed;
    if (owed <= 0) return;
    // The order's own pending points first; then the balance, as far as it goes.
    const fromPending = this.take(
      this.lots.filter((l) => l.account === "pending" && l.order === ref),
      owed,
    );
    this.take(this.spendOrder("available"), owed - fromPending);
    o.clawed = target;
  }
  advance(days: number) {
    this.clock += days * DAY;
    this.runJobs();
  }
  runJobs() {
    const due = this.lots
      .filter((l) => l.account === "pending" && l.remaining > 0 && (l.releasesAt ?? Infinity) <= this.clock)
      .sort((a, b) => a.releasesAt! - b.releasesAt! || a.seq - b.seq);
    for (const l of due) {
      const points = l.remaining;
      l.remaining = 0;
      this.open({ ...l, account: "available", remaining: points, releasesAt: null });
    }
    for (const l of this.lots)
      if (l.account === "available" && l.expiresAt !== null && l.expiresAt <= this.clock) l.remaining = 0;
  }
  money(account: MLot["account"], filter: (l: MLot) => boolean = () => true) {
    const lots = this.lots.filter((l) => l.account === account && l.remaining > 0 && filter(l));
    return {
      points: lots.reduce((s, l) => s + l.remaining, 0),
      valueMinor: Math.round(lots.reduce((s, l) => s + l.remaining * l.value, 0)),
    };
  }
}

// ---- Running it.

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db, close } = await createMemoryDb());
});
afterAll(async () => {
  await close?.();
});

async function check(customerId: string, m: Model, step: string) {
  const now = new Date(m.clock);
  const stored = await balances(db, customerId);
  expect(stored, `${step}: balances`).toEqual({
    available: m.balance("available"),
    pending: m.balance("pending"),
    held: 0,
  });
  // The lots add up to each account's balance, and the ledger's sums to the stored balances.
  const lots = await db.execute(sql`
    SELECT account, sum(remaining)::int AS points FROM (${lotsWithRemainder}) l
    WHERE l.customer_id = ${customerId} GROUP BY account`);
  for (const r of (lots as unknown as { rows: { account: "available" | "pending"; points: number }[] }).rows)
    expect(Number(r.points), `${step}: ${r.account} lots`).toBe(stored[r.account]);
  expect((await reconcile(db)).mismatches, `${step}: reconcile`).toEqual([]);

  const soon = m.clock + SOON_DAYS * DAY;
  const expected = {
    available: m.money("available"),
    pending: m.money("pending"),
    held: { points: 0, valueMinor: 0 },
    expiringSoon: m.money("available", (l) => l.expiresAt !== null && l.expiresAt <= soon),
  };
  // Each scenario has its own customer, so the store's liability is this customer's.
  const { expiring, releasing, ...mine } = await shopperPoints(db, customerId, now, SOON_DAYS);
  expect(mine, `${step}: shopper's points in money`).toEqual(expected);
  expect(
    releasing.reduce((s, r) => s + r.points, 0),
    `${step}: pending by release date`,
  ).toBe(expected.pending.points);
  expect(
    expiring.reduce((s, r) => s + r.points, 0),
    `${step}: expiring by date`,
  ).toBe(expected.expiringSoon.points);
  return expected;
}

async function runScenario(ops: Op[], expiryDays: number) {
  const run = randomUUID().slice(0, 8);
  const email = `lots.${run}@example.test`;
  const customer = await ensureCustomer(db, { email });
  const m = new Model(Date.parse("2026-03-01T12:00:00Z"), expiryDays, WINDOW_DAYS);
  await saveSettings(db, {
    pointsExpiryDays: expiryDays,
    returnWindowDays: WINDOW_DAYS,
    pointValueMinor: 1,
    earnRate: 1,
  });
  const refs: string[] = [];
  let n = 0;
  for (const [i, op] of ops.entries()) {
    const now = new Date(m.clock);
    const key = `${run}-${n++}`;
    switch (op.t) {
      case "order": {
        const ref = `${run}-order-${refs.length}`;
        refs.push(ref);
        const refunded = Math.floor((op.cents * op.priorRefundPct) / 100);
        await db.transaction((tx) =>
          recordOrderPaid(tx, {
            orderRef: ref,
            email,
            amountPaidMinor: op.cents,
            currency: "usd",
            amountRefundedMinor: refunded,
            paidAt: now,
          }),
        );
        m.order(ref, op.cents, refunded);
        break;
      }
      case "adjust":
        await db.transaction((tx) =>
          postEntry(tx, {
            customerId: customer.id,
            delta: op.points,
            kind: "adjust",
            reason: "Goodwill",
            sourceKey: key,
            at: now,
          }),
        );
        m.adjust(op.points);
        break;
      case "redeem": {
        const points = Math.max(1, Math.floor((m.balance("available") * op.pct) / 100));
        const ok = m.redeem(points);
        const attempt = db.transaction((tx) =>
          postEntry(tx, { customerId: customer.id, delta: -points, kind: "redeem", reason: "Reward", sourceKey: key }),
        );
        if (ok) await attempt;
        // Pending points cannot be spent: only the available balance counts.
        else await expect(attempt).rejects.toBeInstanceOf(InsufficientPointsError);
        break;
      }
      case "refund": {
        if (refs.length === 0) continue;
        const ref = refs[op.pick % refs.length];
        const o = m.orders.get(ref)!;
        const cumulative = o.refunded + Math.ceil(((o.paid - o.refunded) * op.pct) / 100);
        await db.transaction((tx) => recordOrderRefund(tx, ref, cumulative, now));
        m.refund(ref, cumulative);
        break;
      }
      case "advance":
        m.advance(op.days);
        await releasePendingPoints(db, new Date(m.clock));
        await expireLots(db, new Date(m.clock));
        break;
      case "rate":
        await saveSettings(db, { pointValueMinor: op.value });
        m.value = op.value;
        break;
      case "rerun":
        // The jobs again at the same instant: nothing is due twice.
        expect(await releasePendingPoints(db, now)).toBe(0);
        expect(await expireLots(db, now)).toBe(0);
        break;
    }
    await check(customer.id, m, `step ${i} ${JSON.stringify(op)}`);
  }
  return { customerId: customer.id, model: m };
}

describe("points in lots against a model", () => {
  it("keeps the balance, the pending balance and the liability equal to the model's", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { minLength: 1, maxLength: 30, size: "max" }),
        fc.constantFrom(0, 20, 45),
        (ops, expiryDays) => runScenario(ops, expiryDays).then(() => undefined),
      ),
      { numRuns: 30 },
    );
  }, 300_000);

  it("a hand-checked scenario: pending, a refund inside the window, FIFO spending, expiry and a rate change", async () => {
    const { customerId, model } = await runScenario(
      [
        { t: "order", cents: 10_000, priorRefundPct: 0 }, // 100 pending, expires in 45 days
        { t: "redeem", pct: 100 }, // nothing available: refused
        { t: "refund", pick: 0, pct: 30 }, // 30 leave the pending lot
        { t: "advance", days: 15 }, // 70 released
        { t: "rate", value: 2 },
        { t: "adjust", points: 50 }, // 50 at 2 minor units each, expiring later than the order's
        { t: "redeem", pct: 80 }, // 96 points: all 70 of the order's lot first, then 26 of the adjustment
        { t: "advance", days: 40 }, // day 55: the adjustment's 24 points are still good (until day 60)
        { t: "advance", days: 10 }, // day 65: they expire
      ],
      45,
    );
    expect(await balances(db, customerId)).toEqual({ available: 0, pending: 0, held: 0 });
    expect(model.money("available")).toEqual({ points: 0, valueMinor: 0 });
    const entries = await db.execute(
      sql`SELECT kind, account, delta FROM playcart_ledger_entries WHERE customer_id = ${customerId} ORDER BY id`,
    );
    expect((entries as unknown as { rows: unknown[] }).rows).toEqual([
      { kind: "earn", account: "pending", delta: 100 },
      { kind: "clawback", account: "pending", delta: -30 },
      { kind: "release", account: "pending", delta: -70 },
      { kind: "release", account: "available", delta: 70 },
      { kind: "adjust", account: "available", delta: 50 },
      { kind: "redeem", account: "available", delta: -96 },
      { kind: "expire", account: "available", delta: -24 },
    ]);
  });

  it("a lot keeps the value per point it was earned at", async () => {
    const { customerId, model } = await runScenario(
      [
        { t: "adjust", points: 100 }, // at 1 minor unit
        { t: "rate", value: 0.5 },
        { t: "adjust", points: 100 }, // at 0.5
      ],
      0,
    );
    const mine = await shopperPoints(db, customerId, new Date(model.clock), SOON_DAYS);
    expect(mine.available).toEqual({ points: 200, valueMinor: 150 });
  });
});

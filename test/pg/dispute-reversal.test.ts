// A lost dispute takes back exactly what a full refund takes back: the order's base points
// and everything else it earned (tier bonus, rule points, stamps) and the spend it counted for
// the tier. Two shoppers pay the same orders through playcart/next's Stripe endpoint; one is
// refunded in full, the other loses a dispute; their ledgers must end the same.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { balances, findCustomerByEmail } from "playcart";
import { saveSettings } from "playcart/internal/core/settings";
import { processPendingEvents } from "playcart/internal/engine/engine";
import { saveRule } from "playcart/internal/engine/rules";
import { createPlaycart, type Order, type Playcart } from "playcart/next";
import { customerLoyalty, ledgerEntries, stampEntries } from "playcart/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedRules } from "@/db/seed-rules";
import { createTestDatabase } from "../support/pg";
import { adapterOrder, charge, checkoutSession, dispute, sign, stripeEvent } from "../support/stripe-events";

const SECRET = "whsec_disputereversal0123456789abcdefghijkl";
const TZ = "Europe/Berlin";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let playcart: Playcart;
const orders = new Map<string, Order>();

beforeAll(async () => {
  t = await createTestDatabase();
  await seedRules(t.db);
  // Refunds and disputes of released points: no return window here (pending points: test/pg/points-lots-concurrency.test.ts).
  await saveSettings(t.db, { returnWindowDays: 0 });
  // The rule bonus of the issue: points and a stamp for every paid order.
  await saveRule(t.db, {
    slug: "order-bonus",
    name: "Bonus for every order",
    trigger: "order.paid",
    status: "live",
    outcomes: [
      { type: "grant_points", points: 15 },
      { type: "grant_stamp", card: "referrals", stamps: 1 },
    ],
  });
  playcart = createPlaycart({
    db: t.db,
    secret: "a-host-secret-0123456789",
    timeZone: TZ,
    currency: "usd",
    cronSecret: "cron-secret-0123456789abcdef",
    stripe: { webhookSecret: SECRET },
    adapter: { shopper: () => null, cart: () => null, order: (ref) => orders.get(ref) ?? null },
  });
});
afterAll(() => t?.drop());

function newOrder(email: string, totalMinor: number) {
  const o = adapterOrder(totalMinor, email);
  orders.set(o.ref, o);
  return o;
}

async function deliver(event: ReturnType<typeof stripeEvent>) {
  const signed = sign(event, { secret: SECRET });
  const res = await playcart.handlers.POST(
    new Request("https://shop.example.test/api/playcart/stripe", {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": signed.header },
      body: signed.payload,
    }),
  );
  expect(res.status).toBe(200);
}

const sweep = () => processPendingEvents(t.db, { now: new Date(), timeZone: TZ });

async function pay(email: string, totalMinor: number) {
  const o = newOrder(email, totalMinor);
  await deliver(stripeEvent("checkout.session.completed", checkoutSession(o, { payment_intent: o.paymentIntentId })));
  await sweep();
  return o;
}

/** What a shopper holds, and the ledger's net by what granted it (the order, its tier bonus, rules, ...). */
async function holdings(email: string) {
  const customer = await findCustomerByEmail(t.db, email);
  if (!customer) throw new Error(`no customer ${email}`);
  const entries = await t.db.select().from(ledgerEntries).where(eq(ledgerEntries.customerId, customer.id));
  const byOrigin: Record<string, { net: number; uncollected: number }> = {};
  for (const e of entries) {
    const origin = e.sourceKey.split(":")[0];
    byOrigin[origin] ??= { net: 0, uncollected: 0 };
    byOrigin[origin].net += e.delta;
    byOrigin[origin].uncollected += e.uncollected;
  }
  const stamps = await t.db.select().from(stampEntries).where(eq(stampEntries.customerId, customer.id));
  const [loyalty] = await t.db.select().from(customerLoyalty).where(eq(customerLoyalty.customerId, customer.id));
  return {
    balance: await balances(t.db, customer.id),
    byOrigin,
    stamps: stamps.reduce((s, e) => s + e.delta, 0),
    tier: loyalty?.tier ?? null,
    tierSpendMinor: loyalty?.tierSpendMinor ?? null,
  };
}

describe("a lost dispute and a full refund", () => {
  for (const partialFirst of [0, 12_000]) {
    it(`leave identical ledgers${partialFirst ? " after a partial refund" : ""}`, async () => {
      const refunded = `refunded-${randomUUID().slice(0, 8)}@example.test`;
      const disputed = `disputed-${randomUUID().slice(0, 8)}@example.test`;
      const before: Record<string, Awaited<ReturnType<typeof holdings>>> = {};
      const reversed: Record<string, ReturnType<typeof newOrder>> = {};
      for (const email of [refunded, disputed]) {
        // $200 first: the shopper reaches Gold, so the $300 order earns a tier bonus too.
        await pay(email, 20_000);
        before[email] = await holdings(email);
        reversed[email] = await pay(email, 30_000);
      }
      const earned = await holdings(disputed);
      // What the $300 order earned beyond its base points: a tier bonus and the rule's points and stamp.
      expect(earned.byOrigin["tier-bonus"]?.net).toBeGreaterThan(0);
      expect(earned.byOrigin.rule.net).toBeGreaterThan(before[disputed].byOrigin.rule.net);
      expect(earned.stamps).toBe(before[disputed].stamps + 1);

      const r = reversed[refunded];
      const d = reversed[disputed];
      if (partialFirst) {
        await deliver(stripeEvent("charge.refunded", charge(r, partialFirst)));
        await deliver(stripeEvent("charge.refunded", charge(d, partialFirst)));
        await sweep();
      }
      await deliver(stripeEvent("charge.refunded", charge(r, r.totalMinor)));
      await deliver(stripeEvent("charge.dispute.created", dispute(d, "needs_response")));
      await deliver(stripeEvent("charge.dispute.closed", dispute(d, "lost")));
      await sweep();

      const afterRefund = await holdings(refunded);
      const afterDispute = await holdings(disputed);
      expect(afterDispute).toEqual(afterRefund);
      // Both are back where they stood before the $300 order: nothing it earned is kept.
      expect(afterRefund.balance).toEqual(before[refunded].balance);
      expect(afterDispute.balance).toEqual(before[disputed].balance);
      expect(afterDispute.stamps).toBe(before[disputed].stamps);
      expect(afterDispute.tierSpendMinor).toBe(20_000);

      // Replays change nothing: the same dispute again, then a refund after the lost dispute.
      await deliver(stripeEvent("charge.dispute.closed", dispute(d, "lost")));
      await deliver(stripeEvent("charge.refunded", charge(d, d.totalMinor)));
      await sweep();
      expect(await holdings(disputed)).toEqual(afterRefund);
    });
  }
});

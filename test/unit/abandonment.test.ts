// Abandonment from the payment side and the nudge's one-per-session rule, on PGlite.
process.env.AUTH_SECRET ??= "unit-secret-unit-secret-unit-secret";

import { randomUUID } from "node:crypto";
import {
  claimNudge,
  recordConsent,
  recordNudgeConverted,
  recordNudgeDismissed,
  scheduleReminders,
  trackCart,
} from "playcart";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { seed } from "@/db/seed";
import { applyStripeEvent } from "@/lib/stripe/apply-event";
import { createMemoryDb } from "../support/pglite";
import { cartRow, espresso, eventsOfType, remindersOf, WORDING } from "../support/reminders";
import { createOrders } from "../support/store-db";
import { checkoutSession, stripeEvent } from "../support/stripe-events";

let db: Db;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ db, close } = await createMemoryDb());
  await seed(db);
});
afterAll(async () => {
  await close?.();
});

describe("checkout.session.expired", () => {
  it("abandons the order's cart at once and schedules its reminders", async () => {
    const [order] = await createOrders(db, 1);
    const now = new Date();
    await recordConsent(db, { email: order.email, wording: WORDING, source: "checkout_form", now });
    await trackCart(db, { cartRef: order.cartId, email: order.email, currency: "usd", items: [espresso], now });
    expect((await cartRow(db, order.cartId)).status).toBe("active");

    const event = stripeEvent(
      "checkout.session.expired",
      checkoutSession(order, { status: "expired", payment_status: "unpaid" }),
    );
    const result = await applyStripeEvent(db, event as never);
    expect(result).toMatchObject({ status: "applied", outcome: "expired" });
    const cart = await cartRow(db, order.cartId);
    expect(cart.status).toBe("abandoned");
    expect((await remindersOf(db, order.cartId)).map((r) => r.step)).toEqual([1, 2, 3]);
    expect(
      (await eventsOfType(db, "cart.abandoned")).some((e) => e.customerId === cart.customerId && e.valueMinor === 2900),
    ).toBe(true);
  });

  it("leaves a cart Playcart does not follow (no contact reported) alone", async () => {
    const [order] = await createOrders(db, 1);
    const event = stripeEvent(
      "checkout.session.expired",
      checkoutSession(order, { status: "expired", payment_status: "unpaid" }),
    );
    expect(await applyStripeEvent(db, event as never)).toMatchObject({ status: "applied", outcome: "expired" });
    expect(await cartRow(db, order.cartId)).toBeUndefined();
  });
});

describe("scheduleReminders (a rule outcome)", () => {
  it("schedules a tracked cart's steps once, and nothing without consent", async () => {
    const now = new Date("2026-03-25T09:00:00Z");
    const consenting = { cartRef: randomUUID(), email: `yes-${randomUUID().slice(0, 6)}@example.test` };
    const silent = { cartRef: randomUUID(), email: `no-${randomUUID().slice(0, 6)}@example.test` };
    await recordConsent(db, { email: consenting.email, wording: WORDING, source: "checkout_form", now });
    for (const c of [consenting, silent]) await trackCart(db, { ...c, currency: "usd", items: [espresso], now });
    const opts = { now, timeZone: "Europe/Berlin" };
    expect(
      await scheduleReminders(db, {
        cartRef: consenting.cartRef,
        ...opts,
        steps: [{ afterMinutes: 30 }, { afterMinutes: 120, discountPercent: 15 }],
      }),
    ).toBe(2);
    expect(await scheduleReminders(db, { cartRef: consenting.cartRef, ...opts })).toBe(1); // only the default's step 3 is new
    expect(await scheduleReminders(db, { cartRef: consenting.cartRef, ...opts })).toBe(0);
    expect(await scheduleReminders(db, { cartRef: silent.cartRef, ...opts })).toBe(0);
    expect(await scheduleReminders(db, { cartRef: "unknown", ...opts })).toBe(0);
    expect(
      (await remindersOf(db, consenting.cartRef)).map((r) => [r.step, r.dueAt.toISOString(), r.discountPercent]),
    ).toEqual([
      [1, "2026-03-25T09:30:00.000Z", null],
      [2, "2026-03-25T11:00:00.000Z", 15],
      [3, "2026-03-28T09:00:00.000Z", 10],
    ]);
  });
});

describe("trackCart", () => {
  it("refuses bad input and writes nothing", async () => {
    const cartRef = randomUUID();
    await expect(
      trackCart(db, { cartRef, email: "not-an-email", currency: "usd", items: [espresso], now: new Date() }),
    ).rejects.toThrow();
    await expect(
      trackCart(db, { cartRef, email: "a@b.test", currency: "US$", items: [espresso], now: new Date() }),
    ).rejects.toThrow();
    await expect(
      trackCart(db, {
        cartRef,
        email: "a@b.test",
        currency: "usd",
        items: [{ ...espresso, quantity: 0 }],
        now: new Date(),
      }),
    ).rejects.toThrow();
    expect(await cartRow(db, cartRef)).toBeUndefined();
  });
});

describe("exit nudge", () => {
  it("shows once per session: a second claim is refused; dismissal and conversion need a shown nudge", async () => {
    const sessionRef = `sid-${randomUUID()}`;
    const other = `sid-${randomUUID()}`;
    const now = new Date("2026-03-25T09:00:00Z");
    expect(await recordNudgeDismissed(db, { sessionRef, cartRef: "c1", now })).toBe(false);
    expect(await claimNudge(db, { sessionRef, cartRef: "c1", trigger: "pointer_top", now })).toBe(true);
    expect(await claimNudge(db, { sessionRef, cartRef: "c2", trigger: "tab_hidden", now })).toBe(false);
    expect(await claimNudge(db, { sessionRef: other, cartRef: "c1", trigger: "back", now })).toBe(true);
    expect(await recordNudgeDismissed(db, { sessionRef, cartRef: "c1", now })).toBe(true);
    expect(await recordNudgeDismissed(db, { sessionRef, cartRef: "c1", now })).toBe(false);
    expect(
      await recordNudgeConverted(db, {
        sessionRef: `sid-${randomUUID()}`,
        cartRef: "c1",
        orderRef: "o0",
        valueMinor: 100,
        now,
      }),
    ).toBe(false);
    expect(
      await recordNudgeConverted(db, { sessionRef: other, cartRef: "c1", orderRef: "o1", valueMinor: 4700, now }),
    ).toBe(true);
    const shown = (await eventsOfType(db, "nudge.shown")).filter((e) => e.sessionRef === sessionRef);
    expect(shown.map((e) => e.payload)).toEqual([{ cartRef: "c1", trigger: "pointer_top" }]);
    const intents = (await eventsOfType(db, "checkout.exit_intent")).filter((e) => e.sessionRef === sessionRef);
    expect(intents).toHaveLength(2); // every exit intent is logged, shown or not
    const converted = (await eventsOfType(db, "nudge.converted")).filter((e) => e.sessionRef === other);
    expect(converted.map((e) => [e.orderRef, e.valueMinor])).toEqual([["o1", 4700]]);
  });
});

// The webhook schemas of the store and of Playcart's Stripe endpoint accept what Stripe sends
// and refuse what it never sends (amounts out of range, payment states that contradict the event).
import * as playcartObjects from "playcart/internal/next/stripe/objects";
import { describe, expect, it } from "vitest";
import * as storeObjects from "@/lib/stripe/objects";

const session = (overrides: Record<string, unknown> = {}) => ({
  id: "cs_test_1",
  object: "checkout.session",
  client_reference_id: null,
  metadata: {},
  amount_total: 8_900,
  currency: "usd",
  payment_status: "paid",
  payment_intent: "pi_1",
  ...overrides,
});
const charge = (overrides: Record<string, unknown> = {}) => ({
  id: "ch_1",
  object: "charge",
  amount: 8_900,
  amount_refunded: 0,
  currency: "usd",
  payment_intent: "pi_1",
  metadata: {},
  ...overrides,
});

describe.each([
  ["the store", storeObjects],
  ["playcart/next", playcartObjects],
])("%s's Stripe schemas", (_name, objects) => {
  it("accept a paid session, a free session with nothing to pay, and a full refund", () => {
    expect(objects.completedSessionSchema.safeParse(session()).success).toBe(true);
    expect(
      objects.completedSessionSchema.safeParse(session({ payment_status: "no_payment_required", amount_total: 0 }))
        .success,
    ).toBe(true);
    expect(objects.completedSessionSchema.safeParse(session({ payment_status: "unpaid" })).success).toBe(true);
    expect(objects.asyncSucceededSessionSchema.safeParse(session()).success).toBe(true);
    expect(objects.chargeSchema.safeParse(charge({ amount_refunded: 8_900 })).success).toBe(true);
    expect(objects.chargeSchema.safeParse(charge({ amount: 2 ** 31 - 1, amount_refunded: 2 ** 31 - 1 })).success).toBe(
      true,
    );
  });

  it.each([
    ["a negative total", session({ amount_total: -1 })],
    ["a total beyond the integer column", session({ amount_total: 2 ** 31 })],
    ["a fractional total", session({ amount_total: 10.5 })],
    ["no_payment_required with something to pay", session({ payment_status: "no_payment_required" })],
  ])("refuse a completed session with %s", (_case, object) => {
    expect(objects.completedSessionSchema.safeParse(object).success).toBe(false);
  });

  it("refuse async_payment_succeeded unless the session is paid", () => {
    for (const payment_status of ["unpaid", "no_payment_required"])
      expect(objects.asyncSucceededSessionSchema.safeParse(session({ payment_status })).success).toBe(false);
  });

  it.each([
    ["a negative amount", charge({ amount: -8_900 })],
    ["a negative refund", charge({ amount_refunded: -1 })],
    ["a refund larger than the charge", charge({ amount_refunded: 8_901 })],
    ["an amount beyond the integer column", charge({ amount: 2 ** 31, amount_refunded: 0 })],
  ])("refuse a charge with %s", (_case, object) => {
    expect(objects.chargeSchema.safeParse(object).success).toBe(false);
  });
});

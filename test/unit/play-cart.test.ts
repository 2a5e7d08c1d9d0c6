// A play's one-statement guest cart read must say exactly what loadCart + knownEmail say.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { carts, orders, products } from "@/db/schema";
import { seed } from "@/db/seed";
import { addToCart, loadCart } from "@/lib/store/cart";
import { cartSummary, knownEmail } from "@/lib/store/engagement";
import { playCart } from "@/lib/store/play-cart";
import { createMemoryDb } from "../support/pglite";

describe("playCart (guest)", () => {
  let db: Db;
  let close: () => Promise<void>;
  let ids: Record<string, string>;

  beforeAll(async () => {
    vi.stubEnv("AUTH_SECRET", "unit-test-secret-unit-test-secret");
    ({ db, close } = await createMemoryDb());
    await seed(db);
    const rows = await db.select({ id: products.id, slug: products.slug }).from(products);
    ids = Object.fromEntries(rows.map((r) => [r.slug, r.id]));
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await close?.();
  });

  const guest = () => ({ sessionId: `sid-${randomUUID()}`, userId: null, viewer: null });
  const expected = async (shopper: ReturnType<typeof guest>) => {
    const cart = await loadCart(db, shopper);
    return { cartRef: cart.id, email: await knownEmail(db, shopper, cart.email), ...cartSummary(cart.lines) };
  };

  it("matches loadCart + knownEmail for a cart with lines, leaving out an inactive product", async () => {
    const shopper = guest();
    await addToCart(db, shopper, ids["house-espresso"], 2);
    await addToCart(db, shopper, ids["butter-croissant"], 3);
    await db.update(carts).set({ email: "cart@example.test" }).where(eq(carts.sessionId, shopper.sessionId));
    const both = await playCart(db, shopper);
    expect(both).toEqual(await expected(shopper));
    expect(both.itemCount).toBe(5);
    expect(both.email).toBe("cart@example.test");

    await db.update(products).set({ active: false }).where(eq(products.id, ids["butter-croissant"]));
    try {
      const one = await playCart(db, shopper);
      expect(one).toEqual(await expected(shopper));
      expect(one.itemCount).toBe(2);
    } finally {
      await db.update(products).set({ active: true }).where(eq(products.id, ids["butter-croissant"]));
    }
  });

  it("without a cart email, takes the email this browser last paid with (not a pending order's)", async () => {
    const shopper = guest();
    await addToCart(db, shopper, ids["house-espresso"], 1);
    const [cart] = await db.select({ id: carts.id }).from(carts).where(eq(carts.sessionId, shopper.sessionId));
    const order = (email: string, status: "paid" | "pending", paidAt: Date | null) => ({
      cartId: cart.id,
      sessionId: shopper.sessionId,
      email,
      status,
      currency: "usd",
      subtotalMinor: 100,
      totalMinor: 100,
      paidAt,
    });
    await db
      .insert(orders)
      .values([
        order("older@example.test", "paid", new Date("2026-01-01T10:00:00Z")),
        order("newer@example.test", "paid", new Date("2026-02-01T10:00:00Z")),
        order("pending@example.test", "pending", null),
      ]);
    const got = await playCart(db, shopper);
    expect(got).toEqual(await expected(shopper));
    expect(got.email).toBe("newer@example.test");
  });

  it("a session without a cart has no cart, no email and an empty summary", async () => {
    const shopper = guest();
    const got = await playCart(db, shopper);
    expect(got).toEqual(await expected(shopper));
    expect(got).toEqual({ cartRef: null, email: null, valueMinor: 0, itemCount: 0, categories: [] });
  });
});

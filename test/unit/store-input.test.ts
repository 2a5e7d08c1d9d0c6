// Bad shopper input gets a clear error and writes nothing; prices always come from the database.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { cartItems, carts, orderItems, orders, products, users } from "@/db/schema";
import { seed } from "@/db/seed";
import { DEMO_SHOPPER_EMAIL } from "@/db/seed-data";
import { addToCart, CartError, findOpenCart, loadCart, setCartQuantity } from "@/lib/store/cart";
import { placeOrder } from "@/lib/store/orders";
import { addToCartInput, checkoutInput, emailField, setQuantityInput } from "@/lib/store/validation";
import { createMemoryDb } from "../support/pglite";

/** The messages a shopper sees for each field, or the parsed value. */
function problems(
  schema: {
    safeParse: (v: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  input: unknown,
) {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("form validation", () => {
  const productId = randomUUID();

  it.each([
    ["", "Enter your email address."],
    ["   ", "Enter your email address."],
    ["not-an-email", "Enter a valid email address, like name@example.com."],
    ["a@b", "Enter a valid email address, like name@example.com."],
    [`${"a".repeat(290)}@example.com`, "That email address is too long."],
  ])("emailField rejects %j with a clear message", (input, message) => {
    expect(problems(emailField, input)).toEqual([`: ${message}`]);
  });

  it("emailField rejects a missing value", () => {
    expect(problems(emailField, undefined)).toEqual([": Enter your email address."]);
  });

  it("emailField trims and lower-cases", () => {
    expect(emailField.parse("  Ada.Lovelace@Example.COM ")).toBe("ada.lovelace@example.com");
    expect(checkoutInput.parse({ email: "X@Y.io" })).toEqual({ email: "x@y.io" });
  });

  it.each([
    ["0", "Quantity must be at least 1."],
    ["-1", "Quantity must be at least 1."],
    ["1000", "At most 99 of one product."],
    ["100", "At most 99 of one product."],
    ["abc", "Quantity must be a whole number."],
    ["1.5", "Quantity must be a whole number."],
    ["1e2", "Quantity must be a whole number."],
    ["", "Quantity must be a whole number."],
  ])("addToCartInput rejects quantity %j", (quantity, message) => {
    expect(problems(addToCartInput, { productId, quantity })).toEqual([`quantity: ${message}`]);
  });

  it("addToCartInput rejects a quantity sent as a number (FormData only sends strings)", () => {
    expect(problems(addToCartInput, { productId, quantity: 3 })).toEqual(["quantity: Enter a quantity."]);
  });

  it("addToCartInput accepts a whole number string and returns a number", () => {
    expect(addToCartInput.parse({ productId, quantity: "3" })).toEqual({ productId, quantity: 3 });
    expect(addToCartInput.parse({ productId, quantity: " 99 " })).toEqual({ productId, quantity: 99 });
  });

  it("setQuantityInput allows 0 (remove the line) but not negatives", () => {
    expect(setQuantityInput.parse({ productId, quantity: "0" }).quantity).toBe(0);
    expect(problems(setQuantityInput, { productId, quantity: "-1" })).toEqual([
      "quantity: Quantity cannot be negative.",
    ]);
  });

  it.each(["", "42", "house-espresso", `${productId}x`, "'; DROP TABLE products; --"])(
    "productId %j must be a uuid",
    (bad) => {
      expect(problems(addToCartInput, { productId: bad, quantity: "1" })).toEqual([
        "productId: That product does not exist.",
      ]);
    },
  );
});

describe("cart and checkout against the database", () => {
  let db: Db;
  let close: () => Promise<void>;
  let espresso: { id: string; priceMinor: number };
  let croissant: { id: string; priceMinor: number };
  let shopperId: string;

  beforeAll(async () => {
    vi.stubEnv("AUTH_SECRET", "unit-test-secret-unit-test-secret");
    ({ db, close } = await createMemoryDb());
    await seed(db);
    const bySlug = async (slug: string) =>
      (
        await db
          .select({ id: products.id, priceMinor: products.priceMinor })
          .from(products)
          .where(eq(products.slug, slug))
      )[0];
    espresso = await bySlug("house-espresso");
    croissant = await bySlug("butter-croissant");
    [{ id: shopperId }] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_SHOPPER_EMAIL));
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await close?.();
  });

  const guest = () => ({ sessionId: `sid-${randomUUID()}`, userId: null });
  const count = async (table: typeof cartItems | typeof orders | typeof carts) =>
    (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n;

  async function lineQuantity(owner: { sessionId: string; userId: string | null }, productId: string) {
    const cart = await loadCart(db, owner);
    return cart.lines.find((l) => l.productId === productId)?.quantity;
  }

  it("an unknown product is refused on the productId field and writes nothing", async () => {
    const before = { items: await count(cartItems), carts: await count(carts) };
    const err = await addToCart(db, guest(), randomUUID(), 1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CartError);
    expect(err).toMatchObject({ field: "productId", message: "That product does not exist or is no longer sold." });
    expect({ items: await count(cartItems), carts: await count(carts) }).toEqual(before);
  });

  it("an inactive product is refused too", async () => {
    const owner = guest();
    await db.update(products).set({ active: false }).where(eq(products.id, croissant.id));
    try {
      await expect(addToCart(db, owner, croissant.id, 1)).rejects.toMatchObject({ field: "productId" });
    } finally {
      await db.update(products).set({ active: true }).where(eq(products.id, croissant.id));
    }
    expect(await findOpenCart(db, owner)).toBeUndefined();
  });

  it("more than 99 of one product is refused and leaves the line as it was", async () => {
    const owner = guest();
    await addToCart(db, owner, espresso.id, 60);
    await addToCart(db, owner, espresso.id, 39);
    expect(await lineQuantity(owner, espresso.id)).toBe(99);
    const err = await addToCart(db, owner, espresso.id, 1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CartError);
    expect(err).toMatchObject({ field: "quantity", message: "You can have at most 99 of one product in your cart." });
    expect(await lineQuantity(owner, espresso.id)).toBe(99);
  });

  it("setting the quantity of a product not in the cart is refused", async () => {
    const owner = guest();
    await addToCart(db, owner, espresso.id, 1);
    await expect(setCartQuantity(db, owner, croissant.id, 2)).rejects.toMatchObject({ field: "productId" });
    expect(await lineQuantity(owner, croissant.id)).toBeUndefined();
    await setCartQuantity(db, owner, espresso.id, 0);
    expect((await loadCart(db, owner)).lines).toEqual([]);
  });

  it("placing an order with an empty cart is refused and writes no order", async () => {
    const before = await count(orders);
    await expect(placeOrder(db, guest(), "a@example.com")).rejects.toMatchObject({
      field: "cart",
      message: "Your cart is empty.",
    });
    // A cart that exists but was emptied is empty too.
    const owner = guest();
    await addToCart(db, owner, espresso.id, 1);
    await setCartQuantity(db, owner, espresso.id, 0);
    const err = await placeOrder(db, owner, "a@example.com").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CartError);
    expect(err).toMatchObject({ field: "cart" });
    expect(await count(orders)).toBe(before);
  });

  it("placing twice reuses the order and reprices it from the database", async () => {
    const owner = guest();
    await addToCart(db, owner, espresso.id, 2);
    await addToCart(db, owner, croissant.id, 3);
    const first = await placeOrder(db, owner, "buyer@example.com");
    expect(first).toMatchObject({
      status: "pending",
      subtotalMinor: 2 * espresso.priceMinor + 3 * croissant.priceMinor,
      discountMinor: 0,
    });
    expect(first.totalMinor).toBe(first.subtotalMinor);

    // The store changes a price between the two submissions.
    const newPrice = espresso.priceMinor + 555;
    await db.update(products).set({ priceMinor: newPrice }).where(eq(products.id, espresso.id));
    try {
      const second = await placeOrder(db, owner, "buyer@example.com");
      expect(second.id).toBe(first.id);
      expect(second.totalMinor).toBe(2 * newPrice + 3 * croissant.priceMinor);
      const items = await db.select().from(orderItems).where(eq(orderItems.orderId, first.id));
      expect(items.find((i) => i.productId === espresso.id)).toMatchObject({ unitPriceMinor: newPrice, quantity: 2 });
      expect(items).toHaveLength(2);
      const forCart = await db.select({ id: orders.id }).from(orders).where(eq(orders.cartId, first.cartId));
      expect(forCart).toEqual([{ id: first.id }]);
    } finally {
      await db.update(products).set({ priceMinor: espresso.priceMinor }).where(eq(products.id, espresso.id));
    }
  });

  it("merges the guest cart into the account's cart on sign-in, summing and capping at 99", async () => {
    const accountSession = `sid-${randomUUID()}`;
    await addToCart(db, { sessionId: accountSession, userId: shopperId }, espresso.id, 50);
    const browser = guest();
    await addToCart(db, browser, espresso.id, 60);
    await addToCart(db, browser, croissant.id, 2);
    const guestCart = await findOpenCart(db, browser);

    const merged = await findOpenCart(db, { sessionId: browser.sessionId, userId: shopperId });
    const account = { sessionId: accountSession, userId: shopperId };
    expect(merged?.id).toBe((await findOpenCart(db, account))?.id);
    expect(merged?.id).not.toBe(guestCart?.id);
    expect(await lineQuantity(account, espresso.id)).toBe(99);
    expect(await lineQuantity(account, croissant.id)).toBe(2);
    const [guestRow] = await db.select({ status: carts.status }).from(carts).where(eq(carts.id, guestCart!.id));
    expect(guestRow.status).toBe("merged");
    // Seen again, the merged cart adds nothing more.
    await findOpenCart(db, { sessionId: browser.sessionId, userId: shopperId });
    expect(await lineQuantity(account, croissant.id)).toBe(2);
    expect(await findOpenCart(db, browser)).toBeUndefined();
  });

  it("a guest cart becomes the account's cart when the account has none", async () => {
    const [{ id: userId }] = await db
      .insert(users)
      .values({ email: `new-${randomUUID()}@example.test` })
      .returning({ id: users.id });
    const browser = guest();
    await addToCart(db, browser, croissant.id, 4);
    const guestCart = await findOpenCart(db, browser);
    const adopted = await findOpenCart(db, { ...browser, userId });
    expect(adopted?.id).toBe(guestCart?.id);
    const [row] = await db
      .select({ userId: carts.userId, status: carts.status })
      .from(carts)
      .where(eq(carts.id, guestCart!.id));
    expect(row).toEqual({ userId, status: "open" });
    const [{ n }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(cartItems)
      .where(and(eq(cartItems.cartId, guestCart!.id), eq(cartItems.quantity, 4)));
    expect(n).toBe(1);
  });
});

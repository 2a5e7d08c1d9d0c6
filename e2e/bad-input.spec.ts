// What a shopper sees when something is wrong: clear messages next to the field, and no
// change to the cart or the order.
import { Store } from "./pages/store";
import { orderTotal, pointsFor, products, uniqueEmail, usd } from "./support/data";
import { expect, test } from "./support/fixtures";

const { espresso, croissant } = products;

test("checkout refuses an invalid email and says why, next to the field", async ({ page }) => {
  const store = new Store(page);
  await store.addProduct(croissant.slug);
  await page.goto("/checkout");

  for (const [value, message] of [
    ["", "Enter your email address."],
    ["not-an-email", "Enter a valid email address, like name@example.com."],
    ["ada@", "Enter a valid email address, like name@example.com."],
  ] as const) {
    await store.checkoutEmail.fill(value);
    await page.getByRole("button", { name: "Continue to test payment" }).click();
    await expect(store.checkoutEmail).toHaveAccessibleDescription(message);
    await expect(store.checkoutEmail).toHaveAttribute("aria-invalid", "true");
    // What was typed stays, to be corrected rather than typed again.
    await expect(store.checkoutEmail).toHaveValue(value);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Please correct the highlighted fields.");
    await expect(page).toHaveURL(/\/checkout$/);
  }

  // Corrected, the same form goes on to payment.
  await store.placeOrder(uniqueEmail("fixed"));
});

test("sign-in refuses an invalid email and keeps what was typed", async ({ page }) => {
  await page.goto("/signin");
  const field = page.getByLabel("Email", { exact: true });
  await field.fill("ada@example");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(field).toHaveAccessibleDescription("Enter a valid email address, like name@example.com.");
  await expect(field).toHaveValue("ada@example");
  await expect(page).toHaveURL(/\/signin$/);
});

test("checkout with an empty cart says so and offers no way to pay", async ({ page }) => {
  await page.goto("/checkout");
  await expect(page.getByRole("heading", { name: "Checkout" })).toBeVisible();
  await expect(page.getByText("Your cart is empty.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Browse the shop" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Continue to test payment" })).toHaveCount(0);
  await expect(page.getByLabel("Email for your receipt and points")).toHaveCount(0);
});

test("a checkout page left open after the cart was emptied elsewhere cannot place an order", async ({ page }) => {
  const store = new Store(page);
  await store.addProduct(croissant.slug);
  await page.goto("/checkout");
  await expect(page.getByRole("button", { name: "Continue to test payment" })).toBeVisible();

  // The shopper empties the cart in another tab.
  const other = new Store(await page.context().newPage());
  await other.page.goto("/cart");
  await other.page.getByRole("button", { name: `Remove ${croissant.name}` }).click();
  await expect(other.page.getByText("Your cart is empty.")).toBeVisible();
  await other.expectCartCount(0);
  await other.page.close();

  await store.checkoutEmail.fill(uniqueEmail("stale"));
  await page.getByRole("button", { name: "Continue to test payment" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Your cart is empty.");
  await expect(page).toHaveURL(/\/checkout$/);
});

test("an unknown product URL shows the not-found page", async ({ page }) => {
  const response = await page.goto("/products/no-such-product");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to the shop" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Add to cart" })).toHaveCount(0);
});

test("quantities 0, -1, 1000 and abc are refused with a clear message, and the cart is unchanged", async ({ page }) => {
  const store = new Store(page);
  await store.addProduct(espresso.slug, 2);
  await store.expectCartCount(2);

  for (const [value, message] of [
    ["0", "Quantity must be at least 1."],
    ["-1", "Quantity must be at least 1."],
    ["1000", "At most 99 of one product."],
    ["abc", "Quantity must be a whole number."],
    ["1.5", "Quantity must be a whole number."],
  ] as const) {
    await test.step(`quantity "${value}"`, async () => {
      const field = await store.submitQuantity(value);
      await expect(field).toHaveAccessibleDescription(message);
      await expect(field).toHaveAttribute("aria-invalid", "true");
      await expect(field).toHaveValue(value);
      await expect(page.getByRole("status").filter({ hasText: "Added to your cart." })).toHaveCount(0);
      await store.expectCartCount(2);
    });
  }

  await test.step("more than 99 in the cart in total", async () => {
    const field = await store.submitQuantity("98");
    await expect(field).toHaveAccessibleDescription("You can have at most 99 of one product in your cart.");
    await store.expectCartCount(2);
  });

  await store.openCart();
  await store.expectLine(espresso.name, 2);
  await expect(store.subtotal).toHaveText(usd(2 * espresso.priceCents));
});

test("a declined test card says so, leaves the order unpaid, and the shopper can then pay", async ({ page }) => {
  const store = new Store(page);
  const email = uniqueEmail("declined");
  await store.addProduct(espresso.slug);
  await store.openCart();
  await store.goToCheckoutFromCart();
  const orderId = await store.placeOrder(email);

  await page.getByRole("button", { name: "Try a declined card (4000 0000 0000 0002)" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "Your card was declined (test card 4000 0000 0000 0002). You have not been charged.",
  );

  await test.step("the order is not paid and the cart is still there", async () => {
    await expect(page).toHaveURL(new RegExp(`/pay/${orderId}$`));
    await store.expectCartCount(1);
    await page.goto(`/orders/${orderId}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This order is waiting for payment.");
    await expect(store.pointsEarned).toHaveCount(0);
    await page.getByRole("link", { name: "Pay for this order" }).click();
    await expect(page).toHaveURL(new RegExp(`/pay/${orderId}$`));
    await expect(store.payButton(usd(orderTotal(espresso.priceCents)))).toBeVisible();
  });

  await test.step("paying with the good test card then works", async () => {
    await store.payWithTestCard(usd(orderTotal(espresso.priceCents)));
    await expect(store.pointsEarned).toContainText(
      `You earned ${pointsFor(orderTotal(espresso.priceCents))} points with this order.`,
    );
    await store.expectCartCount(0);
  });
});

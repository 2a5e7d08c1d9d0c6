import { expect, test } from "@playwright/test";

test("a shopper browses, fills a cart, checks out and pays with a test card", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Tea and teaware" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Glass Teapot" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Cart/ })).toContainText("(0)");

  await page.getByRole("button", { name: "Add Sencha Green Tea to cart" }).click();
  await expect(page.getByRole("link", { name: /Cart/ })).toContainText("(1)");
  await page.getByRole("button", { name: "Add Sencha Green Tea to cart" }).click();
  await expect(page.getByRole("link", { name: /Cart/ })).toContainText("(2)");
  await page.getByRole("button", { name: "Add Stoneware Mug to cart" }).click();
  await expect(page.getByRole("link", { name: /Cart/ })).toContainText("(3)");

  await page.getByRole("link", { name: /Cart/ }).click();
  await expect(page.getByRole("heading", { name: "Your cart" })).toBeVisible();
  // 2 × €12.90 + €18.00 = €43.80: over €40, so delivery is free.
  await expect(page.getByText("€25.80")).toBeVisible();
  await expect(page.locator(".totals")).toContainText("Free");
  await page.getByLabel("Quantity of Sencha Green Tea").fill("1");
  await page.getByRole("button", { name: "Update" }).first().click();
  await expect(page.getByRole("link", { name: /Cart/ })).toContainText("(2)");
  // €12.90 + €18.00 = €30.90: delivery €4.90.
  await expect(page.locator(".totals")).toContainText("€4.90");

  await page.getByRole("link", { name: "Go to checkout" }).click();
  await expect(page.getByTestId("checkout-total")).toHaveText("€35.80");
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Enter the email address for your receipt.");
  await page.getByLabel("Email for your receipt").fill("ada@example.test");
  await page.getByRole("button", { name: "Place order" }).click();

  await expect(page.getByRole("heading", { name: "Pay for your order" })).toBeVisible();
  await expect(page.getByText("Test mode.")).toBeVisible();
  await page.getByRole("button", { name: "Pay €35.80 with a test card" }).click();

  await expect(page.getByRole("heading", { name: "Thank you for your order" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Payment received. A receipt goes to ada@example.test.");
  await expect(page.getByTestId("order-total")).toHaveText("€35.80");
  // Fulfilment emptied the cart.
  await expect(page.getByRole("link", { name: /Cart/ })).toContainText("(0)");
});

test("an order is shown only to the browser that placed it", async ({ page, browser }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Add Assam Breakfast to cart" }).click();
  await expect(page.getByRole("link", { name: /Cart/ })).toContainText("(1)");
  await page.goto("/checkout");
  await page.getByLabel("Email for your receipt").fill("grace@example.test");
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByRole("heading", { name: "Pay for your order" })).toBeVisible();
  const orderUrl = page.url();

  const stranger = await browser.newContext();
  const other = await stranger.newPage();
  const res = await other.goto(orderUrl);
  expect(res?.status()).toBe(404);
  await stranger.close();
});

test("the store's webhook refuses an unsigned or wrongly signed event", async ({ request }) => {
  const body = JSON.stringify({ id: "evt_forged", type: "checkout.session.completed", data: { object: {} } });
  const unsigned = await request.post("/api/stripe/webhook", {
    data: body,
    headers: { "content-type": "application/json" },
  });
  expect(unsigned.status()).toBe(400);
  const forged = await request.post("/api/stripe/webhook", {
    data: body,
    headers: { "content-type": "application/json", "stripe-signature": "t=1,v1=deadbeef" },
  });
  expect(forged.status()).toBe(400);
});

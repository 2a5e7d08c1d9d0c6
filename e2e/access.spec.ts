// Who may see what: the admin is for store owners, an order for the one who placed it.
import { Store } from "./pages/store";
import { orderTotal, products, uniqueEmail, usd } from "./support/data";
import { expect, test } from "./support/fixtures";

const { croissant } = products;

test("an anonymous visitor who opens the admin is sent to sign in", async ({ page }) => {
  for (const path of ["/admin", "/admin/outbox"]) {
    await page.goto(path);
    await expect(page).toHaveURL(new RegExp(`/signin\\?callbackUrl=${encodeURIComponent(path)}$`));
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Orders" })).toHaveCount(0);
  }
});

test("a signed-in shopper who opens the admin sees it is for store owners only", async ({ page, mailbox }) => {
  const store = new Store(page);
  await store.signIn(mailbox, uniqueEmail("nosy"), { from: "/signin" });
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);

  for (const path of ["/admin", "/admin/outbox"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "Store owners only" })).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Refund / })).toHaveCount(0);
  }
});

test("another browser cannot open someone else's order or its payment page", async ({ page, browser, mailbox }) => {
  const owner = new Store(page);
  await owner.addProduct(croissant.slug);
  await owner.openCart();
  await owner.goToCheckoutFromCart();
  const orderId = await owner.placeOrder(uniqueEmail("owner"));

  await test.step("the unpaid order's payment page", async () => {
    const stranger = await browser.newContext();
    try {
      const p = await stranger.newPage();
      const response = await p.goto(`/pay/${orderId}`);
      expect(response?.status()).toBe(404);
      await expect(p.getByRole("heading", { name: "Not found" })).toBeVisible();
      await expect(p.getByRole("button", { name: /^Pay / })).toHaveCount(0);
    } finally {
      await stranger.close();
    }
  });

  await owner.payWithTestCard(usd(orderTotal(croissant.priceCents)));

  await test.step("the paid order, as a guest and as another signed-in shopper", async () => {
    const stranger = await browser.newContext();
    try {
      const other = new Store(await stranger.newPage());
      const response = await other.page.goto(`/orders/${orderId}`);
      expect(response?.status()).toBe(404);
      await expect(other.page.getByRole("heading", { name: "Not found" })).toBeVisible();
      await expect(other.page.getByText("Thank you!")).toHaveCount(0);

      await other.signIn(mailbox, uniqueEmail("stranger"), { from: "/signin" });
      await other.page.goto(`/orders/${orderId}`);
      await expect(other.page.getByRole("heading", { name: "Not found" })).toBeVisible();
      await expect(other.pointsEarned).toHaveCount(0);
    } finally {
      await stranger.close();
    }
  });

  // The browser that placed it still sees it.
  await page.reload();
  await owner.expectConfirmation();
});

test("the play route answers only the store's own pages: a form post or a cross-site request is refused", async ({
  request,
}) => {
  const body = JSON.stringify({
    campaignId: "00000000-0000-4000-8000-000000000000",
    requestId: "abcdefghijklmnop1234",
  });
  const asForm = await request.post("/api/playcart/play", { headers: { "content-type": "text/plain" }, data: body });
  expect(asForm.status()).toBe(403);
  const crossSite = await request.post("/api/playcart/play", {
    headers: { "content-type": "application/json", "sec-fetch-site": "cross-site" },
    data: body,
  });
  expect(crossSite.status()).toBe(403);
  // The store's own request gets an answer about the game itself (here: no game was offered to this browser).
  const own = await request.post("/api/playcart/play", {
    headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" },
    data: body,
  });
  expect(own.status()).toBe(403);
  expect(await own.json()).toMatchObject({ status: "error", code: "not_offered" });
});

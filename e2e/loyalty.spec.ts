// Loyalty in Chromium: a review earns the community champion badge, shown on the account
// page and on its public page with a preview image; the referral link and the cron sweep.

import type { Page } from "@playwright/test";
import { Store } from "./pages/store";
import { orderTotal, products, uniqueEmail, usd } from "./support/data";
import { expect, test } from "./support/fixtures";

const CRON_SECRET = "e2e-cron-secret-0123456789";
/** The seeded referral card on the account page (the owner may have added other cards). */
const referralCard = (page: Page) => page.getByRole("group", { name: "Refer a friend", exact: true });

test("a shopper posts a review and sees the badge on the account page and its public page", async ({
  page,
  mailbox,
  request,
}) => {
  const store = new Store(page);
  await store.signIn(mailbox, uniqueEmail("reviewer"), { from: "/signin" });
  await page.goto(`/products/${products.croissant.slug}`);

  // Bad input is refused with a reason, and nothing is posted.
  await page.getByRole("button", { name: "Post review" }).click();
  await expect(page.getByText("Choose a rating")).toBeVisible();
  await page.getByLabel("4 stars").check();
  await page.getByLabel("Your review").fill("Too short");
  await page.getByRole("button", { name: "Post review" }).click();
  await expect(page.getByText("Write at least 10 characters")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("region", { name: "Reviews" }).getByText("Too short")).toHaveCount(0);

  const text = `Flaky, buttery and still warm at nine. Worth the queue. (${Date.now().toString(36)})`;
  await page.getByLabel("4 stars").check();
  await page.getByLabel("Your review").fill(text);
  await page.getByRole("button", { name: "Post review" }).click();
  await expect(page.getByText("Thank you! Your review is posted.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("region", { name: "Reviews" }).getByText(text)).toBeVisible();

  // The badge comes from the rules engine, which runs just after the response.
  await expect(async () => {
    await page.goto("/account");
    await expect(page.getByRole("link", { name: "Share your Community champion badge" })).toBeVisible({
      timeout: 1_000,
    });
  }).toPass({ timeout: 15_000 });
  await expect(referralCard(page).getByTestId("stamp-progress")).toHaveText("0 of 9 stamps");
  await expect(page.getByTestId("referral-link")).toHaveValue(/\/r\/[a-z0-9]{8}$/);

  // A birthday: a day that does not exist is refused; a real one is kept.
  await page.getByLabel("Birthday month").selectOption("February");
  await page.getByLabel("Day", { exact: true }).fill("30");
  await page.getByRole("button", { name: "Save birthday" }).click();
  await expect(page.getByText("That day does not exist in that month")).toBeVisible();
  await page.getByLabel("Day", { exact: true }).fill("29");
  await page.getByRole("button", { name: "Save birthday" }).click();
  await expect(page.getByText("Saved. We'll have a treat for you on the day.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Birthday month")).toHaveValue("2");
  await expect(page.getByLabel("Day", { exact: true })).toHaveValue("29");

  await page.getByRole("link", { name: "Share your Community champion badge" }).click();
  await expect(page).toHaveURL(/\/badges\/[A-Za-z0-9_-]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Community champion" })).toBeVisible();
  await expect(page.getByText("Shared an honest review")).toBeVisible();

  // The preview image the page advertises is a real PNG.
  const ogImage = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(ogImage).toBeTruthy();
  const image = await request.get(new URL(ogImage!).pathname + new URL(ogImage!).search);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/png");
  const bytes = await image.body();
  expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
  expect(bytes.length).toBeGreaterThan(5_000);

  // An unknown share id is a 404, not someone else's badge.
  const missing = await request.get("/badges/not-a-real-badge");
  expect(missing.status()).toBe(404);
});

test("a friend who orders through a referral link gives the referrer a stamp", async ({ page, mailbox, browser }) => {
  const store = new Store(page);
  await store.signIn(mailbox, uniqueEmail("referrer"), { from: "/signin" });
  await page.goto("/account");
  await expect(referralCard(page).getByTestId("stamp-progress")).toHaveText("0 of 9 stamps");
  const link = await page.getByTestId("referral-link").inputValue();
  const code = link.split("/r/")[1];

  const friend = await browser.newContext({ baseURL: new URL(link).origin });
  const friendPage = await friend.newPage();
  await friendPage.goto(`/api/playcart/r/${code}`);
  await expect(friendPage).toHaveURL(/\/$/);
  expect((await friend.cookies()).find((c) => c.name === "pc_ref")?.value).toBe(code);
  const friendStore = new Store(friendPage);
  await friendStore.addProduct(products.croissant.slug);
  await friendStore.openCart();
  await friendStore.goToCheckoutFromCart();
  await friendStore.placeOrder(uniqueEmail("friend"));
  await friendStore.payWithTestCard(usd(orderTotal(products.croissant.priceCents)));
  await friend.close();

  // The stamp comes from the rules engine, after the payment webhook's response.
  await expect(async () => {
    await page.goto("/account");
    await expect(referralCard(page).getByTestId("stamp-progress")).toHaveText("1 of 9 stamps", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByText("1 friend has ordered through your link.")).toBeVisible();
});

test("the cron sweep needs the secret and then processes events", async ({ request }) => {
  expect((await request.get("/api/playcart/cron/events")).status()).toBe(401);
  expect(
    (
      await request.get("/api/playcart/cron/events", { headers: { authorization: "Bearer wrong-secret-wrong-secret" } })
    ).status(),
  ).toBe(401);
  const ok = await request.get("/api/playcart/cron/events", { headers: { authorization: `Bearer ${CRON_SECRET}` } });
  expect(ok.status()).toBe(200);
  const body = await ok.json();
  expect(body).toEqual({ birthdays: expect.any(Number), processed: expect.any(Number), fired: expect.any(Number) });
});

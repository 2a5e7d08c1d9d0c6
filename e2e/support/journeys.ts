// Short journeys several specs walk: a guest buying one croissant, a signed-in review.
import { type APIRequestContext, expect, type Page } from "@playwright/test";
import { Store } from "../pages/store";
import { orderTotal, products, usd } from "./data";

/** Adds a croissant, checks out as `email` and pays; returns the order id. */
export async function buyCroissant(page: Page, email: string): Promise<string> {
  const store = new Store(page);
  await store.addProduct(products.croissant.slug);
  await store.openCart();
  await store.goToCheckoutFromCart();
  const orderId = await store.placeOrder(email);
  await store.payWithTestCard(usd(orderTotal(products.croissant.priceCents)));
  return orderId;
}

/** Posts a review of the croissant as the signed-in shopper. */
export async function reviewCroissant(page: Page, text: string) {
  await page.goto(`/products/${products.croissant.slug}`);
  await page.getByLabel("5 stars").check();
  await page.getByLabel("Your review").fill(text);
  await page.getByRole("button", { name: "Post review" }).click();
  await expect(page.getByText("Thank you! Your review is posted.")).toBeVisible();
}

/** Reloads /account until `check` passes: the rules engine works just after a response. */
export async function onAccountEventually(page: Page, check: () => Promise<void>) {
  await expect(async () => {
    await page.goto("/account");
    await check();
  }).toPass({ timeout: 20_000 });
}

/**
 * Runs the engine's points job as a scheduler would, `days` ahead of now (the e2e server pins
 * its clock per request with the pc_test_clock cookie): orders paid before then are past their
 * 14-day return window, so their pending points are released. Tests run one at a time.
 */
export async function releasePendingPoints(request: APIRequestContext, days = 15) {
  const when = new Date(Date.now() + days * 86_400_000).toISOString();
  const res = await request.post("/api/playcart/cron/points", {
    headers: { authorization: "Bearer e2e-cron-secret-0123456789", cookie: `pc_test_clock=${when}` },
  });
  expect(res.status()).toBe(200);
  return (await res.json()) as { released: number; expired: number };
}

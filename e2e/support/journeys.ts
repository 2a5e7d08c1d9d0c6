// Short journeys several specs walk: a guest buying one croissant, a signed-in review.
import { expect, type Page } from "@playwright/test";
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

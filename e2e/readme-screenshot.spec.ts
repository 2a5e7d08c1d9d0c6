// The screenshots in the README (docs/*.png), taken from the running store: the checkout on a
// desktop and on a phone, and an order's confirmation.
import path from "node:path";
import type { Page } from "@playwright/test";
import { campaigns, Games, setStoreClock } from "./pages/games";
import { Store } from "./pages/store";
import { products, uniqueEmail, usd } from "./support/data";
import { expect, test } from "./support/fixtures";

const { espresso, mug } = products;
const WEDNESDAY = "2026-11-18T10:00:00.000Z";

test.use({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, colorScheme: "light" });

async function shoot(page: Page, file: string) {
  // Web fonts and product images are local; wait until they are in before taking it.
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(__dirname, "..", "docs", file), animations: "disabled", caret: "hide" });
}

/** Two products in the cart and the checkout open, the email typed. */
async function checkout(page: Page) {
  const store = new Store(page);
  await store.addProduct(espresso.slug);
  await store.addProduct(mug.slug);
  await page.goto("/checkout");
  await store.checkoutEmail.fill("ada@example.com");
  await store.checkoutEmail.blur();
  await expect(page.getByTestId("order-total")).toHaveText(usd(espresso.priceCents + mug.priceCents));
  await expect(page.getByRole("button", { name: "Continue to test payment" })).toBeEnabled();
  return store;
}

test("README screenshot: the checkout page with two products", async ({ page, context }) => {
  await setStoreClock(context, WEDNESDAY);
  await checkout(page);
  await shoot(page, "checkout.png");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });

  test("README screenshot: the checkout on a phone, the game above the pay button", async ({ page, context }) => {
    await setStoreClock(context, WEDNESDAY);
    await checkout(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect(new Games(page).offer(campaigns.wheel.name)).toBeInViewport();
    await shoot(page, "checkout-phone.png");
  });
});

test("README screenshot: the confirmation of an order that used the wheel's prize", async ({ page, context }) => {
  await setStoreClock(context, WEDNESDAY);
  const store = await checkout(page);
  const games = new Games(page);
  const wheel = games.offer(campaigns.wheel.name);
  // The first-order wheel asks who is playing before it spins.
  const email = uniqueEmail("ada");
  await games.giveEmail(wheel, email);
  await games.open(wheel);
  await wheel.getByRole("button", { name: "Spin the wheel" }).click();
  expect(await games.prizeWon(wheel)).not.toBeNull();
  await expect(page.getByText(/^Continue: you save/)).toBeVisible();
  await store.placeOrder(email);
  await page.getByRole("button", { name: /^Pay .* with test card 4242$/ }).click();
  await store.expectConfirmation();
  await shoot(page, "confirmation.png");
});

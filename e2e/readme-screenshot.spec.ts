// The checkout screenshot in the README (docs/checkout.png), taken from the running store.
import path from "node:path";
import { Store } from "./pages/store";
import { products, usd } from "./support/data";
import { expect, test } from "./support/fixtures";

const { espresso, mug } = products;

test.use({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, colorScheme: "light" });

test("README screenshot: the checkout page with two products", async ({ page }) => {
  const store = new Store(page);
  await store.addProduct(espresso.slug);
  await store.addProduct(mug.slug);
  await page.goto("/checkout");
  await store.checkoutEmail.fill("ada@example.com");
  await store.checkoutEmail.blur();
  await expect(page.getByTestId("order-total")).toHaveText(usd(espresso.priceCents + mug.priceCents));
  await expect(page.getByRole("button", { name: "Continue to test payment" })).toBeEnabled();
  // Web fonts and product images are local; wait until they are in before taking it.
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({
    path: path.join(__dirname, "..", "docs", "checkout.png"),
    animations: "disabled",
    caret: "hide",
  });
});

// The cart: kept across reloads, edited in place, and carried into the account on sign-in.
import { Store } from "./pages/store";
import { products, uniqueEmail, usd } from "./support/data";
import { expect, test } from "./support/fixtures";

const { espresso, croissant, mug } = products;

test("the cart survives a reload", async ({ page }) => {
  const store = new Store(page);
  await store.addProduct(espresso.slug, 2);
  await store.addProduct(croissant.slug);
  await store.openCart();
  await store.expectLine(espresso.name, 2);
  await store.expectLine(croissant.name, 1);
  const subtotal = usd(2 * espresso.priceCents + croissant.priceCents);
  await expect(store.subtotal).toHaveText(subtotal);

  await page.reload();
  await store.expectLine(espresso.name, 2);
  await store.expectLine(croissant.name, 1);
  await expect(store.subtotal).toHaveText(subtotal);
  await store.expectCartCount(3);
});

test("quantity changes in the cart apply to the lines, the subtotal and the header", async ({ page }) => {
  const store = new Store(page);
  await store.addProduct(espresso.slug);
  await store.addProduct(croissant.slug);
  await store.openCart();

  await page.getByRole("button", { name: `One more ${croissant.name}` }).click();
  await store.expectLine(croissant.name, 2);
  await expect(store.subtotal).toHaveText(usd(espresso.priceCents + 2 * croissant.priceCents));
  await store.expectCartCount(3);

  await page.getByRole("button", { name: `One more ${croissant.name}` }).click();
  await store.expectLine(croissant.name, 3);
  await expect(store.subtotal).toHaveText(usd(espresso.priceCents + 3 * croissant.priceCents));

  await page.getByRole("button", { name: `One fewer ${croissant.name}` }).click();
  await store.expectLine(croissant.name, 2);
  await expect(store.subtotal).toHaveText(usd(espresso.priceCents + 2 * croissant.priceCents));
  await store.expectCartCount(3);

  // One fewer of a single item removes the line.
  await page.getByRole("button", { name: `One fewer ${espresso.name}` }).click();
  await expect(page.getByRole("group", { name: `Quantity of ${espresso.name}` })).toHaveCount(0);
  await expect(store.subtotal).toHaveText(usd(2 * croissant.priceCents));
  await store.expectCartCount(2);

  await test.step("the changes were saved", async () => {
    await page.reload();
    await store.expectLine(croissant.name, 2);
    await expect(page.getByRole("link", { name: espresso.name })).toHaveCount(0);
    await expect(store.subtotal).toHaveText(usd(2 * croissant.priceCents));
  });

  await page.getByRole("button", { name: `Remove ${croissant.name}` }).click();
  await expect(page.getByText("Your cart is empty.")).toBeVisible();
  await store.expectCartCount(0);
  await page.reload();
  await expect(page.getByText("Your cart is empty.")).toBeVisible();
});

test("a guest cart merges into the account's cart on sign-in", async ({ page, browser, mailbox }) => {
  const email = uniqueEmail("merge");

  await test.step("earlier, on another device, the account put a mug in its cart", async () => {
    const laptop = await browser.newContext();
    try {
      const earlier = new Store(await laptop.newPage());
      await earlier.signIn(mailbox, email, { from: "/signin" });
      await expect(earlier.page).toHaveURL(/\/account$/);
      await earlier.addProduct(mug.slug);
      await earlier.expectCartCount(1);
    } finally {
      await laptop.close();
    }
  });

  const store = new Store(page);
  await test.step("now, as a guest, the shopper adds a mug and two croissants", async () => {
    await store.addProduct(mug.slug);
    await store.addProduct(croissant.slug, 2);
    await store.expectCartCount(3);
  });

  await test.step("signing in keeps the guest's items and adds the account's", async () => {
    await store.signIn(mailbox, email, { from: "/signin" });
    await expect(page).toHaveURL(/\/account$/);
    await store.expectCartCount(4);
    await store.openCart();
    await store.expectLine(mug.name, 2);
    await store.expectLine(croissant.name, 2);
    await expect(store.subtotal).toHaveText(usd(2 * mug.priceCents + 2 * croissant.priceCents));
  });

  await test.step("the merged cart is the account's: it stays after a reload", async () => {
    await page.reload();
    await store.expectLine(mug.name, 2);
    await store.expectLine(croissant.name, 2);
  });
});

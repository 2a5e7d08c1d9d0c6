// What the Playcart journeys share: the store's pages as a shopper uses them, the store's
// test clock, and a real SMTP server on port 2560 for reminders.
import { type BrowserContext, expect, type Page } from "@playwright/test";

export const CRON_SECRET = process.env.CRON_SECRET ?? "minimal-store-cron-secret-0123456789";
export const ADMIN_TOKEN = process.env.STORE_ADMIN_TOKEN ?? "minimal-store-admin-token-0123456789";
export const SMTP_PORT = Number(process.env.STORE_SMTP_PORT ?? 2560);

let counter = 0;
export const uniqueEmail = (tag: string) => `${tag}-${Date.now()}-${++counter}@example.test`;
export const eur = (minor: number) =>
  new Intl.NumberFormat("en-IE", { style: "currency", currency: "EUR" }).format(minor / 100);
/** "€35.80" -> 3580 */
export const minorOf = (text: string) => Math.round(Number(text.replace(/[^0-9.]/g, "")) * 100);

/**
 * Pins the store's clock for this browser: lib/playcart.ts gives Playcart `now` from the
 * store_test_clock cookie when the server runs with STORE_TEST_CLOCK=cookie (tests only).
 */
export async function setStoreClock(context: BrowserContext, iso: string) {
  await context.addCookies([{ name: "store_test_clock", value: iso, url: "http://127.0.0.1" }]);
}

export async function addProduct(page: Page, name: string, times = 1) {
  await page.goto("/");
  const cart = page.getByRole("link", { name: /^Cart, \d+ items$/ });
  const before = Number((await cart.getAttribute("aria-label"))?.match(/\d+/)?.[0] ?? 0);
  for (let i = 1; i <= times; i++) {
    await page.getByRole("button", { name: `Add ${name} to cart` }).click();
    await expect(cart).toHaveAttribute("aria-label", `Cart, ${before + i} items`);
  }
}

/** Places the order for the cart from the checkout page; returns the order's total. */
export async function placeOrder(page: Page, email: string) {
  await page.getByLabel("Email for your receipt").fill(email);
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByRole("heading", { name: "Pay for your order" })).toBeVisible();
  return minorOf((await page.getByTestId("order-total").textContent()) ?? "");
}

/**
 * Holds the checkout's refreshes (the RSC requests router.refresh() sends) until the returned
 * release is called: the page keeps the totals it had, as on a phone whose refresh is slow.
 */
export async function holdCheckoutRefresh(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(
    (url) => url.pathname === "/checkout",
    async (route) => {
      const request = route.request();
      if (request.method() !== "GET" || request.headers().rsc !== "1") return route.fallback();
      await released;
      await route.continue();
    },
  );
  return release;
}

/** Pays the open order with the test card (the signed event reaches both webhooks). */
export async function payWithTestCard(page: Page) {
  await page.getByRole("button", { name: /with a test card$/ }).click();
  await expect(page.getByRole("heading", { name: "Thank you for your order" })).toBeVisible();
}

export async function buy(page: Page, email: string, product: string) {
  await addProduct(page, product);
  await page.goto("/checkout");
  const total = await placeOrder(page, email);
  await payWithTestCard(page);
  return total;
}

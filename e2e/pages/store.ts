// The storefront as a shopper uses it: by labels, roles and the texts on screen.
import { type Browser, expect, type Locator, type Page, type Request } from "@playwright/test";
import { products } from "../support/data";
import type { Mailbox } from "../support/fixtures";

/** A guest pays for one product in a browser of their own (another shopper); returns the order id. */
export async function guestPaidOrder(browser: Browser, email: string, slug = products.mug.slug): Promise<string> {
  const shopper = await browser.newContext();
  try {
    const store = new Store(await shopper.newPage());
    await store.addProduct(slug);
    await store.openCart();
    await store.goToCheckoutFromCart();
    const id = await store.placeOrder(email);
    // A first order may win the wheel; whatever it took off, pay what is due.
    await store.page.getByRole("button", { name: /^Pay .* with test card 4242$/ }).click();
    await store.expectConfirmation();
    return id;
  } finally {
    await shopper.close();
  }
}

export class Store {
  constructor(readonly page: Page) {}

  // ---- header -------------------------------------------------------------------------

  get cartLink(): Locator {
    return this.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Cart\b/ });
  }

  /** The item count the header shows, e.g. 3 for "Cart (3)". */
  async cartCount(): Promise<number> {
    const text = (await this.cartLink.textContent()) ?? "";
    const match = /\((\d+)\)/.exec(text);
    if (!match) throw new Error(`No item count in the cart link: "${text}"`);
    return Number(match[1]);
  }

  async expectCartCount(n: number) {
    await expect(this.cartLink).toHaveText(`Cart (${n})`);
  }

  // ---- catalog --------------------------------------------------------------------------

  async openCatalog() {
    await this.page.goto("/");
    await expect(this.page.getByRole("heading", { name: "All products" })).toBeVisible();
  }

  async search(query: string) {
    await this.page.getByLabel("Search products").fill(query);
    await this.page.getByRole("search").getByRole("button", { name: "Search" }).click();
    await expect(this.page.getByRole("heading", { name: `Results for “${query}”` })).toBeVisible();
  }

  async chooseCategory(name: string) {
    const chip = this.page.getByRole("navigation", { name: "Categories" }).getByRole("link", { name, exact: true });
    await chip.click();
    await expect(chip).toHaveAttribute("aria-current", "page");
    await expect(this.page.getByRole("heading", { name, exact: true })).toBeVisible();
  }

  /** A product card in the catalog grid; its link reads "<name> <price>". */
  productCard(name: string): Locator {
    return this.page.getByRole("link", { name: new RegExp(`^${escapeRegExp(name)}\\b`) });
  }

  async openProduct(name: string) {
    await this.productCard(name).click();
    await expect(this.page.getByRole("heading", { level: 1, name })).toBeVisible();
  }

  // ---- product page ---------------------------------------------------------------------

  async gotoProduct(slug: string) {
    await this.page.goto(`/products/${slug}`);
    await expect(this.page.getByRole("button", { name: "Add to cart" })).toBeVisible();
  }

  get quantity(): Locator {
    return this.page.getByLabel("Quantity");
  }

  /** Adds from the open product page and waits until the header counts the new items. */
  async addToCart(quantity = 1) {
    const before = await this.cartCount();
    await this.quantity.fill(String(quantity));
    await this.page.getByRole("button", { name: "Add to cart" }).click();
    await expect(this.page.getByRole("status").filter({ hasText: "Added to your cart." })).toBeVisible();
    await this.expectCartCount(before + quantity);
  }

  async addProduct(slug: string, quantity = 1) {
    await this.gotoProduct(slug);
    await this.addToCart(quantity);
  }

  /** Submits a quantity the store must refuse; returns the quantity field for assertions. */
  async submitQuantity(value: string) {
    await this.quantity.fill(value);
    await this.page.getByRole("button", { name: "Add to cart" }).click();
    return this.quantity;
  }

  // ---- cart -----------------------------------------------------------------------------

  async openCart() {
    await this.cartLink.click();
    await expect(this.page.getByRole("heading", { name: "Your cart" })).toBeVisible();
  }

  get subtotal(): Locator {
    return this.page.getByTestId("cart-subtotal");
  }

  /** The number shown between "One fewer" and "One more" for a cart line (a live region). */
  lineQuantity(name: string): Locator {
    return this.page.getByRole("group", { name: `Quantity of ${name}` }).locator("[aria-live]");
  }

  async expectLine(name: string, quantity: number) {
    await expect(this.lineQuantity(name)).toHaveText(String(quantity));
  }

  // ---- checkout and payment -------------------------------------------------------------

  get checkoutEmail(): Locator {
    return this.page.getByLabel("Email for your receipt and points");
  }

  async goToCheckoutFromCart() {
    await this.page.getByRole("link", { name: "Go to checkout" }).click();
    await expect(this.page.getByRole("heading", { name: "Checkout" })).toBeVisible();
  }

  /** Places the order and lands on the test payment page; returns the order id. */
  async placeOrder(email: string): Promise<string> {
    await this.checkoutEmail.fill(email);
    return this.submitCheckout();
  }

  /** Places the order with the email the form holds; returns the order id. */
  async submitCheckout(): Promise<string> {
    const actions = this.recordServerActions();
    try {
      await this.page.getByRole("button", { name: "Continue to test payment" }).click();
      await this.page.waitForURL(/\/pay\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    } catch (err) {
      // What the press led to, so a failure says whether the order was ever sent.
      throw new Error(
        `No payment page after pressing Continue. Server actions sent: ${actions.log.join("; ") || "none"}`,
        {
          cause: err,
        },
      );
    } finally {
      actions.stop();
    }
    await expect(this.page.getByRole("heading", { name: "Pay for your order" })).toBeVisible();
    await expect(this.page.getByText("TEST MODE", { exact: true })).toBeVisible();
    return new URL(this.page.url()).pathname.split("/").pop()!;
  }

  /** Each server action the page posts from now on, as "status ms" once answered ("pending" before). */
  private recordServerActions(): { log: string[]; stop: () => void } {
    const log: string[] = [];
    const started = Date.now();
    const onRequest = (request: Request) => {
      if (request.method() !== "POST" || !request.headers()["next-action"]) return;
      const i = log.push("pending") - 1;
      request
        .response()
        .then((response) => {
          log[i] = `${response?.status() ?? "no response"} after ${Date.now() - started} ms`;
        })
        .catch(() => {
          log[i] = "failed";
        });
    };
    this.page.on("request", onRequest);
    return { log, stop: () => this.page.off("request", onRequest) };
  }

  payButton(total: string): Locator {
    return this.page.getByRole("button", { name: `Pay ${total} with test card 4242` });
  }

  async payWithTestCard(total: string) {
    await this.payButton(total).click();
    await this.expectConfirmation();
  }

  async expectConfirmation() {
    await this.page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
    await expect(this.page.getByRole("heading", { name: "Thank you! Your order is confirmed." })).toBeVisible();
  }

  get pointsEarned(): Locator {
    return this.page.getByTestId("points-earned");
  }

  // ---- account --------------------------------------------------------------------------

  /**
   * Signs in as a person does: asks for a link on /signin, reads the email, opens the link.
   * Starts from the current page when it already shows the sign-in form.
   */
  async signIn(mailbox: Mailbox, email: string, opts: { from?: string } = {}) {
    if (opts.from !== undefined) await this.page.goto(opts.from);
    await expect(this.page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    const since = mailbox.messages.length;
    await this.page.getByLabel("Email", { exact: true }).fill(email);
    await this.page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(this.page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    const mail = await mailbox.waitForMail(
      email,
      (m) => mailbox.messages.indexOf(m) >= since && m.subject.startsWith("Your sign-in link for"),
    );
    const link = /https?:\/\/[^\s<>"]+/.exec(mail.text)?.[0];
    expect(link, `a sign-in link in the email text:\n${mail.text}`).toBeTruthy();
    expect(new URL(link!).origin).toBe(new URL(this.page.url()).origin);
    await this.page.goto(link!);
  }

  get pointsBalance(): Locator {
    return this.page.getByTestId("points-balance");
  }

  /** Rows of the "Points history" table, without its header row. */
  get historyRows(): Locator {
    return this.page
      .getByRole("region", { name: "Points history" })
      .getByRole("row")
      .filter({ hasNot: this.page.getByRole("columnheader") });
  }

  historyRow(reason: string): Locator {
    return this.historyRows.filter({ has: this.page.getByRole("cell", { name: reason, exact: true }) });
  }

  /** Posts a five-star review of the product on its page. */
  async postReview(slug: string, text: string) {
    await this.page.goto(`/products/${slug}`);
    await this.page.getByLabel("5 stars").check();
    await this.page.getByLabel("Your review").fill(text);
    await this.page.getByRole("button", { name: "Post review" }).click();
    await expect(this.page.getByText("Thank you! Your review is posted.")).toBeVisible();
  }

  async openAccount() {
    await this.page.goto("/account");
    await expect(this.page.getByRole("heading", { name: "Your account" })).toBeVisible();
  }
}

export function escapeRegExp(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

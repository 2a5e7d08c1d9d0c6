// The rewards panel on every store page and the reward chosen at checkout, in Chromium: a
// guest and a member open the panel on a product page and at checkout; a member copies their
// referral link, holds two rewards, chooses the second at checkout and pays for that one; the
// confirmation names the reward and what the new balance buys.
import path from "node:path";
import type { Page } from "@playwright/test";
import { RewardsPanel } from "./pages/rewards-panel";
import { Store } from "./pages/store";
import { axe } from "./support/axe";
import { orderTotal, products, uniqueEmail, usd } from "./support/data";
import { expect, test } from "./support/fixtures";
import { releasePendingPoints } from "./support/journeys";

const { espresso, mug, croissant } = products;

/** The README's screenshots (docs/), taken from the journey below. */
const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(__dirname, "..", "docs", name), animations: "disabled", caret: "hide" });

/** axe on the open panel only: no violations of any impact (contrast included). */
async function expectPanelAccessible(page: Page) {
  const results = await axe(page).include("dialog[open]").analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test("a guest opens the rewards panel on a product page and at checkout", async ({ page }) => {
  const store = new Store(page);
  const panel = new RewardsPanel(page);
  await store.gotoProduct(croissant.slug);
  await panel.open();
  await expect(panel.points).toHaveText("0 points");
  await expect(panel.dialog.getByText("None yet.", { exact: false })).toBeVisible();
  await expect(panel.dialog.getByText("1 point for every $1.00 you spend")).toBeVisible();
  await expect(panel.dialog.getByTestId("panel-next-reward")).toHaveText("15 points to Free shipping.");
  await expect(panel.dialog.getByRole("link", { name: "Sign in or join" })).toHaveAttribute("href", "/signin");
  await expectPanelAccessible(page);
  await panel.closeWithEscape();

  await store.addToCart();
  await page.goto("/checkout");
  await expect(page.getByRole("heading", { name: "Checkout" })).toBeVisible();
  await panel.open();
  await expect(panel.dialog.getByText("Ways to earn")).toBeVisible();
  await panel.dialog.getByRole("button", { name: "Close" }).click();
  await expect(panel.dialog).toBeHidden();
  await expect(panel.launcher).toBeFocused();
});

test("a member sees points and rewards in the panel, copies the referral link, and chooses the second reward at checkout", async ({
  page,
  context,
  mailbox,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const store = new Store(page);
  const panel = new RewardsPanel(page);
  const email = uniqueEmail("chooser");
  await store.signIn(mailbox, email, { from: "/signin" });
  await expect(page).toHaveURL(/\/account$/);

  // $47.00 earns 47 points: enough for the croissant (20) and free shipping (15).
  await store.addProduct(espresso.slug, 2);
  await store.addProduct(mug.slug);
  await store.openCart();
  await store.goToCheckoutFromCart();
  await store.placeOrder(email);
  await store.payWithTestCard(usd(orderTotal(2 * espresso.priceCents + mug.priceCents)));
  // The order's points are pending until its return window closes, with their release date.
  await store.gotoProduct(croissant.slug);
  await panel.open();
  await expect(panel.points).toHaveText("0 points (worth $0.00)");
  await expect(panel.dialog.getByTestId("panel-point-lots")).toContainText(
    /47 points \(\$0\.47\) pending until \d{1,2} \w{3}/,
  );
  await panel.closeWithEscape();
  // The engine's points job after the window: released, now spendable.
  expect((await releasePendingPoints(page.request)).released).toBeGreaterThanOrEqual(47);
  await store.openAccount();
  await expect(store.pointsBalance).toHaveText("47");
  await page.getByRole("button", { name: "Redeem 20 points for A butter croissant on us" }).click();
  await expect(store.pointsBalance).toHaveText("27");
  await page.getByRole("button", { name: "Redeem 15 points for Free shipping" }).click();
  await expect(store.pointsBalance).toHaveText("12");
  // The account lists every reward held, with where it applies.
  await expect(page.getByTestId("owned-rewards")).toContainText("Free delivery · Your next order · Bought with points");

  // The panel on a product page: balance, both rewards with expiry, the next reward, the link.
  await store.gotoProduct(croissant.slug);
  await panel.open();
  await expect(panel.points).toHaveText("12 points (worth $0.12)");
  await expect(panel.heldRewards).toHaveCount(2);
  await expect(panel.heldRewards.filter({ hasText: "Free shipping" })).toContainText("Your next order");
  await expect(panel.heldRewards.filter({ hasText: "Free shipping" })).toContainText(/Expires \w{3} \d{1,2}, \d{4}/);
  await expect(panel.dialog.getByTestId("panel-next-reward")).toHaveText("3 points to Free shipping.");
  await expect(panel.dialog.getByRole("progressbar", { name: "Progress to Gold" })).toBeVisible();
  const link = await panel.referralLink.inputValue();
  expect(link).toMatch(/\/api\/playcart\/r\/[a-z0-9]{8}$/);
  await panel.dialog.getByRole("button", { name: "Copy link" }).click();
  await expect(panel.dialog.getByRole("status")).toHaveText("Link copied.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await expectPanelAccessible(page);
  await panel.dialog.evaluate((el) => el.scrollTo(0, 0));
  await screenshot(page, "rewards-panel.png");
  await panel.closeWithEscape();

  // A croissant alone ships for $4.95: free shipping saves $4.95 (the best, preselected),
  // the free croissant $3.50. The shopper chooses the croissant and pays for exactly that.
  await store.addToCart();
  await store.openCart();
  await store.goToCheckoutFromCart();
  await panel.open();
  await expect(panel.heldRewards).toHaveCount(2);
  await panel.closeWithEscape();
  const chooser = page.getByRole("group", { name: "Choose the reward for this order" });
  const freeShipping = chooser.getByRole("radio", { name: /^Free shipping/ });
  const freeCroissant = chooser.getByRole("radio", { name: /^A butter croissant on us/ });
  await expect(freeShipping).toBeChecked();
  await expect(chooser).toContainText("Free delivery: saves $4.95");
  await expect(chooser).toContainText("Saves $3.50");
  await expect(page.getByTestId("order-total")).toHaveText(usd(croissant.priceCents));
  // A forged choice (an id that is not one of the shopper's rewards) is refused in words; no order.
  await freeCroissant.check();
  await freeCroissant.evaluate((el) => {
    (el as HTMLInputElement).value = "00000000-0000-4000-8000-000000000000";
  });
  await store.checkoutEmail.fill(email);
  await page.getByRole("button", { name: "Continue to test payment" }).click();
  await expect(page.getByText("That reward is not available to you for this order.")).toBeVisible();
  await expect(page).toHaveURL(/\/checkout$/);
  await page.reload();
  await freeCroissant.check();
  await expect(page.getByTestId("order-total")).toHaveText(usd(495));
  await store.placeOrder(email);
  await expect(page.getByTestId("order-total")).toHaveText(usd(495));
  await store.payWithTestCard(usd(495));

  // The confirmation names the reward used and what the balance buys: still 12, as this
  // order's 4 points are pending until its return window closes.
  await expect(page.getByTestId("reward-used")).toHaveText(
    "Saved $3.50 with A butter croissant on us (Bought with points).",
  );
  await expect(page.getByTestId("balance-buys")).toHaveText("You now have 12 points. 3 points to Free shipping.");
  await screenshot(page, "confirmation.png");
  // The reward not chosen is still held.
  await store.openAccount();
  await expect(page.getByTestId("owned-rewards")).toContainText("Free shipping");
  await expect(page.getByTestId("owned-rewards")).not.toContainText("A butter croissant on us");
});

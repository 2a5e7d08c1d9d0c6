// Targeting as an owner uses it: an audience of a segment and a cart amount typed in dollars,
// with the server's live estimate of how many customers match; and a rule on the event's own
// product category that pays a coffee review and not a mug review.
import type { Locator, Page } from "@playwright/test";
import { Admin } from "./pages/admin";
import { CampaignEditor } from "./pages/campaign-editor";
import { Store } from "./pages/store";
import { axe } from "./support/axe";
import { products, uniqueEmail } from "./support/data";
import { expect, test } from "./support/fixtures";

/** Adds a row to a condition builder and picks its field; returns the row's controls. */
async function addCondition(scope: Locator, field: string) {
  await scope.getByRole("button", { name: "Add rule" }).click();
  // react-querybuilder's rows carry the class "rule"; each has one field, operator and value.
  const row = scope.locator(".rule").last();
  await row.getByRole("combobox", { name: "Field", exact: true }).selectOption(field);
  return {
    operator: row.getByRole("combobox", { name: "Operator", exact: true }),
    choice: row.getByRole("combobox", { name: "Value", exact: true }),
    amount: row.getByRole("textbox", { name: "Value", exact: true }),
  };
}

const counted = (text: string | null) => Number(text?.match(/^(?:About )?([\d,]+)/)?.[1].replace(/,/g, ""));
const estimate = (page: Page) => page.getByRole("status").filter({ hasText: /match(es)? today/ });

test("an owner targets high-value customers with a $25.00 cart, sees the estimate, and a rule on the event's category pays only for a coffee review", async ({
  page,
  browser,
  mailbox,
}) => {
  test.setTimeout(180_000);
  const tag = Date.now().toString(36);
  const editor = new CampaignEditor(page);
  const admin = new Admin(page);
  await admin.signInAndOpen(mailbox);

  const rule = `Coffee reviews earn 20 points ${tag}`;
  const reason = `Thanks for reviewing our coffee ${tag}`;
  await test.step("a rule on the event's product category", async () => {
    await admin.startRule({ name: rule, key: `coffee-review-${tag}`, trigger: "review.posted" });
    const condition = page.getByRole("region", { name: "Condition" });
    const category = await addCondition(condition, "event.category");
    await category.choice.selectOption({ label: "Coffee" });
    await expect(condition.getByText('{"==":[{"var":"event.category"},"coffee"]}')).toBeAttached();
    await page.getByLabel("Points", { exact: true }).fill("20");
    await page.getByLabel("Reason shown in the ledger").fill(reason);
    await page.getByRole("button", { name: "Save rule" }).click();
    await expect(page).toHaveURL(/\/admin\/settings\/rules\/[0-9a-f-]{36}$/);
  });

  const shopperContext = await browser.newContext();
  try {
    await test.step("a mug review earns nothing from it; a coffee review earns 20 points", async () => {
      const shopperPage = await shopperContext.newPage();
      const shopper = new Store(shopperPage);
      await shopper.signIn(mailbox, uniqueEmail("reviewer"), { from: "/signin" });
      await shopper.postReview(products.mug.slug, `Heavy, warm and the right size for a flat white. (${tag})`);
      await shopper.postReview(products.espresso.slug, `Chocolate and cherry, lovely as a long black. (${tag})`);
      // The engine runs just after each response, in order of the events.
      await expect(async () => {
        await shopper.openAccount();
        await expect(shopper.historyRow(reason)).toHaveCount(1, { timeout: 1_000 });
      }).toPass({ timeout: 20_000 });
      await expect(shopper.historyRow(reason)).toContainText("20");
      // Both reviews were swept by then; reloading later still shows the one entry.
      await shopperPage.waitForTimeout(3_000);
      await shopper.openAccount();
      await expect(shopper.historyRow(reason)).toHaveCount(1);
    });

    await test.step("the audience: a segment and an amount in dollars, with a live estimate", async () => {
      await editor.openNew();
      await editor.fillBasics({ name: `VIP spin ${tag}`, slug: `vip-spin-${tag}`, holdout: "0" });
      const audience = page.getByRole("region", { name: "Audience" });
      // No rules: everyone the store knows matches (the reviewer above at least).
      await expect(estimate(page)).toHaveText(/^(About )?(\d[\d,]*) customers? match(es)? today \(of \2\)\.$/);
      const everyone = Number((await estimate(page).textContent())?.match(/of ([\d,]+)/)?.[1].replace(/,/g, ""));
      expect(everyone).toBeGreaterThanOrEqual(1);

      const segment = await addCondition(audience, "customer.segments");
      await expect(segment.operator).toHaveValue("contains");
      await segment.choice.selectOption({ label: "high value" });
      // The estimate follows the audience: high-value customers only. The reviewer has no paid
      // order, so is not high value: fewer than everyone.
      await expect.poll(async () => counted(await estimate(page).textContent())).toBeLessThan(everyone);
      await expect(estimate(page)).toHaveText(/customers? match(es)? today \(of [\d,]+\)\.$/);
      const vips = counted(await estimate(page).textContent());

      const cart = await addCondition(audience, "cart.valueMinor");
      await cart.operator.selectOption(">=");
      await cart.amount.fill("25.001");
      await expect(cart.amount).toHaveAttribute("aria-invalid", "true");
      await expect(cart.amount).toHaveAccessibleDescription("Type an amount such as 25.00");
      // The builder's rows, the amount's error and the estimate pass axe.
      await audience.evaluate((el) => el.setAttribute("data-axe-scope", ""));
      const results = await axe(page).include("[data-axe-scope]").analyze();
      expect(results.violations.map((v) => `${v.id} (${v.impact}) at ${v.nodes[0]?.target.join(" ")}`)).toEqual([]);
      await cart.amount.fill("25.00");
      await expect(cart.amount).toHaveAttribute("aria-invalid", "false");
      // Stored in cents; the cart is checked at checkout, so the count stays and says so.
      await expect(
        audience.getByText('{"in":["high_value",{"var":"customer.segments"}]},{">=":[{"var":"cart.valueMinor"},2500]}'),
      ).toBeAttached();
      await expect(estimate(page)).toHaveText(
        new RegExp(
          `^(About )?${vips.toLocaleString("en-US")} customers? match(es)? today .*, if their cart and the time also match at checkout\\.$`,
        ),
      );

      await editor.setPrize(1, { label: "5% off", reward: "Percent off", value: "5", weight: "1", cost: "0.50" });
      await editor.create();
      // Saved in cents, shown again in dollars.
      const saved = page.getByRole("region", { name: "Audience" });
      await expect(saved.getByRole("combobox", { name: "Field", exact: true }).nth(1)).toHaveValue("cart.valueMinor");
      await expect(saved.getByRole("textbox", { name: "Value", exact: true })).toHaveValue("25.00");
      await expect(saved.getByRole("combobox", { name: "Value", exact: true })).toHaveValue("high_value");
    });
  } finally {
    await shopperContext.close();
    // Leave the demo's rules as other specs expect them.
    await admin.pauseRule(rule);
  }
});

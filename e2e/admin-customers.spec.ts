// Customers in the admin: find a shopper by email, see their points, and adjust them with a
// required reason (a ledger entry, in the audit trail).
import type { Page } from "@playwright/test";
import { Admin } from "./pages/admin";
import { guestPaidOrder } from "./pages/store";
import { orderTotal, pointsFor, products, uniqueEmail } from "./support/data";
import { expect, test } from "./support/fixtures";
import { holdPageScripts } from "./support/page-scripts";

/** Searches the customers for an email and opens the one found (a link: a page load of its own). */
async function openCustomer(page: Page, email: string) {
  await page.goto("/admin/customers");
  await page.getByLabel("Search by email or name").fill(email);
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: email }).click();
  await expect(page.getByRole("heading", { name: email })).toBeVisible();
}

test("an owner finds a customer and adjusts their points with a reason", async ({ page, browser, mailbox }) => {
  const email = uniqueEmail("loyal");
  await guestPaidOrder(browser, email, products.mug.slug);

  const admin = new Admin(page);
  await admin.signInAndOpen(mailbox);
  await openCustomer(page, email);
  const balance = page.getByTestId("points-balance");
  // The order's points are pending (return window): none available yet.
  await expect(page.getByTestId("points-pending")).toHaveText(
    `${pointsFor(orderTotal(products.mug.priceCents))} pending (return window)`,
  );
  const earned = Number(await balance.textContent());
  expect(earned).toBe(0);

  await test.step("a reason is required, and nothing changes without one", async () => {
    await page.getByLabel("Points", { exact: true }).fill("25");
    await page.getByRole("button", { name: "Adjust points" }).click();
    await expect(page.getByText("Give a reason (5 characters or more)")).toBeVisible();
    await expect(balance).toHaveText(String(earned));
    // The refusal keeps what was typed: only the reason is missing.
    await expect(page.getByLabel("Points", { exact: true })).toHaveValue("25");
  });

  await test.step("with a reason it posts, shows in the history and the audit trail", async () => {
    await page.getByLabel("Reason").fill("Goodwill for a late delivery");
    await page.getByRole("button", { name: "Adjust points" }).click();
    await expect(page.getByText(`Posted +25 points. Balance: ${earned + 25}.`)).toBeVisible();
    await expect(balance).toHaveText(String(earned + 25));
    await expect(page.getByRole("row").filter({ hasText: "Goodwill for a late delivery" })).toContainText("adjust");
    await page.goto("/admin/audit");
    // In words: who adjusted whose points, by how much and why.
    const entry = page.getByTestId("audit-entry").filter({ hasText: "adjusted the points of" }).first();
    await expect(entry.getByRole("link", { name: email })).toHaveAttribute(
      "href",
      /\/admin\/customers\/[0-9a-f-]{36}$/,
    );
    await expect(entry).toContainText(`Balance: ${earned} → ${earned + 25}`);
    await expect(entry).toContainText("Reason: none → Goodwill for a late delivery");
  });
});

test("what an owner types before the page's scripts have run survives a refused adjustment", async ({
  page,
  browser,
  mailbox,
}) => {
  const email = uniqueEmail("early");
  await guestPaidOrder(browser, email, products.mug.slug);
  await new Admin(page).signInAndOpen(mailbox);
  await page.goto(`/admin/customers?q=${encodeURIComponent(email)}`);

  // A slow connection: the customer's page is there, React is not yet.
  const scripts = await holdPageScripts(page);
  await page.getByRole("link", { name: email }).click();
  const points = page.getByLabel("Points", { exact: true });
  const reason = page.getByLabel("Reason");
  await points.fill("25");
  await reason.fill("late");
  await page.getByRole("button", { name: "Adjust points" }).click();
  // React takes over and sends the submit it was handed before: too short a reason.
  await scripts.release();
  await expect(page.getByText("Give a reason (5 characters or more)")).toBeVisible();
  await expect(points).toHaveValue("25");
  await expect(reason).toHaveValue("late");

  await reason.fill("Goodwill for a late delivery");
  await page.getByRole("button", { name: "Adjust points" }).click();
  await expect(page.getByText("Posted +25 points. Balance: 25.")).toBeVisible();
  await expect(page.getByTestId("points-balance")).toHaveText("25");
});

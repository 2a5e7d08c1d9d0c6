// Operations an owner can trust: signing in lands in the admin; a refund is confirmed before
// it is made and the order then reads refunded, on the orders page, the customer's profile
// (with its orders and points) and in the audit trail in words; publishing over a live
// campaign offers to pause that one.
import { Admin } from "./pages/admin";
import { CampaignEditor } from "./pages/campaign-editor";
import { campaigns } from "./pages/games";
import { guestPaidOrder, Store } from "./pages/store";
import { ADMIN_EMAIL, orderLabel, uniqueEmail, usd } from "./support/data";
import { expect, test } from "./support/fixtures";

test("the owner's sign-in lands in the admin", async ({ page, mailbox }) => {
  await page.goto("/signin");
  await new Store(page).signIn(mailbox, ADMIN_EMAIL);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { name: "Orders" })).toBeVisible();
});

test("a refund is confirmed first; the order then reads refunded everywhere, in words", async ({
  page,
  browser,
  mailbox,
}) => {
  const email = uniqueEmail("refunded");
  const label = orderLabel(await guestPaidOrder(browser, email));
  const admin = new Admin(page);
  await admin.signInAndOpen(mailbox);
  await expect(admin.cell(label, "status")).toHaveText("paid");
  const total = (await admin.cell(label, "total").textContent()) ?? "";
  const totalCents = Math.round(Number(total.replace(/[^0-9.]/g, "")) * 100);

  await test.step("asking for a full refund opens a dialog naming the amount; cancelling refunds nothing", async () => {
    await admin.askRefund(label, null);
    await expect(admin.refundDialog).toBeVisible();
    await expect(admin.refundDialog.getByRole("heading")).toHaveText(`Refund ${total} on order ${label}?`);
    await expect(admin.refundDialog).toContainText(`A full refund of ${total} to ${email}`);
    // The dialog is modal and takes focus; Cancel closes it and nothing changes.
    await expect(admin.refundDialog.getByRole("button", { name: `Confirm refund of ${total}` })).toBeFocused();
    await admin.refundDialog.getByRole("button", { name: "Cancel" }).click();
    await expect(admin.refundDialog).toBeHidden();
    await page.reload();
    await expect(admin.cell(label, "refunded")).toHaveText(usd(0));
    await expect(admin.cell(label, "status")).toHaveText("paid");
  });

  await test.step("a confirmed partial refund: partly refunded", async () => {
    await admin.refund(label, "5.00");
    await expect(admin.row(label).getByRole("status")).toHaveText(`Refunded ${usd(500)}.`);
    await expect(admin.cell(label, "status")).toHaveText("partly refunded");
  });

  await test.step("the rest, confirmed: refunded, and nothing left to refund", async () => {
    await admin.askRefund(label, null);
    await expect(admin.refundDialog.getByRole("heading")).toHaveText(
      `Refund ${usd(totalCents - 500)} on order ${label}?`,
    );
    await admin.refundDialog.getByRole("button", { name: /^Confirm refund of / }).click();
    await expect(admin.cell(label, "status")).toHaveText("refunded");
    await expect(admin.cell(label, "refunded")).toHaveText(total);
    await expect(admin.row(label).getByRole("button", { name: `Refund ${label}` })).toHaveCount(0);
  });

  await test.step("the customer's profile lists the order, refunded, with its points taken back", async () => {
    await page.goto(`/admin/customers?q=${encodeURIComponent(email)}`);
    await page.getByRole("link", { name: email }).click();
    const orders = page.getByRole("table", { name: "Orders" });
    const row = orders.getByRole("row").filter({ hasText: label });
    await expect(row).toHaveCount(1);
    const earned = Math.floor(totalCents / 100);
    await expect(row.getByRole("cell")).toHaveText([
      label,
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
      `${total} (${total} refunded)`,
      "refunded",
      `+${earned}, ${earned} taken back`,
    ]);
  });

  await test.step("the audit trail says who refunded which order and how much, in words", async () => {
    await page.goto("/admin/audit");
    const entries = page.getByTestId("audit-entry").filter({ hasText: `refunded order ${label}` });
    await expect(entries).toHaveCount(2);
    await expect(entries.first()).toContainText(ADMIN_EMAIL);
    await expect(entries.first()).toContainText(`Amount refunded: ${usd(500)} → ${total}`);
    await expect(entries.nth(1)).toContainText(`Amount refunded: ${usd(0)} → ${usd(500)}`);
    await expect(page.getByText("amountRefundedMinor")).toHaveCount(0);
  });
});

test("publishing over a live campaign offers to pause that one, in one step", async ({ page, mailbox }) => {
  const admin = new Admin(page);
  const editor = new CampaignEditor(page);
  const tag = Date.now().toString(36);
  const name = `Always-on wheel ${tag}`;
  await admin.signInAndOpen(mailbox);
  await page.goto("/admin/campaigns");
  const wheelHref = (await page.getByRole("link", { name: campaigns.wheel.name }).getAttribute("href"))!;

  await editor.openNew();
  // No weekly window, at the first-order wheel's placement: it would run at the same time.
  await editor.fillBasics({ name, slug: `always-on-${tag}`, holdout: "0" });
  await editor.setPrize(1, { label: "5% off", reward: "Percent off", value: "5", weight: "1", cost: "0.50" });
  await editor.create();
  try {
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: `Overlaps the live campaign “${campaigns.wheel.name}”` }),
    ).toBeVisible();
    await expect(editor.status).toHaveText("draft");
    await page.getByRole("button", { name: `Pause “${campaigns.wheel.name}” and publish` }).click();
    await expect(editor.status).toHaveText("live");

    await page.goto(wheelHref);
    await expect(editor.status).toHaveText("paused");
    await page.goto("/admin/audit");
    const paused = page
      .getByTestId("audit-entry")
      .filter({ hasText: `paused the campaign “${campaigns.wheel.name}”` })
      .first();
    await expect(paused).toContainText(`Reason: none → to publish “${name}”`);
    await expect(paused).toContainText(ADMIN_EMAIL);
  } finally {
    // Leave the demo's campaigns as the other specs expect them.
    await page.goto("/admin/campaigns");
    await page.getByRole("link", { name }).click();
    if ((await editor.status.textContent()) === "live") await editor.setStatus("End", "ended");
    await page.goto(wheelHref);
    if ((await editor.status.textContent()) === "paused") await editor.setStatus("Resume", "live");
  }
});

// Referrals as abusers and owners meet them, in Chromium: the share and copy buttons work; a
// referrer who signs in, opens her own link, signs out and buys as a guest under another email
// is refused, and so is a returning customer under a Gmail variant of her address; the owner
// sees each refusal with its reason (the referrals report and the customer's profile); after a
// full refund of the one real friend's order every count agrees: the account, the card, the
// admin's profile and report.
import type { Browser, Page } from "@playwright/test";
import { Admin } from "./pages/admin";
import { Store } from "./pages/store";
import { orderLabel, orderTotal, products, uniqueEmail, usd } from "./support/data";
import { expect, test } from "./support/fixtures";
import { buyCroissant, onAccountEventually } from "./support/journeys";

const stampProgress = (page: Page) =>
  page.getByRole("group", { name: "Refer a friend", exact: true }).getByTestId("stamp-progress");

/** A fresh browser opens the link and buys a croissant as `email`; returns the order id. */
async function buyThroughLink(browser: Browser, link: string, email: string): Promise<string> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(link);
    return await buyCroissant(page, email);
  } finally {
    await context.close();
  }
}

test("share and copy work; self-referral and a Gmail-variant customer are refused with reasons the owner sees; a full refund keeps every count in step", async ({
  browser,
  context,
  page,
  mailbox,
}) => {
  test.setTimeout(240_000);
  const sharerEmail = uniqueEmail("sharer");
  const store = new Store(page);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  // Headless Chromium has no share sheet: stand in for the Web Share API, keeping what it was given.
  await page.addInitScript(() => {
    Object.defineProperty(navigator, "share", {
      value: async (data: ShareData) => {
        (window as unknown as { sharedWith: ShareData }).sharedWith = data;
      },
    });
  });
  await store.signIn(mailbox, sharerEmail, { from: "/signin" });
  await page.goto("/account");
  const link = await page.getByTestId("referral-link").inputValue();

  await test.step("share, copy and the network links carry the referral link", async () => {
    const share = page.getByRole("group", { name: "Share your link" });
    await share.getByRole("button", { name: "Copy link" }).click();
    await expect(share.getByRole("status")).toHaveText("Link copied.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await share.getByRole("button", { name: "Share", exact: true }).click();
    await expect(share.getByRole("status")).toHaveText("Shared.");
    const shared = await page.evaluate(() => (window as unknown as { sharedWith: ShareData }).sharedWith);
    expect(shared).toEqual({ title: "My referral link", text: expect.stringContaining("Corner Roastery"), url: link });
    const encoded = encodeURIComponent(link);
    await expect(share.getByRole("link", { name: /^X\b/ })).toHaveAttribute(
      "href",
      `https://twitter.com/intent/tweet?text=${encodeURIComponent(shared.text!)}&url=${encoded}`,
    );
    await expect(share.getByRole("link", { name: /^Facebook/ })).toHaveAttribute(
      "href",
      `https://www.facebook.com/sharer/sharer.php?u=${encoded}`,
    );
    // The stamp card shares the same link, with its progress in the text.
    const card = page.getByRole("group", { name: "Share your Refer a friend card" });
    await card.getByRole("button", { name: "Copy link" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  });

  await test.step("signed in, she opens her own link, signs out and buys as a guest under another email", async () => {
    await page.goto(link);
    await page.goto("/account");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/$/);
    await buyCroissant(page, uniqueEmail("alias"));
  });

  const local = `jane.doe.${Date.now().toString(36)}`;
  await test.step("a returning customer comes back through the link under a Gmail variant", async () => {
    const first = await browser.newContext();
    await buyCroissant(await first.newPage(), `${local}@gmail.com`);
    await first.close();
    await buyThroughLink(browser, link, `${local.replace(/\./g, "").toUpperCase()}+promo@googlemail.com`);
  });

  const friendOrder = await buyThroughLink(browser, link, uniqueEmail("friend"));

  await store.signIn(mailbox, sharerEmail, { from: "/signin" });
  await onAccountEventually(page, () => expect(stampProgress(page)).toHaveText("1 of 9 stamps", { timeout: 1_000 }));
  await expect(page.getByTestId("referral-count")).toHaveText("1 friend has ordered through your link.");

  const ownerContext = await browser.newContext();
  const owner = ownerContext.pages()[0] ?? (await ownerContext.newPage());
  const admin = new Admin(owner);
  await admin.signInAndOpen(mailbox);
  await test.step("the owner sees each refusal with its reason, in the report and on the profile", async () => {
    await owner.goto(`/admin/referrals`);
    const ours = owner.getByTestId("referral-row").filter({ hasText: sharerEmail });
    await expect(ours).toHaveCount(3);
    await expect(ours.filter({ hasText: "Converted" })).toHaveCount(1);
    await expect(
      ours.getByText(
        "Ordered from the referrer's browser: the referrer opened their own link in this browser while signed in",
      ),
    ).toBeVisible();
    const gmail = `${local.replace(/\./g, "")}@gmail.com`;
    await expect(
      ours.getByText(`The friend was already a customer: ${gmail} had already ordered (any spelling of the email)`),
    ).toBeVisible();

    await ours.getByRole("link", { name: sharerEmail }).first().click();
    await expect(owner.getByRole("heading", { level: 1, name: sharerEmail })).toBeVisible();
    const profile = owner.getByRole("region", { name: "Referrals" });
    await expect(profile.getByTestId("referral-reason")).toHaveCount(2);
    await expect(profile.getByText(/^The friend was already a customer: /)).toBeVisible();
    await expect(owner.getByText("Refer a friend: 1 of 9 stamps")).toBeVisible();
  });

  await test.step("a full refund of the friend's order: every count agrees", async () => {
    await admin.open();
    const label = orderLabel(friendOrder);
    await admin.refund(label, null);
    // Refunded in full: the row shows the whole total refunded and no refund form is left.
    await expect(admin.cell(label, "refunded")).toHaveText(usd(orderTotal(products.croissant.priceCents)));

    await onAccountEventually(page, () => expect(stampProgress(page)).toHaveText("0 of 9 stamps", { timeout: 1_000 }));
    await expect(page.getByTestId("referral-count")).toHaveText("0 friends have ordered through your link.");
    await owner.goto(`/admin/referrals`);
    const ours = owner.getByTestId("referral-row").filter({ hasText: sharerEmail });
    await expect(ours.filter({ hasText: "Converted" })).toHaveCount(0);
    await expect(ours.filter({ hasText: "Refunded" }).getByTestId("referral-reason")).toHaveText(
      "Refunded in full: the stamp went back",
    );
    await ours.getByRole("link", { name: sharerEmail }).first().click();
    await expect(owner.getByText("Refer a friend: 0 of 9 stamps")).toBeVisible();
  });
  await ownerContext.close();
});

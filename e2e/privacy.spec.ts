// Privacy in Chromium: the notice of financial incentive where a shopper joins (the first-order
// wheel's email step, the rewards panel, sign-in, a friend's referral landing) and its full
// page; a signed-in shopper downloads their loyalty data (their points in the file, nobody
// else's on request), deletes it after a confirmation and is signed out; the admin then shows
// an anonymous, deleted customer whose points history still adds up.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { Admin } from "./pages/admin";
import { campaigns, Games, lastStoreTime, setStoreClock } from "./pages/games";
import { RewardsPanel } from "./pages/rewards-panel";
import { Store } from "./pages/store";
import { orderTotal, products, uniqueEmail, usd } from "./support/data";
import { expect, test } from "./support/fixtures";
import { onAccountEventually } from "./support/journeys";

const NOTICE_LINK = "Read the full notice";

type Export = {
  format: string;
  sections: {
    customer: { id: string; email: string }[];
    points: { balances: { account: string; balance: number }[]; ledger: { reason: string; delta: number }[] };
  };
};

test("a shopper sees the notice where they join, downloads their loyalty data, deletes it and is anonymous to the admin", async ({
  page,
  context,
  browser,
  mailbox,
}) => {
  await setStoreClock(context, lastStoreTime(3, 10));
  const store = new Store(page);
  const email = uniqueEmail("privacy");

  await test.step("the first-order wheel's email step carries the notice, linked to the full one", async () => {
    await store.addProduct(products.croissant.slug);
    await page.goto("/checkout");
    const wheel = new Games(page).offer(campaigns.wheel.name);
    await expect(wheel.getByLabel("Your email")).toBeVisible();
    await expect(wheel.getByText(/^Notice of financial incentive/)).toBeVisible();
    await expect(wheel.getByRole("link", { name: NOTICE_LINK })).toHaveAttribute("href", "/loyalty-notice");
  });

  await test.step("a guest's rewards panel shows it beside the invitation to join", async () => {
    const panel = new RewardsPanel(page);
    await panel.launcher.click();
    await expect(panel.dialog.getByRole("link", { name: NOTICE_LINK })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(panel.dialog).toBeHidden();
  });

  await test.step("the full notice says what the programme collects, gives, is worth, and how to leave", async () => {
    await page.goto("/loyalty-notice");
    await expect(page.getByRole("heading", { level: 1, name: "Notice of financial incentive" })).toBeVisible();
    for (const heading of ["What you get", "What your data is worth", "How to join, and how to leave"])
      await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
    await expect(page.getByText(/point for every \$1\.00 you spend/)).toBeVisible();
  });

  await test.step("the shopper buys, and sign-in (joining) shows the notice too", async () => {
    await page.goto("/checkout");
    await store.placeOrder(email);
    await store.payWithTestCard(usd(orderTotal(products.croissant.priceCents)));
    await page.goto("/signin");
    await expect(page.getByRole("link", { name: NOTICE_LINK })).toBeVisible();
    await store.signIn(mailbox, email);
  });

  // The order's points wait out the store's return window: none available yet, some pending.
  let balance = 0;
  let pending = 0;
  let code = "";
  await onAccountEventually(page, async () => {
    balance = Number(await page.getByTestId("points-balance").textContent({ timeout: 1_000 }));
    const line = await page.getByText(/points \(\$[\d.]+\) pending until/).textContent({ timeout: 1_000 });
    pending = Number(/^(\d+) points/.exec(line ?? "")?.[1]);
    expect(pending).toBeGreaterThan(0);
  });
  code = /\/r\/([a-z0-9]{8})$/.exec(await page.getByTestId("referral-link").inputValue())![1];

  const data = await test.step("the download holds their points, and another shopper's id is refused", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download my loyalty data" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^loyalty-data-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(await readFile((await download.path())!, "utf8")) as Export;
    expect(file.format).toBe("playcart.loyalty-data");
    expect(file.sections.customer.map((c) => c.email)).toEqual([email]);
    expect(file.sections.points.balances).toContainEqual({ account: "pending", balance: pending });
    expect(file.sections.points.ledger.reduce((s, e) => s + e.delta, 0)).toBe(balance + pending);
    expect(file.sections.points.ledger.some((e) => /^Order [0-9A-F]{8} paid$/.test(e.reason))).toBe(true);

    const own = await page.request.get(`/api/playcart/privacy/export?customer=${file.sections.customer[0].id}`);
    expect(own.status()).toBe(200);
    const other = await page.request.get(`/api/playcart/privacy/export?customer=${randomUUID()}`);
    expect(other.status()).toBe(403);
    return file;
  });

  await test.step("a friend following the shopper's link lands on an invitation with the notice", async () => {
    const friend = await browser.newContext();
    try {
      const friendPage = await friend.newPage();
      await friendPage.goto(`/api/playcart/r/${code}`);
      const invite = friendPage.getByRole("region", { name: "A friend invited you" });
      await expect(invite.getByRole("link", { name: NOTICE_LINK })).toBeVisible();
    } finally {
      await friend.close();
    }
  });

  await test.step("deleting asks for a clear confirmation, then signs the shopper out", async () => {
    await page.goto("/account");
    await page.getByRole("button", { name: "Delete my loyalty data…" }).click();
    const submit = page.getByRole("button", { name: "Delete my loyalty data", exact: true });
    await submit.click();
    await expect(page.getByText("Tick the box to confirm that you want your loyalty data deleted")).toBeVisible();
    await expect(page.getByTestId("points-balance")).toHaveText(String(balance));
    await page.getByLabel("I understand: delete my loyalty data for good.").check();
    await submit.click();
    await page.waitForURL(/\/\?loyalty=deleted$/);
    await expect(page.getByRole("status").filter({ hasText: "Your loyalty data has been deleted" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" })).toBeVisible();
    await page.goto("/account");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=(%2F|\/)account$/);
    expect((await page.request.get("/api/playcart/privacy/export")).status()).toBe(401);
  });

  await test.step("the admin shows an anonymous, deleted customer whose points still add up", async () => {
    const owner = await browser.newContext();
    try {
      const admin = new Admin(await owner.newPage());
      await admin.signInAndOpen(mailbox);
      await admin.page.goto(`/admin/customers/${data.sections.customer[0].id}`);
      await expect(admin.page.getByRole("heading", { level: 1, name: "Deleted customer" })).toBeVisible();
      await expect(admin.page.getByText(email)).toHaveCount(0);
      await expect(admin.page.getByTestId("points-balance")).toHaveText(String(balance));
      await expect(admin.page.getByTestId("points-pending")).toHaveText(`${pending} pending (return window)`);
      await expect(admin.page.getByRole("region", { name: "Delete loyalty data" })).toHaveCount(0);
    } finally {
      await owner.close();
    }
  });
});

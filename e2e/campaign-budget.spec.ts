// Campaign budgets as an owner meets them: a budget typed in dollars, refused next to its field
// when impossible, a meter that moves as shoppers win, and a campaign that pauses itself once
// the budget cannot pay for another win. Then the prize row's own limits: a daily cap, a
// maximum discount and a free product picked from the catalog, saved and read back; and the
// preview's reward expiry told in the store's time zone.
import type { BrowserContext, Page } from "@playwright/test";
import { Admin } from "./pages/admin";
import { CampaignEditor } from "./pages/campaign-editor";
import { Games, lastStoreTime, setStoreClock } from "./pages/games";
import { Store } from "./pages/store";
import { products, uniqueEmail } from "./support/data";
import { expect, test } from "./support/fixtures";

// The last Wednesday, 11:00 in Berlin, inside the campaign's Wednesday window.
const WEDNESDAY = lastStoreTime(3, 11);

/** A shopper's checkout at the campaign's Wednesday, an espresso in the cart. */
async function checkoutOn(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await setStoreClock(context, WEDNESDAY);
  const store = new Store(page);
  await store.addProduct(products.espresso.slug);
  await store.openCart();
  await store.goToCheckoutFromCart();
  return page;
}

async function shopperWins(context: BrowserContext, name: string): Promise<string | null> {
  const games = new Games(await checkoutOn(context));
  const offer = games.offer(name);
  await games.giveEmail(offer, uniqueEmail("budget"));
  await games.open(offer);
  await offer.getByRole("button", { name: "Spin the wheel" }).click();
  return games.prizeWon(offer);
}

/** The owner, signed in at the admin, with the campaign editor at hand and a unique tag. */
async function ownerAt(page: Page, mailbox: Parameters<Admin["signInAndOpen"]>[0]) {
  await new Admin(page).signInAndOpen(mailbox);
  return { editor: new CampaignEditor(page), tag: Date.now().toString(36) };
}

const meter = (page: Page) => page.getByTestId("budget-meter");

test("an owner sets a budget in dollars; the meter moves with each win and the campaign pauses itself when spent", async ({
  page,
  browser,
  mailbox,
}) => {
  const { editor, tag } = await ownerAt(page, mailbox);
  const name = `Budget wheel ${tag}`;

  let campaignId = "";
  await test.step("create a campaign whose every spin wins $5, with a $10.00 budget", async () => {
    await editor.openNew();
    await editor.fillBasics({ name, slug: `budget-wheel-${tag}`, holdout: "0" });
    await editor.setPrize(1, { label: "$5 off", reward: "Amount off", value: "5", weight: "1", cost: "5.00" });
    await page.getByLabel("Plays per window").fill("1");
    await editor.addWindow({ day: "Wednesday", opens: "09:00", closes: "15:00" });
    campaignId = await editor.create();
  });

  await test.step("an impossible budget is refused next to its field, and nothing changes", async () => {
    const total = page.getByLabel("Total budget (USD)", { exact: true });
    await total.fill("ten dollars");
    await page.getByRole("button", { name: "Save campaign" }).click();
    await expect(total).toHaveAccessibleDescription(/The total budget must be an amount, e.g. 250.00/);
    await total.fill("10.00");
    await page.getByLabel("Daily budget (USD)", { exact: true }).fill("20.00");
    await page.getByRole("button", { name: "Save campaign" }).click();
    await expect(page.getByLabel("Daily budget (USD)", { exact: true })).toHaveAccessibleDescription(
      /The daily budget is larger than the total/,
    );
    await page.reload();
    await expect(page.getByLabel("Total budget (USD)", { exact: true })).toHaveValue("");
    await expect(meter(page)).toHaveCount(0); // nothing was saved: still no budget to meter
    // The editor's inputs are React state: typing before it hydrates would be lost.
    await page.waitForLoadState("networkidle");
  });

  await test.step("set the budget and publish", async () => {
    await page.getByLabel("Total budget (USD)", { exact: true }).fill("10.00");
    await page.getByRole("button", { name: "Save campaign" }).click();
    // Saved: the editor shows the stored campaign again, now with its meter.
    await expect(meter(page)).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Total budget (USD)", { exact: true })).toHaveValue("10.00");
    await expect(meter(page)).toContainText("Total: $0.00 of $10.00 spent, $10.00 left");
    await editor.setStatus("Publish", "live");
  });

  const shoppers = await Promise.all([1, 2, 3].map(() => browser.newContext()));
  try {
    await test.step("a first win moves the meter", async () => {
      expect(await shopperWins(shoppers[0], name)).toBe("$5 off");
      await page.reload();
      await expect(meter(page)).toContainText("Total: $5.00 of $10.00 spent, $5.00 left");
      await expect(editor.status).toHaveText("live");
    });

    await test.step("the win that spends the budget pauses the campaign", async () => {
      expect(await shopperWins(shoppers[1], name)).toBe("$5 off");
      await page.reload();
      await editor.expectPausedBySpentBudget(name, "Total: $10.00 of $10.00 spent, $0.00 left");
    });

    await test.step("the next shopper is not offered it", async () => {
      const next = await checkoutOn(shoppers[2]);
      await expect(next.getByRole("heading", { name: "Checkout" })).toBeVisible();
      await expect(new Games(next).offer(name)).toHaveCount(0);
    });
  } finally {
    await Promise.all(shoppers.map((s) => s.close()));
  }

  await test.step("resuming it is refused until the budget is raised", async () => {
    await page.goto(`/admin/campaigns/${campaignId}`);
    await page.getByRole("button", { name: "Resume", exact: true }).click();
    await expect(
      page.getByText("The budget is spent: raise the total budget to resume the campaign").first(),
    ).toBeVisible();
    await expect(editor.status).toHaveText("paused");
  });
});

test("a prize's daily cap, maximum discount and catalog product save and read back; free shipping has no value box; the preview tells the right expiry", async ({
  page,
  mailbox,
}) => {
  const { editor, tag } = await ownerAt(page, mailbox);
  // 23:30 on 20 March in Berlin (22:30 UTC): 14 days later is 4 April in Berlin (summer time
  // began on the 29th), still 3 April in UTC.
  await setStoreClock(page.context(), "2026-03-20T22:30:00Z");

  await editor.openNew();
  const name = `Prize limits ${tag}`;
  await editor.fillBasics({ name, slug: `prize-limits-${tag}`, holdout: "0" });
  await editor.setPrize(1, { label: "20% off", reward: "Percent off", value: "20", weight: "1", cost: "3.00" });
  await page.getByLabel("Prize 1 daily cap (wins per store day)").fill("3");
  await page.getByLabel("Prize 1 maximum discount (USD)").fill("4.50");

  await page.getByRole("button", { name: "Add prize" }).click();
  await page.getByLabel("Prize 2 label").fill("Free croissant");
  await page.getByLabel("Prize 2 reward").selectOption({ label: "Free product" });
  const product = page.getByLabel("Prize 2 product");
  await expect(product.getByRole("option", { name: products.croissant.name })).toHaveCount(1);
  await product.selectOption({ label: products.croissant.name });

  await page.getByRole("button", { name: "Add prize" }).click();
  await page.getByLabel("Prize 3 label").fill("Free delivery");
  await page.getByLabel("Prize 3 reward").selectOption({ label: "Free shipping" });
  await expect(page.getByLabel(/^Prize 3 (percent|amount|points|product)/)).toHaveCount(0);
  await expect(page.getByLabel(/^Prize 3 maximum discount/)).toHaveCount(0);

  await test.step("the preview says when a 14-day reward expires, in store time", async () => {
    await page.getByLabel("Prizes apply to").selectOption({ label: "The next order" });
    await page.getByLabel("Rewards valid for (days)").fill("14");
    const games = new Games(page);
    const preview = games.offer(name);
    await games.open(preview);
    await preview.getByRole("button", { name: "Spin the wheel" }).click();
    await expect(games.result(preview)).toContainText("until April 4, 2026", { timeout: 15_000 });
  });

  await editor.create();
  await page.reload();
  await expect(page.getByLabel("Prize 1 daily cap (wins per store day)")).toHaveValue("3");
  await expect(page.getByLabel("Prize 1 maximum discount (USD)")).toHaveValue("4.50");
  await expect(page.getByLabel("Prize 2 product")).toHaveValue(products.croissant.slug);
  await expect(page.getByLabel("Prize 3 reward")).toHaveValue("free_shipping");
  await expect(page.getByLabel("Rewards valid for (days)")).toHaveValue("14");
});

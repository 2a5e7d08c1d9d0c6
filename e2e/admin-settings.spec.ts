// The owner's settings take effect for shoppers: a reward added to the catalog and then
// edited shows on a shopper's account page as edited, and a rule built in the rule editor
// (trigger, a condition from the visual builder, an outcome) pays points for a review.
import type { Page } from "@playwright/test";
import { Admin } from "./pages/admin";
import { Store } from "./pages/store";
import { products, uniqueEmail } from "./support/data";
import { expect, test } from "./support/fixtures";
import { holdPageScripts, hydrated } from "./support/page-scripts";

const saved = (page: Page, name: string) => page.getByRole("status").filter({ hasText: `Saved ${name}.` });

test("the owner edits the reward catalog and a rule, and the shopper sees both take effect", async ({
  page,
  browser,
  mailbox,
}) => {
  test.setTimeout(180_000);
  const tag = Date.now().toString(36);
  const reward = `Tote bag voucher ${tag}`;
  await new Admin(page).signInAndOpen(mailbox);

  // A new catalog reward, with an impossible cost refused first.
  await page.goto("/admin/settings");
  await page.getByRole("link", { name: "Reward catalog" }).click();
  const form = page.getByRole("region", { name: "New reward" });
  await form.getByLabel("Name").fill(reward);
  await form.getByLabel("Key").fill(`tote-${tag}`);
  await form.getByLabel("Points cost").fill("0");
  await form.getByLabel("Value").fill("3"); // dollars: $3 off
  await form.getByRole("button", { name: "Add reward" }).click();
  await expect(form.getByText("It must cost at least 1 point")).toBeVisible();
  // What was typed stays, so only the wrong field needs fixing.
  await expect(form.getByLabel("Name")).toHaveValue(reward);
  await form.getByLabel("Points cost").fill("500");
  await form.getByRole("button", { name: "Add reward" }).click();
  await expect(saved(page, reward)).toBeVisible();
  await expect(form.getByLabel("Name")).toHaveValue("");

  // The shopper, in another browser context, sees it on the account page.
  const shopperContext = await browser.newContext();
  try {
    const shopperPage = await shopperContext.newPage();
    const shopper = new Store(shopperPage);
    await shopper.signIn(mailbox, uniqueEmail("settings"), { from: "/signin" });
    await shopper.openAccount();
    await expect(shopperPage.getByRole("button", { name: `Redeem 500 points for ${reward}` })).toBeVisible();

    // The owner makes it cheaper; the shopper's catalog follows.
    await page.reload();
    await page.getByText(`Edit ${reward}`).click();
    const edit = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: reward }) });
    // Kept in cents, shown as typed.
    await expect(edit.getByLabel("Value")).toHaveValue("3.00");
    await edit.getByLabel("Points cost").fill("450");
    await edit.getByRole("button", { name: "Save reward" }).click();
    await expect(saved(page, reward)).toBeVisible();
    await shopper.openAccount();
    await expect(shopperPage.getByRole("button", { name: `Redeem 450 points for ${reward}` })).toBeVisible();
    await expect(shopperPage.getByRole("button", { name: `Redeem 500 points for ${reward}` })).toHaveCount(0);

    // A rule: a review by a shopper with no paid orders earns points.
    const rule = `Reviews earn points ${tag}`;
    await new Admin(page).startRule({ name: rule, key: `review-points-${tag}`, trigger: "review.posted" });
    await page.getByRole("button", { name: "Add rule" }).click();
    await page.getByRole("combobox", { name: "Field", exact: true }).selectOption("customer.paidOrders");
    await expect(page.getByText('{"==":[{"var":"customer.paidOrders"},0]}')).toBeAttached();
    await page.getByLabel("Points", { exact: true }).fill("0");
    await page.getByRole("button", { name: "Save rule" }).click();
    await expect(page.getByText("At least 1 point")).toBeVisible();
    await page.getByLabel("Points", { exact: true }).fill("5");
    await page.getByLabel("Reason shown in the ledger").fill(`Thanks for your review ${tag}`);
    await page.getByRole("button", { name: "Save rule" }).click();
    await expect(page).toHaveURL(/\/admin\/settings\/rules\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name: rule })).toBeVisible();
    // Edited after creation: the engine uses the edited outcome.
    await page.getByLabel("Points", { exact: true }).fill("9");
    await page.getByRole("button", { name: "Save rule" }).click();
    await expect(saved(page, rule)).toBeVisible();

    await shopper.postReview(products.croissant.slug, `Crisp outside, soft inside, gone in a minute. (${tag})`);
    // The engine runs just after the response.
    await expect(async () => {
      await shopper.openAccount();
      await expect(shopper.pointsBalance).toHaveText("9", { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });

    // The audit trail has the rule's edit, with before and after.
    await page.goto("/admin/audit");
    await expect(
      page.getByTestId("audit-entry").filter({ hasText: "edited the rule" }).first().getByRole("link"),
    ).toHaveText(`“${rule}”`);
  } finally {
    await shopperContext.close();
    // Leave the shared demo data as other specs expect it.
    await new Admin(page).pauseRule(`Reviews earn points ${tag}`);
    await page.goto("/admin/settings/catalog");
    await page.getByRole("button", { name: `Deactivate ${reward}` }).click();
    await expect(page.getByRole("status").filter({ hasText: "is off the catalog." })).toBeVisible();
  }
});

test("the owner adds a badge and a stamp card that gives it", async ({ page, mailbox }) => {
  const tag = Date.now().toString(36);
  const badge = `Early bird ${tag}`;
  const card = `Morning coffees ${tag}`;
  await new Admin(page).signInAndOpen(mailbox);
  await page.goto("/admin/settings/badges");

  const newBadge = page.getByRole("region", { name: "New badge" });
  await newBadge.getByLabel("Name of the new badge").fill(badge);
  await newBadge.getByLabel("Badge key").fill("community-champion"); // taken
  await newBadge.getByLabel("Emoji").fill("🐦");
  await newBadge.getByLabel("How it is earned").fill("Three orders before nine");
  await newBadge.getByRole("button", { name: "Add badge" }).click();
  await expect(newBadge.getByText("Another badge already uses this key")).toBeVisible();
  await newBadge.getByLabel("Badge key").fill(`early-bird-${tag}`);
  await newBadge.getByRole("button", { name: "Add badge" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Added ${badge}.` })).toBeVisible();
  await expect(newBadge.getByLabel("Name of the new badge")).toHaveValue("");

  const newCard = page.getByRole("region", { name: "New stamp card" });
  await newCard.getByLabel("Name of the new card").fill(card);
  await newCard.getByLabel("Card key").fill(`mornings-${tag}`);
  await newCard.getByLabel("Stamps to fill it").fill("3");
  await newCard.getByLabel("Badge when full").selectOption({ label: badge });
  await newCard.getByRole("button", { name: "Add stamp card" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Added ${card}.` })).toBeVisible();

  // Kept: both are listed for editing under their keys, the card giving the new badge.
  await page.reload();
  await expect(page.getByLabel(`Name of badge early-bird-${tag}`)).toHaveValue(badge);
  await expect(page.getByLabel(`Name of card mornings-${tag}`)).toHaveValue(card);
  const cardForm = page.locator("form").filter({ has: page.getByLabel(`Name of card mornings-${tag}`) });
  await expect(cardForm.getByLabel("Badge when full").locator("option:checked")).toHaveText(badge);
});

test("a refused save keeps what the owner typed in the settings", async ({ page, mailbox }) => {
  await new Admin(page).signInAndOpen(mailbox);
  await page.goto("/admin/settings");
  const expiry = page.getByLabel("Points expire after (days)");
  const savedExpiry = await expiry.inputValue();
  // Before React has the page, a submit is the browser's own post of the form: a new page.
  await hydrated(expiry);

  await expiry.fill("soon");
  await page.getByRole("button", { name: "Save points settings" }).click();
  await expect(page.getByText("Enter a number of days")).toBeVisible();
  await expect(expiry).toHaveValue("soon");

  const age = page.getByLabel("Minimum age");
  const residents = page.getByLabel("Open to residents of");
  const wording = page.getByLabel("Prize wording");
  const savedWording = await wording.inputValue();
  const otherWording = savedWording === "win" ? "gift" : "win";
  await age.fill("eleven");
  await residents.fill("the Isle of Man");
  await wording.selectOption(otherWording);
  await page.getByRole("button", { name: "Save the rules' terms" }).click();
  await expect(page.getByText("A whole number of years from 13 to 25, or empty")).toBeVisible();
  await expect(age).toHaveValue("eleven");
  await expect(residents).toHaveValue("the Isle of Man");
  await expect(wording).toHaveValue(otherWording);

  // Refused, so nothing was stored.
  await page.reload();
  await expect(expiry).toHaveValue(savedExpiry);
  await expect(residents).not.toHaveValue("the Isle of Man");
  await expect(wording).toHaveValue(savedWording);
});

test("what the owner types before the page's scripts have run stays through a refused save", async ({
  page,
  mailbox,
}) => {
  await new Admin(page).signInAndOpen(mailbox);
  // A slow connection: the settings are there to type into, React is not yet.
  const scripts = await holdPageScripts(page);
  // Not waiting for the load event, which waits for the held scripts.
  await page.goto("/admin/settings", { waitUntil: "commit" });
  const rate = page.getByLabel(/^Earn rate/);
  const tierName = page.getByLabel("Tier 1 name");
  const savedName = await tierName.inputValue();
  await rate.fill("lots");
  await tierName.fill(`${savedName} typed early`);
  await scripts.release();
  await hydrated(rate);

  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Enter a number", { exact: true })).toBeVisible();
  // Both were still what the owner typed when the refusal came back: the tier row's (posted
  // from the form's state as a hidden field) as much as the earn rate's.
  await expect(rate).toHaveValue("lots");
  await expect(tierName).toHaveValue(`${savedName} typed early`);

  // Refused, so nothing was stored.
  await page.reload();
  await expect(tierName).toHaveValue(savedName);
  await expect(rate).not.toHaveValue("lots");
});

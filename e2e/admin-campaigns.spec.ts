// Issue 5 acceptance: a store owner creates a spin-wheel campaign with three prizes, a budget
// and a Saturday window through the admin, publishes it; a shopper in another browser sees
// it at checkout and plays; the campaign's funnel counts the play; pausing it ends the offer.
import { Admin } from "./pages/admin";
import { CampaignEditor } from "./pages/campaign-editor";
import { Games, setStoreClock } from "./pages/games";
import { Store } from "./pages/store";
import { products } from "./support/data";
import { expect, test } from "./support/fixtures";

const SATURDAY = "2026-11-21T10:00:00.000Z"; // 11:00 in Berlin, inside 09:00-15:00

test("an owner builds, publishes and pauses a Saturday wheel; a shopper plays it; the funnel counts the play", async ({
  page,
  browser,
  mailbox,
}) => {
  const admin = new Admin(page);
  const editor = new CampaignEditor(page);
  const tag = Date.now().toString(36);
  const name = `Saturday wheel ${tag}`;
  await admin.signInAndOpen(mailbox);

  let campaignId = "";
  await test.step("create the campaign through the editor", async () => {
    await editor.openNew();
    // Holdout 0: this shopper must be offered the game (holdouts are covered by unit tests).
    await editor.fillBasics({ name, slug: `saturday-wheel-${tag}`, holdout: "0" });
    await editor.setPrize(1, {
      label: "10% off",
      reward: "Percent off",
      value: "10",
      weight: "1",
      cost: "1.00",
      budget: "50.00",
    });
    await editor.setPrize(2, { label: "$2 off", reward: "Amount off", value: "2", weight: "2", cost: "2.00" });
    await editor.setPrize(3, { label: "5% off", reward: "Percent off", value: "5", weight: "3", cost: "0.50" });
    await expect(editor.odds(1)).toHaveText("16.7%");
    await expect(editor.odds(2)).toHaveText("33.3%");
    await expect(editor.odds(3)).toHaveText("50.0%");
    // 1000 plays: 166.7 x $1 + 333.3 x $2 + 500 x $0.50 = $1,083.33
    await expect(page.getByText("Expected reward cost: $1,083.33 per 1,000 plays")).toBeVisible();
    await page.getByLabel("Plays per window").fill("3");
    await editor.addWindow({ day: "Saturday", opens: "09:00", closes: "15:00" });
    await expect(editor.nextWindows).toHaveCount(5);
    for (const item of await editor.nextWindows.all())
      await expect(item).toHaveText(/^Sat \d+ \w+ \d{4}, 09:00–15:00 GMT\+1$/);
    campaignId = await editor.create();
    await expect(editor.status).toHaveText("draft");
  });

  await test.step("an impossible setting is refused with a clear message", async () => {
    await page.getByLabel("Prize 1 budget (USD)").fill("-5");
    await page.getByRole("button", { name: "Save campaign" }).click();
    await expect(page.getByText("A budget cannot be negative").first()).toBeVisible();
    await page.getByLabel("Prize 1 budget (USD)").fill("50.00");
  });

  await test.step("publish", async () => {
    await editor.setStatus("Publish", "live");
  });

  const shopper = await browser.newContext();
  try {
    const shopperPage = await shopper.newPage();
    await setStoreClock(shopper, SATURDAY);
    const store = new Store(shopperPage);
    const games = new Games(shopperPage);

    await test.step("a shopper sees the new campaign at checkout and plays it", async () => {
      await store.addProduct(products.espresso.slug);
      await store.openCart();
      await store.goToCheckoutFromCart();
      const offer = games.offer(name);
      await expect(games.playsLeft(offer)).toHaveText("3 spins left");
      await games.open(offer);
      await offer.getByRole("button", { name: "Spin the wheel" }).click();
      const prize = await games.prizeWon(offer);
      expect(["10% off", "$2 off", "5% off"]).toContain(prize);
      await expect(games.playsLeft(offer)).toHaveText("2 spins left");
    });

    await test.step("the campaign's funnel counts the offer and the play", async () => {
      await page.goto(`/admin/kpis?campaign=${campaignId}`);
      await expect(page.getByTestId("funnel-plays")).toHaveText("1");
      await expect(page.getByTestId("funnel-wins")).toHaveText("1");
      await expect(page.getByTestId("funnel-offers")).toHaveText("1");
    });

    await test.step("pausing it stops the offer", async () => {
      await page.goto(`/admin/campaigns/${campaignId}`);
      await editor.setStatus("Pause", "paused");
      await shopperPage.reload();
      await expect(shopperPage.getByRole("heading", { name: "Checkout" })).toBeVisible();
      await expect(games.offer(name)).toHaveCount(0);
    });
  } finally {
    await shopper.close();
  }

  await test.step("every change is in the audit trail", async () => {
    await page.goto("/admin/audit");
    for (const action of ["campaign.create", "campaign.publish", "campaign.pause"])
      await expect(page.getByText(action, { exact: true }).first()).toBeVisible();
  });
});

// Issue 15, official rules: a comeback game that can lose cannot be published without a free
// method of entry (the editor says so at the field, the publish is refused); with one it
// publishes, and its public rules page shows what the editor set (prizes, values, odds, hours,
// sponsor, extra terms). A free entry plays without a purchase, once per email per window. A
// change of the table publishes a new rules version, and the shopper's prize links the version
// it was played under.
import type { Page } from "@playwright/test";
import { DateTime } from "luxon";
import { Admin } from "./pages/admin";
import { CampaignEditor } from "./pages/campaign-editor";
import { lastStoreTime, setStoreClock } from "./pages/games";
import { RewardsPanel } from "./pages/rewards-panel";
import { axe } from "./support/axe";
import { uniqueEmail } from "./support/data";
import { expect, test } from "./support/fixtures";

const REQUIRED =
  "This game comes with a purchase and can lose: offer a free way to enter (same odds, no purchase) or make every play win";
// A Tuesday 02:00-03:00 window (store time, Berlin) that no other spec's game uses; every
// change and the play happen inside the last one, in order, on the store's pinned clock.
const OPENS = DateTime.fromISO(lastStoreTime(2, 2));
const at = (minutes: number) => OPENS.plus({ minutes }).toUTC().toISO()!;

/** The page has no serious or critical axe violation. */
async function expectAccessible(page: Page) {
  const results = await axe(page).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Saves the editor; the saved campaign comes back from the server, so reload until `check` holds. */
async function save(page: Page, check: () => Promise<void>) {
  await page.getByRole("button", { name: "Save campaign" }).click();
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout: 20_000 });
  // The editor's inputs are React state: typing before it hydrates would be lost.
  await page.waitForLoadState("networkidle");
}

test("a game that can lose needs a free entry to publish; its rules show what the editor set; free entry and rules versions", async ({
  page,
  browser,
  mailbox,
}) => {
  const admin = new Admin(page);
  const editor = new CampaignEditor(page);
  const tag = Date.now().toString(36);
  const name = `Rules wheel ${tag}`;
  const slug = `rules-wheel-${tag}`;
  await admin.signInAndOpen(mailbox);
  await setStoreClock(page.context(), at(5));

  await test.step("a purchase game with a losing slice is refused without a free entry, at the field", async () => {
    await editor.openNew();
    await editor.fillBasics({
      name,
      slug,
      placement: "Comeback (reminder link and exit nudge)",
      holdout: "0",
    });
    await editor.setPrize(1, { label: "$2 off", reward: "Amount off", value: "2", weight: "1", cost: "2.00" });
    await editor.setPrize(2, { label: "No prize", reward: "No prize", weight: "3", cost: "0" });
    await editor.addWindow({ day: "Tuesday", opens: "02:00", closes: "03:00" });
    await page.getByLabel("Extra terms").fill(`Staff of Corner Roastery may not play (${tag}).`);
    await expect(page.getByText(`Needed before publishing: ${REQUIRED.toLowerCase()}.`)).toBeVisible();
    await editor.create();
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: REQUIRED })).toBeVisible();
    await expect(editor.status).toHaveText("draft");
    await expect(page.getByLabel("Free entry (no purchase necessary)")).toHaveAttribute("aria-invalid", "true");
  });

  await test.step("with a free entry it publishes", async () => {
    await page.getByLabel("Free entry (no purchase necessary)").check();
    await expect(page.getByText(`Needed before publishing`)).toHaveCount(0);
    await save(page, () =>
      expect(page.getByLabel("Free entry (no purchase necessary)")).toBeChecked({ timeout: 2_000 }),
    );
    await editor.setStatus("Publish", "live");
  });

  await test.step("the rules page shows what the editor set", async () => {
    await page.goto(`/rules/${slug}`);
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByText("Version 1, in force from")).toBeVisible();
    const rows = page.getByRole("table").getByRole("row");
    await expect(rows.filter({ hasText: "$2 off" })).toContainText("$2.00");
    await expect(rows.filter({ hasText: "$2 off" })).toContainText("25%");
    await expect(rows.filter({ hasText: "No prize" })).toContainText("75%");
    await expect(page.getByText("Corner Roastery Ltd, 12 Harbour Street")).toBeVisible();
    await expect(page.getByText(/Tuesdays 02:00–03:00, store time \(Europe\/Berlin\)/)).toBeVisible();
    await expect(page.getByText(`Staff of Corner Roastery may not play (${tag}).`)).toBeVisible();
    await expect(page.getByText("No purchase necessary.", { exact: false })).toBeVisible();
    await expect(page.getByRole("link", { name: "Enter free, no purchase necessary" })).toHaveAttribute(
      "href",
      `/rules/${slug}/free-entry`,
    );
    await expectAccessible(page);
  });

  await test.step("the owner makes every free spin win for now: version 2", async () => {
    await setStoreClock(page.context(), at(10));
    await page.goto("/admin/campaigns");
    await page.getByRole("link", { name }).click();
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Prize 2 weight").fill("0");
    await save(page, () => expect(page.getByLabel("Prize 2 weight")).toHaveValue("0", { timeout: 2_000 }));
  });

  const shopper = await browser.newContext();
  try {
    const shopperPage = await shopper.newPage();
    await setStoreClock(shopper, at(20));
    const email = uniqueEmail("free-entry");

    await test.step("a free entry, without a purchase, once per email per window", async () => {
      await shopperPage.goto(`/rules/${slug}/free-entry`);
      await expect(shopperPage.getByRole("heading", { name: `Free entry: ${name}` })).toBeVisible();
      await expectAccessible(shopperPage);
      await shopperPage.getByLabel("Your email address").fill(email);
      await shopperPage.getByRole("button", { name: "Play free" }).click();
      await expect(shopperPage.getByRole("status").filter({ hasText: "You won $2 off" })).toBeVisible();
      // A free play is a draw like any other: its receipt comes with it.
      await expect(shopperPage.getByRole("link", { name: "Verify this draw" })).toHaveAttribute(
        "href",
        /^\/fair\/verify\?r=[A-Za-z0-9_-]+$/,
      );
      await shopperPage.getByRole("button", { name: "Play free" }).click();
      await expect(
        shopperPage.getByRole("alert").filter({ hasText: "This email address has had its free play for now" }),
      ).toBeVisible();
    });

    await test.step("the owner raises the prize: version 3", async () => {
      await setStoreClock(page.context(), at(30));
      await page.getByLabel("Prize 1 amount (USD)").fill("3");
      await save(page, () =>
        expect(page.getByLabel("Prize 1 amount (USD)")).toHaveValue(/^3(\.00)?$/, { timeout: 2_000 }),
      );
    });

    await test.step("the prize links the rules it was played under, not the newest", async () => {
      await shopperPage.goto("/");
      const panel = new RewardsPanel(shopperPage);
      await panel.launcher.click();
      await expect(panel.dialog).toBeVisible();
      const prize = panel.heldRewards.filter({ hasText: "$2 off" });
      const link = prize.getByRole("link", { name: "Rules it was played under" });
      await expect(link).toHaveAttribute("href", `/rules/${slug}?v=2`);
      await link.click();
      await expect(shopperPage.getByText("Version 2, in force from")).toBeVisible();
      await expect(shopperPage.getByRole("table").getByRole("row").filter({ hasText: "$2 off" })).toContainText("100%");
      await shopperPage.goto(`/rules/${slug}`);
      await expect(shopperPage.getByText("Version 3, in force from")).toBeVisible();
      await expect(shopperPage.getByRole("table").getByRole("row").filter({ hasText: "$2 off" })).toContainText(
        "$3.00",
      );
    });
  } finally {
    await shopper.close();
  }

  // Its window is a real hour of the week (Tuesdays 02:00-03:00 in Berlin): left live, it would
  // be the comeback game of every shopper whose clock is not pinned, in that hour of any week.
  await page.goto("/admin/campaigns");
  await page.getByRole("link", { name }).click();
  await editor.setStatus("End", "ended");
});

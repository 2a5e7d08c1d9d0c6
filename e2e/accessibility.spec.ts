// axe-core on every game: no serious or critical violations; on every store page, on a desktop
// and on a phone, with the checkout's game closed and open: none at all. The admin's pages are
// checked in admin-phone.spec.ts (no violations at all, on a phone and on a desktop).
import type { Locator, Page } from "@playwright/test";
import { campaigns, Games, setStoreClock } from "./pages/games";
import { Store } from "./pages/store";
import { axe } from "./support/axe";
import { products, uniqueEmail } from "./support/data";
import { expect, test } from "./support/fixtures";

/** Checks the page, or only the game's card when given (the store around it is not the game). */
async function expectNoSeriousViolations(page: Page, label: string, scope?: Locator) {
  const builder = axe(page);
  if (scope) {
    await scope.evaluate((el) => el.setAttribute("data-axe-scope", ""));
    builder.include("[data-axe-scope]");
  }
  const results = await builder.analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    bad.map(
      (v) =>
        `${label}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    ),
  ).toEqual([]);
}

test("every game, opened and played", async ({ page, context }) => {
  // Four games, each opened, played and checked by axe twice: 23 s on two shared cores, and
  // several times that on a slow machine.
  test.setTimeout(180_000);
  const store = new Store(page);
  const games = new Games(page);

  // The wheel: a first-time guest on a weekday.
  await setStoreClock(context, "2026-11-18T10:00:00.000Z");
  await store.addProduct(products.croissant.slug);
  await store.openCart();
  await store.goToCheckoutFromCart();
  const wheel = games.offer(campaigns.wheel.name);
  await expect(wheel).toBeVisible();
  await expectNoSeriousViolations(page, "wheel email step", wheel);
  // Become a returning guest later: this is the email the wheel asks for first.
  const email = uniqueEmail("axe");
  await games.giveEmail(wheel, email);
  await expectNoSeriousViolations(page, "wheel offer", wheel);
  await games.open(wheel);
  await wheel.getByRole("button", { name: "Spin the wheel" }).click();
  await games.prizeWon(wheel);
  // The totals with the prize: an order sent before they show is held back with a price-change notice.
  await expect(page.getByTestId("order-discount")).toBeVisible();
  await expectNoSeriousViolations(page, "wheel played", wheel);

  // Become a returning guest: pay once.
  await store.placeOrder(email);
  // The wheel's prize came off this order, so the total is whatever is left.
  await page.getByRole("button", { name: /^Pay .* with test card 4242$/ }).click();
  await store.expectConfirmation();

  // The tree: a returning shopper on a weekday; the scratch card: on Sunday.
  for (const [clock, campaign, button] of [
    ["2026-11-18T10:00:00.000Z", campaigns.tree.name, "Shake the tree"],
    ["2026-11-22T11:00:00.000Z", campaigns.scratch.name, "Reveal"],
  ] as const) {
    await setStoreClock(context, clock);
    await store.addProduct(products.croissant.slug);
    await store.openCart();
    await store.goToCheckoutFromCart();
    const offer = games.offer(campaign);
    await expect(offer).toBeVisible();
    await expectNoSeriousViolations(page, `${campaign} offer`, offer);
    await games.open(offer);
    await offer.getByRole("button", { name: button, exact: true }).click();
    await games.prizeWon(offer, 20_000);
    await expectNoSeriousViolations(page, `${campaign} played`, offer);
  }
});

// A Wednesday inside the advent season (store time 11:00 in Berlin): door 2 is open today.
const DECEMBER_2 = "2026-12-02T10:00:00.000Z";

const viewports = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

// Soft: one run lists every page's violations, not only the first page's.
async function expectNoViolations(page: Page, label: string) {
  const results = await axe(page).analyze();
  expect
    .soft(
      results.violations.map(
        (v) =>
          `${label}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes
            .map((n) => `${n.target.join(" ")}${n.failureSummary ? ` [${n.failureSummary.replace(/\s+/g, " ")}]` : ""}`)
            .slice(0, 4)
            .join(", ")}`,
      ),
    )
    .toEqual([]);
}

for (const [name, viewport] of Object.entries(viewports)) {
  test.describe(`on a ${name}`, () => {
    test.use({ viewport });

    test(`every store page has no axe violations on a ${name}, the checkout with its game closed and open`, async ({
      page,
      context,
      mailbox,
    }) => {
      // About 16 pages, each loaded and checked by axe (2-3 s each on two shared cores), a
      // review's badge from the rules engine, and a spin of the wheel.
      test.setTimeout(240_000);
      await setStoreClock(context, DECEMBER_2);
      const store = new Store(page);
      const games = new Games(page);

      await page.goto("/");
      await expect(page.getByRole("heading", { name: "All products" })).toBeVisible();
      await expectNoViolations(page, "home");

      await page.goto("/signin");
      await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
      await expectNoViolations(page, "sign in");
      await store.signIn(mailbox, uniqueEmail(`axe-${name}`));
      await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
      await expectNoViolations(page, "account (new member)");

      await store.gotoProduct(products.croissant.slug);
      await expectNoViolations(page, "product");
      // A review earns the community champion badge: its public page is a store page too.
      await page.getByLabel("5 stars").check();
      await page.getByLabel("Your review").fill(`Crisp, buttery, gone in a minute (${name}).`);
      await page.getByRole("button", { name: "Post review" }).click();
      await expect(page.getByText("Thank you! Your review is posted.")).toBeVisible();
      await expectNoViolations(page, "product with a posted review");
      await store.addToCart();

      await store.openCart();
      await expectNoViolations(page, "cart");

      await store.goToCheckoutFromCart();
      const wheel = games.offer(campaigns.wheel.name);
      await expect(wheel).toBeVisible();
      await expectNoViolations(page, "checkout, game closed");
      await games.open(wheel);
      await expect(wheel.getByRole("button", { name: "Spin the wheel" })).toBeVisible();
      await expectNoViolations(page, "checkout, game open");
      await wheel.getByRole("button", { name: "Spin the wheel" }).click();
      await games.prizeWon(wheel);
      await expect(page.getByTestId("order-discount")).toBeVisible();
      await expectNoViolations(page, "checkout, game played");

      await store.page.getByRole("button", { name: "Continue to test payment" }).click();
      await page.waitForURL(/\/pay\/[0-9a-f-]{36}$/);
      await expect(page.getByRole("heading", { name: "Pay for your order" })).toBeVisible();
      await expectNoViolations(page, "test payment");
      await page.getByRole("button", { name: /^Pay .* with test card 4242$/ }).click();
      await store.expectConfirmation();
      await expectNoViolations(page, "order confirmation");

      await page.goto(`/odds/${campaigns.wheel.slug}`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoViolations(page, "odds");

      await page.goto("/loyalty-notice");
      await expect(page.getByRole("heading", { level: 1, name: "Notice of financial incentive" })).toBeVisible();
      await expectNoViolations(page, "loyalty notice");

      await page.goto("/advent");
      const door = page.getByTestId("door-2").getByRole("button", { name: /Open today’s door/ });
      await expect(door).toBeVisible();
      await expectNoViolations(page, "advent");
      await door.click();
      await expect(page.getByRole("region", { name: "Door 2" }).getByRole("button", { name: "Reveal" })).toBeVisible();
      await expectNoViolations(page, "advent, door open");

      // The badge comes from the rules engine, which runs just after the review's response.
      const share = page.getByRole("link", { name: "Share your Community champion badge" });
      await expect(async () => {
        await page.goto("/account");
        await expect(share).toBeVisible({ timeout: 1_000 });
      }).toPass({ timeout: 20_000 });
      await expectNoViolations(page, "account (after an order)");
      await page.getByRole("button", { name: "Delete my loyalty data…" }).click();
      await expect(page.getByLabel("I understand: delete my loyalty data for good.")).toBeVisible();
      await expectNoViolations(page, "account, deletion asked to confirm");
      await share.click();
      await expect(page.getByRole("heading", { level: 1, name: "Community champion" })).toBeVisible();
      await expectNoViolations(page, "badge");
    });
  });
}

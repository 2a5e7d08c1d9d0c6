// The checkout on a phone (390x844): the game is seen before the pay button, in the first
// screenful and without the page jumping, and after a win the step to pay names the saving,
// the same amount the order summary takes off.
import { campaigns, discountFor, Games, setStoreClock } from "./pages/games";
import { Store } from "./pages/store";
import { products, uniqueEmail, usd } from "./support/data";
import { expect, test } from "./support/fixtures";

const { espresso, mug } = products;
const WEDNESDAY = "2026-11-18T10:00:00.000Z";
const PHONE = { width: 390, height: 844 };

test.describe("on a phone", () => {
  test.use({ viewport: PHONE });

  test("the offer card sits above the pay button in the first screenful, and after a win the next step reads “Continue: you save $X”", async ({
    page,
    context,
  }) => {
    await setStoreClock(context, WEDNESDAY);
    const store = new Store(page);
    const games = new Games(page);
    await store.addProduct(espresso.slug);
    await store.addProduct(mug.slug);

    // Layout shifts are recorded from the first paint of the checkout on.
    await page.addInitScript(() => {
      const w = window as unknown as { __shifts: number };
      w.__shifts = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[])
          if (!e.hadRecentInput) w.__shifts += e.value;
      }).observe({ type: "layout-shift", buffered: true });
    });
    await page.goto("/checkout");
    const wheel = games.offer(campaigns.wheel.name);
    const pay = page.getByRole("button", { name: "Continue to test payment" });
    // A new guest: the first-order wheel asks for the email before it can be played.
    await expect(wheel.getByLabel("Your email")).toBeVisible();
    await page.evaluate(() => document.fonts.ready);

    await test.step("the game comes before the pay button, within the first 844 px", async () => {
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      const card = (await wheel.boundingBox())!;
      const button = (await pay.boundingBox())!;
      expect(card.y).toBeGreaterThanOrEqual(0);
      expect(card.y + card.height, "the whole offer card is on the first screen").toBeLessThanOrEqual(PHONE.height);
      expect(card.y + card.height, "the offer card ends above the pay button").toBeLessThanOrEqual(button.y);
      // The rewards launcher sits in the header: nothing floats over the game or the pay button.
      const rewards = (await page.getByRole("button", { name: "Rewards" }).boundingBox())!;
      expect(rewards.y + rewards.height).toBeLessThanOrEqual(card.y);
      // Nothing sticks out sideways, and the header's name and cart link each keep to one line.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      const nav = page.getByRole("navigation", { name: "Main" });
      expect((await nav.getByRole("link", { name: "Corner Roastery" }).boundingBox())!.height).toBeLessThan(40);
      expect((await store.cartLink.boundingBox())!.height).toBeLessThan(44);
      await expect(store.cartLink).toHaveText("Cart (2)");
      const shifts = await page.evaluate(() => (window as unknown as { __shifts: number }).__shifts);
      expect(shifts, "cumulative layout shift while the checkout loads").toBeLessThan(0.02);
    });

    await test.step("after a win, the line above the pay button names the saving of the order summary", async () => {
      await expect(page.getByText(/^Continue: you save/)).toHaveCount(0);
      await games.giveEmail(wheel, uniqueEmail("phone"));
      await games.open(wheel);
      await wheel.getByRole("button", { name: "Spin the wheel" }).click();
      const prize = await games.prizeWon(wheel);
      expect(prize, "every slice of the first-order wheel is a prize").not.toBeNull();
      const discount = discountFor(prize!, [espresso, mug]);
      await expect(page.getByTestId("order-discount")).toHaveText(`−${usd(discount)}`);
      const summaryDiscount = ((await page.getByTestId("order-discount").textContent()) ?? "").replace("−", "");
      expect(summaryDiscount).toBe(usd(discount));
      const next = page.getByText(`Continue: you save ${summaryDiscount}`, { exact: true });
      await expect(next).toBeVisible();
      await expect(games.result(wheel)).toContainText(`You won ${prize}: you save ${summaryDiscount} on this order.`);
      // The saving is said right above the button that takes the shopper on.
      const line = (await next.boundingBox())!;
      const button = (await pay.boundingBox())!;
      expect(line.y + line.height).toBeLessThanOrEqual(button.y);
      expect(button.y - (line.y + line.height)).toBeLessThan(24);
      await expect(pay).toHaveAccessibleDescription(`Continue: you save ${summaryDiscount}`);
      // After the win the result is the largest text under the wheel, and the spent button is small print.
      const spent = wheel.getByRole("button", { name: "No spins left" });
      await expect(spent).toBeDisabled();
      const title = games.result(wheel).locator("p").first();
      const fontSize = (l: typeof title) => l.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
      expect(await fontSize(title)).toBeGreaterThan(await fontSize(spent));
      expect((await spent.boundingBox())!.height).toBeLessThan((await title.boundingBox())!.height);
    });
  });
});

test("on a desktop the checkout keeps two columns: the form on the left, the summary and the game on the right", async ({
  page,
  context,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await setStoreClock(context, WEDNESDAY);
  const store = new Store(page);
  await store.addProduct(espresso.slug);
  await page.goto("/checkout");
  const form = (await store.checkoutEmail.boundingBox())!;
  const summary = (await page.getByRole("region", { name: "Order summary" }).boundingBox())!;
  const wheel = (await new Games(page).offer(campaigns.wheel.name).boundingBox())!;
  expect(form.x + form.width).toBeLessThanOrEqual(summary.x);
  expect(Math.abs(wheel.x - summary.x)).toBeLessThan(2);
  expect(wheel.y).toBeGreaterThan(summary.y + summary.height);
  // No gap opens between the summary and the game, whatever the form's height.
  expect(wheel.y - (summary.y + summary.height)).toBeLessThan(40);
});

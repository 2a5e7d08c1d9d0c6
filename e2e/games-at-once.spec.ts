// Issue 14, the other games answer at once too, with the test holding the store's answer:
// the tree shakes from the press, and the scratch card's foil scratches from the first
// stroke. The apple stays up, the card shows "…" under its foil, and nothing is announced
// until the answer arrives; then each shows the prize the store drew.
import type { Page } from "@playwright/test";
import { campaigns, Games, setStoreClock } from "./pages/games";
import { Store } from "./pages/store";
import { orderTotal, products, uniqueEmail, usd } from "./support/data";
import { expect, test } from "./support/fixtures";
import { holdNextPlay } from "./support/held-play";

const WEDNESDAY = "2026-11-18T10:00:00.000Z";
const SUNDAY = "2026-11-22T11:00:00.000Z"; // 12:00 in Berlin, inside the scratch card's 10:00-18:00
const { espresso } = products;

/** A returning guest (one paid order in this browser) back at checkout with an espresso. */
async function returningGuestAtCheckout(page: Page) {
  const store = new Store(page);
  await store.addProduct(espresso.slug);
  await store.openCart();
  await store.goToCheckoutFromCart();
  await store.placeOrder(uniqueEmail("at-once"));
  await store.payWithTestCard(usd(orderTotal(espresso.priceCents)));
  await store.addProduct(espresso.slug);
  await store.openCart();
  await store.goToCheckoutFromCart();
}

test("the tree shakes from the press while the answer is held, and the apple falls with the store's prize only after it", async ({
  page,
  context,
}) => {
  await setStoreClock(context, WEDNESDAY);
  await returningGuestAtCheckout(page);
  const games = new Games(page);
  const offer = games.offer(campaigns.tree.name);
  await games.open(offer);
  const tree = offer.getByRole("img", { name: /^A tree with a golden apple/ });
  const running = (name: string) =>
    tree.evaluate(
      (svg, name) =>
        svg
          .getAnimations({ subtree: true })
          .filter((a) => a.playState === "running" && (a as CSSAnimation).animationName === name).length,
      name,
    );

  const held = await holdNextPlay(page);
  await offer.getByRole("button", { name: "Shake the tree" }).click();
  const answer = await held.answer;
  if (answer.status !== "ok") throw new Error(`the store refused the play: ${answer.message}`);
  await expect.poll(() => running("playcart-shake")).toBe(1);
  await expect(offer.getByRole("button", { name: "Shaking…" })).toBeVisible();
  expect(await running("playcart-fall")).toBe(0);
  await expect(games.result(offer)).toHaveCount(0);

  held.release();
  expect(await games.prizeWon(offer)).toBe(answer.reward?.label ?? null);
  await expect.poll(() => running("playcart-shake")).toBe(0);
});

test("the scratch card's foil scratches from the first stroke while the answer is held; the prize is under it only after", async ({
  page,
  context,
}) => {
  await setStoreClock(context, SUNDAY);
  await returningGuestAtCheckout(page);
  const games = new Games(page);
  const offer = games.offer(campaigns.scratch.name);
  await games.open(offer);
  // The foil is a canvas with no accessible name (the Reveal button is the accessible way to play).
  const foil = offer.locator("canvas");
  const underFoil = offer.locator(".playcart-card-label");
  const scratchedPixels = () =>
    foil.evaluate((canvas: HTMLCanvasElement) => {
      const { data } = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height);
      let clear = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] === 0) clear++;
      return clear;
    });
  expect(await scratchedPixels()).toBe(0);

  const held = await holdNextPlay(page);
  const box = (await foil.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + box.height / 3);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 20 + i * 20, box.y + (box.height * (1 + (i % 2))) / 3);
  await page.mouse.up();
  const answer = await held.answer;
  if (answer.status !== "ok") throw new Error(`the store refused the play: ${answer.message}`);
  await expect.poll(scratchedPixels).toBeGreaterThan(0);
  await expect(underFoil).toHaveText("…");
  await expect(games.result(offer)).toHaveCount(0);

  held.release();
  await offer.getByRole("button", { name: "Reveal" }).click();
  expect(await games.prizeWon(offer)).toBe(answer.reward?.label ?? null);
  await expect(underFoil).toHaveText(answer.label);
});

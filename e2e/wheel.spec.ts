// Issue 14, a wheel that answers at once: it turns from the press while the play is still on
// its way (the test holds the store's answer), lands on the slice the store drew once the
// answer arrives, runs out without a prize when the play fails, and its chunk is in the
// browser before Play is pressed, fetched once the shopper uses the checkout (a checkout
// loaded and left alone fetches no game).
import type { Page } from "@playwright/test";
import { campaigns, discountFor, Games, setStoreClock } from "./pages/games";
import { Store } from "./pages/store";
import { Wheel } from "./pages/wheel";
import { orderTotal, products, uniqueEmail, usd } from "./support/data";
import { expect, test } from "./support/fixtures";
import { holdNextPlay, holdNextPlayAnswering } from "./support/held-play";

const WEDNESDAY = "2026-11-18T10:00:00.000Z";

/** A first-time guest at checkout who has given their email at the wheel. */
async function atTheWheel(page: Page) {
  const store = new Store(page);
  const games = new Games(page);
  await store.addProduct(products.croissant.slug);
  await store.openCart();
  await store.goToCheckoutFromCart();
  const offer = games.offer(campaigns.wheel.name);
  await games.giveEmail(offer, uniqueEmail("spin-first"));
  return { games, offer, wheel: new Wheel(offer) };
}

test.beforeEach(async ({ context }) => {
  await setStoreClock(context, WEDNESDAY);
});

test("the wheel turns from the press while the answer is held, then lands on the slice the store drew", async ({
  page,
}) => {
  const { games, offer, wheel } = await atTheWheel(page);
  await games.open(offer);
  const held = await holdNextPlay(page);
  await offer.getByRole("button", { name: "Spin the wheel" }).click();
  const answer = await held.answer;
  if (answer.status !== "ok") throw new Error(`the store refused the play: ${answer.message}`);

  await test.step("before the answer reaches the browser, the wheel is already turning and shows no prize", async () => {
    await expect.poll(() => wheel.runningAnimations()).toBeGreaterThan(0);
    const first = await wheel.angle();
    await expect.poll(() => wheel.angle()).not.toBe(first);
    await expect(offer.getByRole("button", { name: "Spinning…" })).toBeVisible();
    await expect(games.result(offer)).toHaveCount(0);
    expect(await wheel.litSlices()).toEqual([]);
  });

  held.release();
  await test.step("after it, the wheel comes to rest on the answered slice and names its prize", async () => {
    expect(await games.prizeWon(offer)).toBe(answer.reward?.label ?? null);
    await expect.poll(() => wheel.runningAnimations()).toBe(0);
    expect(await wheel.sliceUnderPointer()).toBe(answer.segment);
    expect(await wheel.litSlices()).toEqual([answer.segment]);
  });
});

/**
 * Holds the checkout's refreshes (the RSC requests router.refresh() sends) until the returned
 * release is called: the page keeps the totals it had, as on a phone whose refresh is slow.
 */
async function holdCheckoutRefresh(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(
    (url) => url.pathname === "/checkout",
    async (route) => {
      const request = route.request();
      if (request.method() !== "GET" || request.headers().rsc !== "1") return route.fallback();
      await released;
      await route.continue();
    },
  );
  return release;
}

test("paying the moment the wheel lands, before the totals refresh, charges the prize the result told, with no price-change notice", async ({
  page,
}) => {
  const { games, offer } = await atTheWheel(page);
  await games.open(offer);
  const releaseRefresh = await holdCheckoutRefresh(page);
  await offer.getByRole("button", { name: "Spin the wheel" }).click();
  const prize = await games.prizeWon(offer);
  expect(prize, "every slice of the first-order wheel is a prize").not.toBeNull();
  const discount = discountFor(prize!, [products.croissant]);
  await expect(games.result(offer)).toHaveText(`You won ${prize}: you save ${usd(discount)} on this order.`);
  // The page still shows the totals from before the play: the refresh that prices the prize in is held.
  await expect(page.getByTestId("order-discount")).toHaveCount(0);
  await page.getByRole("button", { name: "Continue to test payment" }).click();
  releaseRefresh();
  // Without the result's reward sent as shown, the store would stop here to explain the saving ("“7% off” applies to this order…").
  await expect(page, "the order goes to payment without a price-change notice").toHaveURL(/\/pay\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("order-total")).toHaveText(usd(orderTotal(products.croissant.priceCents, discount)));
});

test("two presses in one moment spin the wheel once and play once", async ({ page }) => {
  const { games, offer, wheel } = await atTheWheel(page);
  await games.open(offer);
  const plays: string[] = [];
  page.on("request", (r) => r.url().endsWith("/api/playcart/play") && plays.push(r.url()));
  const held = await holdNextPlay(page);
  // Both presses in one task: the second comes before the round's render can land, which
  // waits for the frame that shows the spin.
  await offer.getByRole("button", { name: "Spin the wheel" }).evaluate((button: HTMLButtonElement) => {
    button.click();
    button.click();
  });
  const answer = await held.answer;
  if (answer.status !== "ok") throw new Error(`the store refused the play: ${answer.message}`);
  expect(await wheel.runningAnimations()).toBe(1);
  await expect(offer.getByRole("button", { name: "Spinning…" })).toBeVisible();
  held.release();
  expect(await games.prizeWon(offer)).toBe(answer.reward?.label ?? null);
  expect(plays).toHaveLength(1);
  expect(await wheel.sliceUnderPointer()).toBe(answer.segment);
});

test("a play that fails while the wheel turns: it runs out back where it stood, no prize, and the error shows", async ({
  page,
}) => {
  const { games, offer, wheel } = await atTheWheel(page);
  await games.open(offer);
  const message = "The game could not be played. Please try again.";
  const held = await holdNextPlayAnswering(page, { status: "error", code: "error", message });
  await offer.getByRole("button", { name: "Spin the wheel" }).click();
  await held.answer;
  const first = await wheel.angle();
  await expect.poll(() => wheel.angle()).not.toBe(first);

  held.release();
  await expect(offer.getByRole("alert")).toHaveText(message);
  await expect.poll(() => wheel.runningAnimations()).toBe(0);
  await expect(offer.getByRole("button", { name: "Spin the wheel" })).toBeEnabled();
  // Back at its resting angle (0°, give or take rounding), with nothing lit and nothing announced.
  const angle = await wheel.angle();
  expect(Math.min(angle, 360 - angle)).toBeLessThan(0.01);
  expect(await wheel.litSlices()).toEqual([]);
  await expect(games.result(offer)).toHaveCount(0);
});

test("the wheel's chunk is fetched before Play is pressed, so Play loads no script", async ({ page }) => {
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(request.url());
  });
  // The chunk that draws the wheel: the one script that names the wheel's disc.
  const wheelChunk = page.waitForResponse(
    async (response) =>
      response.request().resourceType() === "script" &&
      response.ok() &&
      (await response.text()).includes("playcart-wheel-disc"),
  );
  const { games, offer } = await atTheWheel(page);
  await expect(offer.getByRole("button", { name: "Play", exact: true })).toBeVisible();
  const chunk = await wheelChunk;
  expect(scripts).toContain(chunk.url());
  const before = [...scripts];

  await games.open(offer);
  await expect(offer.getByRole("button", { name: "Spin the wheel" })).toBeFocused();
  await expect(offer.getByText("Loading the game…")).toHaveCount(0);
  expect(scripts).toEqual(before);
});

test("a checkout loaded and left alone fetches no game; the shopper's first use of the page fetches it", async ({
  page,
}) => {
  const games = new Games(page);
  await new Store(page).addProduct(products.croissant.slug);
  const wheelScripts: string[] = [];
  page.on("response", async (response) => {
    if (response.request().resourceType() !== "script" || !response.ok()) return;
    if ((await response.text()).includes("playcart-wheel-disc")) wheelScripts.push(response.url());
  });
  // Loaded as a new page (not by a click in the store), and left alone well past the moment an
  // idle preload after the load event used to fetch the game (2.5 s, then an idle moment). Not
  // even looked at meanwhile: Playwright's checks run in the page as a user's gesture would, and
  // the browser counts that as the shopper's use of the page (navigator.userActivation).
  await page.goto("/checkout", { waitUntil: "load" });
  await page.waitForTimeout(5_000);
  expect(wheelScripts, "game scripts fetched by a checkout nobody has touched").toEqual([]);

  // The pointer moving over the page (not over Play): the game comes when the browser is idle.
  // It moves until the game comes, as a shopper's does: on a slow machine the page may still be
  // hydrating at the first movement, whose listeners are then not there yet to see it.
  let x = 20;
  await expect(async () => {
    x = x === 20 ? 60 : 20;
    await page.mouse.move(x, 200);
    expect(wheelScripts, "game scripts fetched once the pointer moves over the page").not.toEqual([]);
  }).toPass({ intervals: [1_000] });
  const offer = games.offer(campaigns.wheel.name);
  await games.giveEmail(offer, uniqueEmail("left-alone"));
  await games.open(offer);
  await expect(offer.getByRole("button", { name: "Spin the wheel" })).toBeFocused();
  await expect(offer.getByText("Loading the game…")).toHaveCount(0);
});

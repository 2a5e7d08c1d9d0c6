// The server plays only what it offered. The checkout page gives its game with an offer token
// for this browser; the comeback game comes only with the exit nudge (or a reminder's link).
// A guest who posts the comeback game's id from their checkout, bare or with another
// browser's nudge token, is refused and nothing changes; the game they were offered still plays.
import type { Page } from "@playwright/test";
import { campaigns, Games, setStoreClock } from "./pages/games";
import { Store } from "./pages/store";
import { orderTotal, products, uniqueEmail, usd } from "./support/data";
import { expect, test } from "./support/fixtures";

const { espresso } = products;
const WEDNESDAY = "2026-11-18T10:00:00.000Z";

/** A guest at checkout with one espresso, once the exit watcher listens (it arms after hydration, the click to checkout having activated the page). */
async function atCheckout(page: Page) {
  const store = new Store(page);
  await store.addProduct(espresso.slug);
  await store.openCart();
  await store.goToCheckoutFromCart();
  await page.waitForFunction(() => (history.state as { playcartNudge?: boolean } | null)?.playcartNudge === true);
}

const pointerLeavesTop = (page: Page) =>
  page.evaluate(() =>
    document.dispatchEvent(
      new MouseEvent("mouseout", { clientX: 400, clientY: -2, bubbles: true, relatedTarget: null }),
    ),
  );

const requestId = () => crypto.randomUUID().replace(/-/g, "");

test("a guest who posts the comeback game's id from the checkout is refused and nothing changes; the offered wheel still plays", async ({
  page,
  context,
  browser,
}) => {
  // Another browser is shown the exit nudge: its answer carries the comeback game's id and that browser's token.
  const otherContext = await browser.newContext();
  await setStoreClock(otherContext, WEDNESDAY);
  const other = await otherContext.newPage();
  await atCheckout(other);
  // The nudge's server action answers with its game: read that answer on its way to the page.
  let answer = "";
  await other.route("**/checkout", async (route) => {
    if (route.request().method() !== "POST" || !route.request().headers()["next-action"]) return route.continue();
    const response = await route.fetch();
    const body = await response.text();
    answer += body;
    await route.fulfill({ response, body });
  });
  await pointerLeavesTop(other);
  await expect(other.getByRole("dialog", { name: "Before you go…" })).toBeVisible();
  const comebackId = /"campaignId":"([0-9a-f-]{36})"/.exec(answer)?.[1];
  const othersToken = /"token":"([^"]+)"/.exec(answer)?.[1];
  expect(comebackId, "the nudge carries the comeback game").toBeTruthy();
  expect(othersToken).toBeTruthy();
  await otherContext.close();

  await setStoreClock(context, WEDNESDAY);
  const games = new Games(page);
  await atCheckout(page);
  const wheel = games.offer(campaigns.wheel.name);
  // The first-order wheel asks who is playing first; then it offers its one spin.
  await games.giveEmail(wheel, uniqueEmail("offered"));
  await expect(games.playsLeft(wheel)).toHaveText("1 spin left");
  await expect(page.getByTestId("order-total")).toHaveText(usd(orderTotal(espresso.priceCents)));

  await test.step("the comeback game's id, bare or with the other browser's token, is refused", async () => {
    for (const token of [undefined, othersToken]) {
      const res = await page.request.post("/api/playcart/play", {
        data: { campaignId: comebackId, requestId: requestId(), token },
      });
      expect(res.status()).toBe(403);
      expect(await res.json()).toMatchObject({ status: "error", code: "not_offered" });
    }
    // Nothing was won: the checkout shows the same total and the same offer.
    await page.reload();
    await expect(page.getByTestId("order-total")).toHaveText(usd(orderTotal(espresso.priceCents)));
    await expect(games.playsLeft(wheel)).toHaveText("1 spin left");
    await expect(page.getByText(/welcome back|comeback/i)).toHaveCount(0);
  });

  await test.step("the wheel this guest was offered still plays", async () => {
    await games.open(wheel);
    await wheel.getByRole("button", { name: "Spin the wheel" }).click();
    expect(await games.prizeWon(wheel), "every slice of the first-order wheel is a prize").not.toBeNull();
    await expect(games.playsLeft(wheel)).toHaveText("No plays left");
  });
});

// Issue 3 acceptance, the checkout games: the first-order wheel lowers this order at once
// and is used once; a returning shopper's tree prize waits for the next order's cart; the
// Saturday window gives Gold more spins than Green; reduced motion reveals at once.
// Returning shoppers are recognised both ways: the tree's as a guest (by this browser's last
// checkout email), the Saturday ones signed in.
import { campaigns, discountFor, Games, setStoreClock } from "./pages/games";
import { Store } from "./pages/store";
import { orderTotal, products, uniqueEmail, usd } from "./support/data";
import type { Mailbox } from "./support/fixtures";
import { expect, test } from "./support/fixtures";

const { espresso, croissant, mug } = products;
const grinder = { slug: "burr-grinder", priceCents: 8900 };
const WEDNESDAY = "2026-11-18T10:00:00.000Z";
const SATURDAY = "2026-11-21T10:00:00.000Z"; // 11:00 in Berlin, inside 09:00-15:00
const SUNDAY = "2026-11-22T11:00:00.000Z"; // 12:00 in Berlin, inside 10:00-18:00

/** Checks out what is in the cart and pays its total (with delivery) with the test card. */
async function buy(store: Store, email: string, totalCents: number) {
  await store.openCart();
  await store.goToCheckoutFromCart();
  await store.placeOrder(email);
  await expect(store.page.getByTestId("order-total")).toHaveText(usd(orderTotal(totalCents)));
  await store.payWithTestCard(usd(orderTotal(totalCents)));
}

type Purchase = { slug: string; priceCents: number; quantity: number };

/** Paid orders with one email in this browser: the store then knows a returning guest. */
async function buyAsGuest(store: Store, email: string, orders: Purchase[]) {
  for (const o of orders) {
    await store.addProduct(o.slug, o.quantity);
    await buy(store, email, o.priceCents * o.quantity);
  }
}

/** The same, signed in first: the account says who is shopping. */
async function buyAsMember(store: Store, mailbox: Mailbox, email: string, orders: Purchase[]) {
  await store.signIn(mailbox, email, { from: "/signin" });
  await expect(store.page).toHaveURL(/\/account$/);
  await buyAsGuest(store, email, orders);
}

test("a first-time guest gives the email at the wheel, spins by keyboard, the prize lowers this order, the prefilled checkout charges it, and it is used once", async ({
  page,
  context,
}) => {
  await setStoreClock(context, WEDNESDAY);
  const store = new Store(page);
  const games = new Games(page);
  const email = uniqueEmail("wheel");
  const lines = [espresso, mug];
  const subtotal = espresso.priceCents + mug.priceCents;

  await store.addProduct(espresso.slug);
  await store.addProduct(mug.slug);
  await store.openCart();
  await store.goToCheckoutFromCart();
  const wheel = games.offer(campaigns.wheel.name);
  await test.step("the wheel asks who is playing first: a new person may spin", async () => {
    await expect(wheel.getByRole("button", { name: "Play", exact: true })).toHaveCount(0);
    await games.giveEmail(wheel, email);
    await expect(games.emailAnswer).toHaveText(`Thanks! The game is yours to play with ${email}.`);
    // Remembered for this browser: the checkout form is prefilled with it.
    await expect(store.checkoutEmail).toHaveValue(email);
  });
  await expect(games.playsLeft(wheel)).toHaveText("1 spin left");
  await expect(wheel.getByRole("link", { name: "See the odds" })).toHaveAttribute(
    "href",
    `/odds/${campaigns.wheel.slug}`,
  );
  await expect(page.getByTestId("order-total")).toHaveText(usd(subtotal));

  let prize: string | null = null;
  await test.step("open the game and spin with the keyboard", async () => {
    await games.open(wheel);
    const spin = wheel.getByRole("button", { name: "Spin the wheel" });
    await expect(spin).toBeFocused();
    await page.keyboard.press("Enter");
    prize = await games.prizeWon(wheel);
    expect(prize, "every slice of the first-order wheel is a prize").not.toBeNull();
    await expect(games.result(wheel)).toContainText(/: you save \$\d+\.\d\d on this order\.$/);
    await expect(games.playsLeft(wheel)).toHaveText("No plays left");
    await expect(wheel.getByRole("button", { name: "No spins left" })).toBeDisabled();
  });

  const discount = discountFor(prize!, lines);
  expect(discount).toBeGreaterThan(0);
  await test.step("the total drops by the prize at once, and the order keeps it", async () => {
    await expect(page.getByTestId("order-discount")).toHaveText(`−${usd(discount)}`);
    await expect(page.getByText(`Reward: ${prize}`)).toBeVisible();
    await expect(page.getByTestId("order-total")).toHaveText(usd(subtotal - discount));
    // The result stays on screen after the refresh that ended the offer.
    await expect(games.result(wheel)).toHaveText(`You won ${prize}: you save ${usd(discount)} on this order.`);
    await expect(page.getByText(`Continue: you save ${usd(discount)}`, { exact: true })).toBeVisible();
    await expect(store.checkoutEmail).toHaveValue(email);
    await store.submitCheckout();
    await expect(page.getByTestId("order-total")).toHaveText(usd(subtotal - discount));
    await store.payWithTestCard(usd(subtotal - discount));
  });

  await test.step("a second order in the same session: no discount, and no wheel (now a returning shopper)", async () => {
    await store.addProduct(espresso.slug);
    await store.openCart();
    await expect(page.getByTestId("cart-total")).toHaveCount(0);
    await store.goToCheckoutFromCart();
    await expect(page.getByTestId("order-total")).toHaveText(usd(orderTotal(espresso.priceCents)));
    await expect(page.getByTestId("order-discount")).toHaveCount(0);
    await expect(games.offer(campaigns.wheel.name)).toHaveCount(0);
    await store.placeOrder(email);
    await expect(page.getByTestId("order-total")).toHaveText(usd(orderTotal(espresso.priceCents)));
  });
});

test("a returning customer in a new browser gives their email at the wheel, is told it is for first orders and gets the tree: no first-order prize is ever shown", async ({
  page,
  context,
  browser,
}) => {
  await setStoreClock(context, WEDNESDAY);
  const email = uniqueEmail("back");
  await buyAsGuest(new Store(page), email, [{ ...espresso, quantity: 1 }]);

  const other = await browser.newContext();
  try {
    await setStoreClock(other, WEDNESDAY);
    const otherPage = await other.newPage();
    const store = new Store(otherPage);
    const games = new Games(otherPage);
    await store.addProduct(mug.slug);
    await store.openCart();
    await store.goToCheckoutFromCart();
    // The new browser does not know who is shopping: the wheel asks before anything is played.
    const wheel = games.offer(campaigns.wheel.name);
    await expect(wheel.getByRole("button", { name: "Play", exact: true })).toHaveCount(0);
    await games.giveEmail(wheel, email);
    await expect(games.emailAnswer).toHaveText(
      `Welcome back! ${email} has ordered here before, and the first-order game is for first orders. Here is ${campaigns.tree.name} for returning shoppers instead.`,
    );
    await expect(wheel).toHaveCount(0);
    const tree = games.offer(campaigns.tree.name);
    await expect(games.playsLeft(tree)).toHaveText("1 shake left");
    await expect(store.checkoutEmail).toHaveValue(email);
    await expect(otherPage.getByTestId("order-discount")).toHaveCount(0);
    await expect(otherPage.getByText(/You won/)).toHaveCount(0);
    const total = usd(orderTotal(mug.priceCents));
    await expect(otherPage.getByTestId("order-total")).toHaveText(total);
    await store.submitCheckout();
    await expect(otherPage.getByTestId("order-total")).toHaveText(total);
    await store.payWithTestCard(total);
  } finally {
    await other.close();
  }
});

test("a returning guest shakes the tree; the reward shows in the next order's cart and applies to that order only", async ({
  page,
  context,
}) => {
  await setStoreClock(context, WEDNESDAY);
  const store = new Store(page);
  const games = new Games(page);
  const email = uniqueEmail("tree");
  await buyAsGuest(store, email, [
    { ...espresso, quantity: 1 },
    { ...mug, quantity: 1 },
  ]);

  await store.addProduct(espresso.slug);
  await store.openCart();
  await store.goToCheckoutFromCart();
  // Recognised by the email this browser last checked out with; nothing typed yet.
  await expect(store.checkoutEmail).toHaveValue(email);
  const tree = games.offer(campaigns.tree.name);
  await expect(games.playsLeft(tree)).toHaveText("1 shake left");
  await games.open(tree);
  await tree.getByRole("button", { name: "Shake the tree" }).click();
  const prize = await games.prizeWon(tree);
  expect(prize, "every apple on the tree is a prize").not.toBeNull();
  await expect(games.result(tree)).toContainText(/Saved for your next order, until \w+ \d+, \d{4}\./);

  await test.step("the order it was won on does not get it", async () => {
    await expect(page.getByTestId("order-discount")).toHaveCount(0);
    await store.placeOrder(email);
    await expect(page.getByTestId("order-total")).toHaveText(usd(orderTotal(espresso.priceCents)));
    await store.payWithTestCard(usd(orderTotal(espresso.priceCents)));
  });

  await test.step("the next order's cart shows it and its total uses it", async () => {
    // A croissant in the cart makes every tree prize worth something, the free one too.
    const lines = [espresso, croissant];
    const subtotal = espresso.priceCents + croissant.priceCents;
    const discount = discountFor(prize!, lines);
    expect(discount).toBeGreaterThan(0);
    await store.addProduct(espresso.slug);
    await store.addProduct(croissant.slug);
    await store.openCart();
    await expect(page.getByText(`Reward: ${prize}`)).toBeVisible();
    await expect(page.getByTestId("cart-discount")).toHaveText(`−${usd(discount)}`);
    await expect(page.getByTestId("cart-total")).toHaveText(usd(orderTotal(subtotal, discount)));
    await store.goToCheckoutFromCart();
    await expect(page.getByTestId("order-total")).toHaveText(usd(orderTotal(subtotal, discount)));
    await store.placeOrder(email);
    await expect(page.getByTestId("order-total")).toHaveText(usd(orderTotal(subtotal, discount)));
    await store.payWithTestCard(usd(orderTotal(subtotal, discount)));
  });
});

for (const shopper of [
  { tier: "Green", spins: 1, orders: [{ ...espresso, quantity: 1 }] },
  { tier: "Gold", spins: 3, orders: [{ ...grinder, quantity: 3 }] }, // $267 paid: Gold from $200
]) {
  test(`Saturday 09:00-15:00 in Berlin: a ${shopper.tier} shopper gets ${shopper.spins} spin${shopper.spins === 1 ? "" : "s"}`, async ({
    page,
    context,
    mailbox,
  }) => {
    await setStoreClock(context, SATURDAY);
    const store = new Store(page);
    const games = new Games(page);
    await buyAsMember(store, mailbox, uniqueEmail(shopper.tier.toLowerCase()), shopper.orders);

    await store.addProduct(espresso.slug);
    await store.openCart();
    await store.goToCheckoutFromCart();
    const saturday = games.offer(campaigns.saturday.name);
    const plural = (n: number) => `${n} spin${n === 1 ? "" : "s"} left`;
    await expect(games.playsLeft(saturday)).toHaveText(plural(shopper.spins));
    await games.open(saturday);

    for (let left = shopper.spins; left > 0; left--) {
      const spin = saturday.getByRole("button", { name: left === shopper.spins ? "Spin the wheel" : "Spin again" });
      await spin.press("Enter");
      await expect(games.playsLeft(saturday)).toHaveText(left > 1 ? plural(left - 1) : "No plays left", {
        timeout: 15_000,
      });
      await expect(games.result(saturday)).toBeVisible();
    }
    await expect(saturday.getByRole("button", { name: "No spins left" })).toBeDisabled();
    // One game per checkout: with the window's spins used up, the wheel keeps the checkout,
    // and the everyday tree is not offered, neither now nor on a reload (plays do not stack).
    await expect(games.offer(campaigns.tree.name)).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole("heading", { name: "Checkout" })).toBeVisible();
    await expect(games.offer(campaigns.saturday.name)).toHaveCount(0);
    await expect(games.offer(campaigns.tree.name)).toHaveCount(0);
  });
}

test("with reduced motion the result appears at once, without waiting for the spin", async ({ page, context }) => {
  await setStoreClock(context, WEDNESDAY);
  await page.emulateMedia({ reducedMotion: "reduce" });
  const store = new Store(page);
  const games = new Games(page);
  await store.addProduct(croissant.slug);
  await store.openCart();
  await store.goToCheckoutFromCart();
  const wheel = games.offer(campaigns.wheel.name);
  await games.giveEmail(wheel, uniqueEmail("still"));
  await games.open(wheel);
  await wheel.getByRole("button", { name: "Spin the wheel" }).press("Enter");
  // A spin glides for seconds after the answer; reduced motion skips it, so the result comes with the server's.
  const prize = await games.prizeWon(wheel, 3_000);
  expect(prize).not.toBeNull();
  await expect(games.result(wheel)).toContainText(/: you save \$\d+\.\d\d on this order\.$/);
  // Nothing flies: no confetti with reduced motion.
  await expect(wheel.locator(".playcart-confetti")).toHaveCount(0);
});

test("on a Sunday a returning guest reveals a scratch card by keyboard, and the result is announced", async ({
  page,
  context,
}) => {
  await setStoreClock(context, SUNDAY);
  const store = new Store(page);
  const games = new Games(page);
  const email = uniqueEmail("scratch");
  await buyAsGuest(store, email, [{ ...espresso, quantity: 1 }]);

  await store.addProduct(croissant.slug);
  await store.openCart();
  await store.goToCheckoutFromCart();
  const card = games.offer(campaigns.scratch.name);
  await expect(games.playsLeft(card)).toHaveText(/^1 \w+ left$/);
  await games.open(card);
  const reveal = card.getByRole("button", { name: "Reveal" });
  await reveal.focus();
  await page.keyboard.press("Enter");
  const result = games.result(card);
  await expect(result).toBeVisible({ timeout: 15_000 });
  const prize = await games.prizeWon(card);
  if (prize) await expect(result).toContainText("Saved for your next order");
  else await expect(result).toContainText("Thanks for playing");
  await expect(card.getByRole("link", { name: /odds/i }).first()).toHaveAttribute(
    "href",
    `/odds/${campaigns.scratch.slug}`,
  );
});

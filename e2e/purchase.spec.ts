// Issue acceptance: a new shopper browses, buys two products as a guest with a test
// payment, earns points, signs in by emailed link to see them, a partial refund by the
// store owner takes back the proportional points, and paying again never double-charges.
import { Admin } from "./pages/admin";
import { campaigns, discountFor, Games, setStoreClock } from "./pages/games";
import { Store } from "./pages/store";
import { orderLabel, orderTotal, pointsFor, products, uniqueEmail, usd } from "./support/data";
import { expect, test } from "./support/fixtures";

const { espresso, mug } = products;
const totalCents = espresso.priceCents + mug.priceCents; // $32.50
const earned = pointsFor(totalCents); // 32: one point per whole dollar, rounded down

test("a guest buys two products, earns points, signs in to see them, and a partial refund takes back its share", async ({
  page,
  browser,
  mailbox,
}) => {
  const email = uniqueEmail("buyer");
  const store = new Store(page);

  await test.step("browse by search and by category, add two products", async () => {
    await store.openCatalog();
    await store.expectCartCount(0);
    await store.search("espresso");
    await expect(store.productCard(espresso.name)).toBeVisible();
    await expect(store.productCard(mug.name)).toBeHidden();
    await store.openProduct(espresso.name);
    await store.addToCart();

    await store.openCatalog();
    await store.chooseCategory(mug.category);
    await expect(store.productCard(espresso.name)).toBeHidden();
    await store.openProduct(mug.name);
    await store.addToCart();
    await store.expectCartCount(2);
  });

  let orderId = "";
  await test.step("check out as a guest and pay with the test card", async () => {
    await store.openCart();
    await store.expectLine(espresso.name, 1);
    await store.expectLine(mug.name, 1);
    await expect(store.subtotal).toHaveText(usd(totalCents));
    await store.goToCheckoutFromCart();
    orderId = await store.placeOrder(email);
    await expect(page.getByTestId("order-total")).toHaveText(usd(totalCents));
    await store.payWithTestCard(usd(totalCents));
  });
  const label = orderLabel(orderId);

  await test.step("the confirmation shows the points earned", async () => {
    await expect(page.getByText(`Order ${label} · a receipt goes to ${email}`)).toBeVisible();
    await expect(store.pointsEarned).toContainText(`You earned ${earned} points with this order.`);
    await expect(page.getByTestId("order-total")).toHaveText(usd(totalCents));
    // The paid cart is closed: the header no longer counts its items.
    await store.expectCartCount(0);
  });

  await test.step("sign in by the emailed link and see the balance and history", async () => {
    await page.getByRole("link", { name: `Sign in with ${email}` }).click();
    await store.signIn(mailbox, email);
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
    // The order's points are pending until its 14-day return window closes: not spendable yet.
    await expect(store.pointsBalance).toHaveText("0");
    await expect(page.getByTestId("points-pending")).toContainText(`${earned} points ($0.${earned}) pending until`);
    await expect(store.historyRows).toHaveCount(1);
    await expect(store.historyRow(`Order ${label} paid`)).toContainText(`+${earned}`);
    await expect(page.getByRole("region", { name: "Orders" }).getByRole("link", { name: label })).toBeVisible();
  });

  // $10.00 of $32.50 is 30.77 % of the payment; 30.77 % of 32 points is 9.85, rounded
  // down in the shopper's favour: 9 points are taken back.
  const refundCents = 1000;
  const clawback = Math.floor((earned * refundCents) / totalCents);
  expect(clawback).toBe(9);

  await test.step("the store owner refunds $10.00 in test mode (own browser, own sign-in)", async () => {
    const ownerContext = await browser.newContext();
    try {
      const admin = new Admin(await ownerContext.newPage());
      await admin.signInAndOpen(mailbox);
      await expect(admin.rowsFor(email)).toHaveCount(1);
      await expect(admin.cell(label, "status")).toHaveText("paid");
      await expect(admin.cell(label, "total")).toHaveText(usd(totalCents));
      // More than was paid: refused with a clear message, the typed amount kept, nothing refunded.
      await admin.askRefund(label, "999.00");
      await expect(
        admin
          .row(label)
          .getByText(`Refund between $0.01 and ${usd(totalCents)}.`)
          .first(),
      ).toBeVisible();
      await expect(admin.row(label).getByLabel(`Amount to refund for order ${label}`)).toHaveValue("999.00");
      await expect(admin.cell(label, "refunded")).toHaveText(usd(0));
      await admin.refund(label, "10.00");
      await expect(admin.row(label).getByRole("status")).toHaveText(`Refunded ${usd(refundCents)}.`);
      await expect(admin.cell(label, "refunded")).toHaveText(usd(refundCents));
      await expect(admin.cell(label, "status")).toHaveText("partly refunded");
    } finally {
      await ownerContext.close();
    }
  });

  await test.step("the shopper's pending points drop by the refunded share", async () => {
    await page.reload();
    // Refunded inside the return window: the share leaves the pending points, never the balance.
    await expect(store.pointsBalance).toHaveText("0");
    await expect(page.getByTestId("points-pending")).toContainText(`${earned - clawback} points`);
    await expect(store.historyRows).toHaveCount(2);
    await expect(store.historyRow(`Refund on order ${label}`)).toContainText(`-${clawback}`);
    await expect(store.historyRow(`Order ${label} paid`)).toContainText(`+${earned}`);
    await expect(page.getByRole("region", { name: "Orders" })).toContainText(`(refunded ${usd(refundCents)})`);

    await page.goto(`/orders/${orderId}`);
    await expect(page.getByText(`Refunded: ${usd(refundCents)}`)).toBeVisible();
    await expect(store.pointsEarned).toContainText(`${clawback} of them were taken back after a refund.`);
  });
});

test("reloading the confirmation, going back and paying again never charges or awards twice", async ({
  page,
  browser,
  mailbox,
}) => {
  const email = uniqueEmail("repeat");
  const store = new Store(page);
  const total = espresso.priceCents + mug.priceCents;
  const points = pointsFor(total);

  await store.addProduct(espresso.slug);
  await store.addProduct(mug.slug);
  await store.openCart();
  await store.goToCheckoutFromCart();
  const orderId = await store.placeOrder(email);
  const confirmationUrl = new RegExp(`/orders/${orderId}$`);

  // The same payment page in a second tab, left open: a stale "Pay" button.
  const secondTab = new Store(await page.context().newPage());
  await secondTab.page.goto(`/pay/${orderId}`);
  await expect(secondTab.payButton(usd(total))).toBeVisible();

  await store.payWithTestCard(usd(total));
  await expect(store.pointsEarned).toContainText(`You earned ${points} points with this order.`);

  await test.step("reload the confirmation", async () => {
    await page.reload();
    await store.expectConfirmation();
    await expect(store.pointsEarned).toContainText(`You earned ${points} points with this order.`);
  });

  await test.step("browser back: the paid order's payment page leads to the confirmation", async () => {
    await page.goBack();
    await store.expectConfirmation();
    await expect(page).toHaveURL(confirmationUrl);
    await expect(store.payButton(usd(total))).toHaveCount(0);
    await page.goBack();
    await expect(page).toHaveURL(/\/checkout$/);
    await expect(page.getByText("Your cart is empty.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Continue to test payment" })).toHaveCount(0);
    await store.expectCartCount(0);
  });

  await test.step("pay again from the stale payment page in the other tab", async () => {
    await secondTab.payWithTestCard(usd(total));
    await expect(secondTab.page).toHaveURL(confirmationUrl);
    await expect(secondTab.pointsEarned).toContainText(`You earned ${points} points with this order.`);
    await secondTab.page.close();
  });

  await test.step("one award in the shopper's account", async () => {
    await store.signIn(mailbox, email, { from: "/signin" });
    await expect(store.pointsBalance).toHaveText("0");
    await expect(page.getByTestId("points-pending")).toContainText(`${points} points`);
    await expect(store.historyRows).toHaveCount(1);
    await expect(store.historyRow(`Order ${orderLabel(orderId)} paid`)).toContainText(`+${points}`);
    await expect(page.getByRole("region", { name: "Orders" }).getByRole("listitem")).toHaveCount(1);
  });

  await test.step("one order, charged once, in the admin", async () => {
    const ownerContext = await browser.newContext();
    try {
      const admin = new Admin(await ownerContext.newPage());
      await admin.signInAndOpen(mailbox);
      await expect(admin.rowsFor(email)).toHaveCount(1);
      await expect(admin.cell(orderLabel(orderId), "status")).toHaveText("paid");
      await expect(admin.cell(orderLabel(orderId), "total")).toHaveText(usd(total));
      await expect(admin.cell(orderLabel(orderId), "refunded")).toHaveText(usd(0));
    } finally {
      await ownerContext.close();
    }
  });
});

test("a shopper who wins the wheel, then types a returning customer's email, is told before paying and pays the price shown", async ({
  page,
  context,
  browser,
}) => {
  const WEDNESDAY = "2026-11-18T10:00:00.000Z";
  const returning = uniqueEmail("known");
  const other = await browser.newContext();
  try {
    await setStoreClock(other, WEDNESDAY);
    const before = new Store(await other.newPage());
    await before.addProduct(espresso.slug);
    await before.openCart();
    await before.goToCheckoutFromCart();
    await before.placeOrder(returning);
    await before.payWithTestCard(usd(orderTotal(espresso.priceCents)));
  } finally {
    await other.close();
  }

  await setStoreClock(context, WEDNESDAY);
  const store = new Store(page);
  const games = new Games(page);
  await store.addProduct(espresso.slug);
  await store.addProduct(mug.slug);
  await store.openCart();
  await store.goToCheckoutFromCart();
  const wheel = games.offer(campaigns.wheel.name);
  await games.giveEmail(wheel, uniqueEmail("newcomer"));
  await games.open(wheel);
  await wheel.getByRole("button", { name: "Spin the wheel" }).click();
  const prize = await games.prizeWon(wheel);
  const discount = discountFor(prize!, [espresso, mug]);
  await expect(page.getByTestId("order-total")).toHaveText(usd(totalCents - discount));

  await test.step("the email changes to a returning customer's: the checkout says so before payment", async () => {
    await store.checkoutEmail.fill(returning);
    await page.getByRole("button", { name: "Continue to test payment" }).click();
    const notice = page.getByRole("alert").filter({ hasText: "does not apply" });
    await expect(notice).toHaveText(
      `Your “${prize}” does not apply to this order: ${returning} has ordered here before. Your total is ${usd(totalCents)}.` +
        `Continue at ${usd(totalCents)}Go back`,
    );
    await expect(page).toHaveURL(/\/checkout$/);
    // The checkout now shows the total the shopper would pay.
    await expect(page.getByTestId("order-total")).toHaveText(usd(totalCents));
    await expect(page.getByTestId("order-discount")).toHaveCount(0);
    await notice.getByRole("button", { name: `Continue at ${usd(totalCents)}` }).click();
  });

  await test.step("continuing charges exactly the price shown", async () => {
    await page.waitForURL(/\/pay\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("order-total")).toHaveText(usd(totalCents));
    await store.payWithTestCard(usd(totalCents));
  });
});

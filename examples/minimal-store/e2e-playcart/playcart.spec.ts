// Issue 11 acceptance for the minimal store: what it gets by adopting Playcart from the packed
// tarball (see README.md beside this file).
import { expect, test } from "@playwright/test";
import { startMailbox } from "./smtp";
import {
  ADMIN_TOKEN,
  addProduct,
  buy,
  CRON_SECRET,
  eur,
  holdCheckoutRefresh,
  minorOf,
  payWithTestCard,
  placeOrder,
  SMTP_PORT,
  setStoreClock,
  uniqueEmail,
} from "./support";

// A Wednesday morning in the store's zone (Europe/Berlin): no weekly window is open.
const WEDNESDAY = "2026-11-18T10:00:00.000Z";
// The first-order wheel's campaign (scripts/seed-playcart.mjs): its offer card is a region named by its heading.
const FIRST_ORDER_WHEEL = "Spin for up to 10% off your first order";

test.beforeEach(async ({ context }) => {
  await setStoreClock(context, WEDNESDAY);
});

const rewards = (page: import("@playwright/test").Page) => page.getByRole("region", { name: "Your rewards" });
// Every point the panel names: those available and those still pending ("N more once recent
// orders settle", while the order's return window is open).
const pointsIn = async (page: import("@playwright/test").Page) => {
  const text = (await rewards(page).locator(".playcart-points").textContent()) ?? "";
  const [, available, onTheWay = "0"] = text.match(/(\d+) points(?: \((\d+) more)?/) ?? [];
  return available === undefined ? Number.NaN : Number(available) + Number(onTheWay);
};
test("a first-time shopper spins the first-order wheel and the prize lowers this order at once", async ({ page }) => {
  await addProduct(page, "Glass Teapot");
  await addProduct(page, "Sencha Green Tea");
  await page.goto("/checkout");
  const before = minorOf((await page.getByTestId("checkout-total").textContent()) ?? "");
  expect(before).toBe(3400 + 1290);

  // The store does not know who is shopping: the wheel asks for the email first, and the
  // server says whether the first-order game is this person's. Then Play opens the wheel.
  const wheel = page.getByRole("region", { name: FIRST_ORDER_WHEEL });
  const email = uniqueEmail("wheel");
  await wheel.getByLabel("Your email").fill(email);
  await wheel.getByRole("button", { name: "Continue", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: `The game is yours to play with ${email}` })).toBeVisible();
  await wheel.getByRole("button", { name: "Play", exact: true }).click();
  const spin = wheel.getByRole("button", { name: "Spin the wheel" });
  await expect(spin).toBeVisible();
  await spin.click();
  // The result names the saving in money, as the server priced it for this cart.
  const result = wheel.getByRole("status").filter({ hasText: /^You won .+: you save .+ on this order\.$/ });
  await expect(result).toBeVisible();
  // The server priced the prize into the checkout: the total dropped before any payment.
  await expect(page.getByTestId("checkout-discount")).toBeVisible();
  const discount = minorOf((await page.getByTestId("checkout-discount").textContent()) ?? "");
  expect(discount).toBeGreaterThan(0);
  await expect(page.getByTestId("checkout-total")).toHaveText(eur(before - discount));
  const saving = /you save (.+) on this order/.exec((await result.textContent()) ?? "")?.[1] ?? "";
  expect(minorOf(saving)).toBe(discount);

  const total = await placeOrder(page, email);
  expect(total).toBe(before - discount);
  await payWithTestCard(page);
  await expect(page.getByTestId("order-total")).toHaveText(eur(before - discount));

  // Used once: the next checkout of this browser offers no first-order wheel.
  await addProduct(page, "Assam Breakfast");
  await page.goto("/checkout");
  await expect(page.getByTestId("checkout-total")).toBeVisible();
  await expect(page.getByRole("region", { name: FIRST_ORDER_WHEEL })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Spin the wheel" })).toHaveCount(0);
});

test("a shopper who places the order the moment the wheel lands, before the totals refresh, pays the saving the result told", async ({
  page,
}) => {
  await addProduct(page, "Glass Teapot");
  await page.goto("/checkout");
  const before = minorOf((await page.getByTestId("checkout-total").textContent()) ?? "");
  const wheel = page.getByRole("region", { name: FIRST_ORDER_WHEEL });
  const email = uniqueEmail("quick");
  await wheel.getByLabel("Your email").fill(email);
  await wheel.getByRole("button", { name: "Continue", exact: true }).click();
  await wheel.getByRole("button", { name: "Play", exact: true }).click();
  const releaseRefresh = await holdCheckoutRefresh(page);
  await wheel.getByRole("button", { name: "Spin the wheel" }).click();
  const result = wheel.getByRole("status").filter({ hasText: /^You won .+: you save .+ on this order\.$/ });
  await expect(result).toBeVisible();
  const saving = minorOf(/you save (.+) on this order/.exec((await result.textContent()) ?? "")?.[1] ?? "");
  expect(saving).toBeGreaterThan(0);
  // The refresh that prices the prize into the checkout is held: the page still shows the old total.
  await expect(page.getByTestId("checkout-discount")).toHaveCount(0);
  await page.getByLabel("Email for your receipt").fill(email);
  await page.getByRole("button", { name: "Place order" }).click();
  releaseRefresh();
  // The slot's shown-reward field took the result's reward: no "… applies to this order" stop before payment.
  await expect(page.getByRole("heading", { name: "Pay for your order" })).toBeVisible();
  await expect(page.getByTestId("order-total")).toHaveText(eur(before - saving));
});

test("the offer card's odds link opens Playcart's own odds page, listing every prize", async ({ page }) => {
  await addProduct(page, "Glass Teapot");
  await page.goto("/checkout");
  const wheel = page.getByRole("region", { name: FIRST_ORDER_WHEEL });
  await wheel.getByRole("link", { name: "See the odds" }).click();
  // The store serves no odds page of its own: Playcart's catch-all route does.
  await expect(page).toHaveURL(/\/api\/playcart\/odds\/first-order-wheel$/);
  await expect(page.getByRole("heading", { level: 1, name: FIRST_ORDER_WHEEL })).toBeVisible();
  const prizes = page.getByRole("table", { name: "Prizes and chances" });
  for (const [prize, chance] of [
    ["10% off", "20%"],
    ["5% off", "50%"],
    ["€2 off", "30%"],
  ]) {
    const row = prizes.getByRole("row", { name: new RegExp(`^${prize}`) });
    await expect(row).toBeVisible();
    await expect(row.getByRole("cell").first()).toContainText(chance);
  }
  await expect(page.getByText("1 spin per person.")).toBeVisible();
});

test("payments earn points, shown in the rewards panel, and a returning shopper gets the loyal game", async ({
  page,
}) => {
  const email = uniqueEmail("points");
  await buy(page, email, "Stoneware Mug");

  await addProduct(page, "Sencha Green Tea");
  await page.goto("/checkout");
  await page.getByLabel("Email for your receipt").fill(email);
  // Playcart's own webhook endpoint earned the points from the checkout.session.completed event.
  await expect(rewards(page)).toBeVisible();
  const afterFirst = await pointsIn(page);
  expect(afterFirst).toBeGreaterThan(0);
  await expect(rewards(page).getByRole("progressbar")).toBeVisible();
  // A returning shopper is offered the loyal game, not the first-order wheel.
  await expect(
    page.getByRole("region", { name: /Shake the tree/ }).getByRole("button", { name: "Play" }),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: FIRST_ORDER_WHEEL })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Spin the wheel" })).toHaveCount(0);

  await placeOrder(page, email);
  await payWithTestCard(page);
  await addProduct(page, "Assam Breakfast");
  await page.goto("/checkout");
  await expect.poll(() => pointsIn(page)).toBeGreaterThan(afterFirst);
});

test("an abandoned cart gets a reminder by email whose link restores it", async ({ page, browser, request }) => {
  const mailbox = await startMailbox(SMTP_PORT);
  try {
    const email = uniqueEmail("reminder");
    await addProduct(page, "Glass Teapot");
    await page.goto("/checkout");
    // The checkout's own reminder checkbox (the wheel's email step has one too, with the same words).
    await page
      .locator('input[form="checkout"]')
      .and(page.getByRole("checkbox", { name: /Email me .* about my cart/ }))
      .check();
    await placeOrder(page, email);

    // The schedule runs later, at store times pinned by the cookie: 30 minutes is not yet
    // abandoned; two hours later the first reminder goes out.
    const cron = (at: string) =>
      request.post("/api/playcart/cron", {
        headers: { authorization: `Bearer ${CRON_SECRET}`, cookie: `store_test_clock=${at}` },
      });
    expect((await request.post("/api/playcart/cron")).status()).toBe(401);
    expect((await cron("2026-11-18T10:30:00.000Z")).status()).toBe(200);
    expect(mailbox.to(email)).toHaveLength(0);
    expect((await cron("2026-11-18T11:10:00.000Z")).status()).toBe(200);
    expect((await cron("2026-11-18T12:10:00.000Z")).status()).toBe(200);
    await expect.poll(() => mailbox.to(email).length).toBe(1);

    const link = mailbox.to(email)[0].body.match(/https?:\/\/[^\s"<>]+\/comeback\/[^\s"<>]+/)?.[0];
    expect(link).toBeTruthy();
    // Another browser, on the same pinned store clock (the link is valid for 14 days of store time).
    const other = await browser.newContext();
    await setStoreClock(other, "2026-11-18T12:20:00.000Z");
    const phone = await other.newPage();
    await phone.goto(link!);
    await expect(phone).toHaveURL(/\/checkout\?welcome=back$/);
    await phone.goto("/cart");
    await expect(phone.getByText("Glass Teapot", { exact: true })).toBeVisible();
    await expect(phone.getByLabel("Quantity of Glass Teapot")).toHaveValue("1");
    await other.close();
  } finally {
    await mailbox.close();
  }
});

test("the Playcart admin opens only behind the store's own authorisation", async ({ page, context }) => {
  const res = await page.goto("/admin/playcart");
  expect([401, 403, 404]).toContain(res?.status());

  await context.addCookies([{ name: "store_admin", value: ADMIN_TOKEN, url: "http://127.0.0.1" }]);
  await page.goto("/admin/playcart");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: /Campaigns/ })).toBeVisible();
  await page.getByRole("link", { name: /Campaigns/ }).click();
  await expect(page.getByText(/first order/i).first()).toBeVisible();
});

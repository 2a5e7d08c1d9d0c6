// Issue 4 acceptance in Chromium: a guest adds items, gives an email with consent and leaves;
// the clock moves on and the scheduled route sends a reminder to a real SMTP server; its link
// restores the cart in another browser and shows the comeback game; the order completes and
// the store owner sees it counted as recovered. The exit nudge shows once per session.
import type { APIRequestContext, Page } from "@playwright/test";
import { DateTime } from "luxon";
import { campaigns, Games, setStoreClock } from "./pages/games";
import { Store } from "./pages/store";
import { ADMIN_EMAIL, orderLabel, orderTotal, products, uniqueEmail, usd } from "./support/data";
import { dkimResult } from "./support/dkim";
import { expect, test } from "./support/fixtures";

const { espresso, mug } = products;
const CRON_SECRET = "e2e-cron-secret-0123456789";
// Yesterday, 10:00 in Berlin (the store's zone): the guest's last change to the cart. The
// schedule runs at store times pinned from there, but the link is opened later by a browser
// with no pinned clock, so these instants must lie in the real past: between 14 and 38 hours
// ago, well inside the link's 14 days, and away from the quiet hours on any date.
const LEFT_AT = DateTime.now()
  .setZone("Europe/Berlin")
  .minus({ days: 1 })
  .set({ hour: 10, minute: 0, second: 0, millisecond: 0 })
  .toJSDate();
const at = (minutes: number) => new Date(LEFT_AT.getTime() + minutes * 60_000).toISOString();
// The store time the wheel's own tests play at (wheel.spec.ts, offers.spec.ts): a Wednesday morning.
const WHEEL_OPEN = "2026-11-18T10:00:00.000Z";

/** Runs the reminder schedule as a scheduler would, at a store time of our choosing. */
async function runSchedule(request: APIRequestContext, when: string) {
  const res = await request.post("/api/playcart/cron/reminders", {
    headers: { authorization: `Bearer ${CRON_SECRET}`, cookie: `pc_test_clock=${when}` },
  });
  expect(res.status()).toBe(200);
  return (await res.json()) as { abandoned: number; sent: number; recovered: number };
}

/** A pointer leaving the page toward the top (what a desktop browser reports as mouseout). */
const pointerLeavesTop = (page: Page) =>
  page.evaluate(() =>
    document.dispatchEvent(
      new MouseEvent("mouseout", { clientX: 400, clientY: -2, bubbles: true, relatedTarget: null }),
    ),
  );

test("the scheduled route refuses a caller without the secret", async ({ request }) => {
  expect((await request.post("/api/playcart/cron/reminders")).status()).toBe(401);
  expect(
    (
      await request.get("/api/playcart/cron/reminders", {
        headers: { authorization: "Bearer wrong-secret-wrong-secret" },
      })
    ).status(),
  ).toBe(401);
});

test("a guest who leaves gets a reminder whose link restores the cart and the comeback game; the order counts as recovered", async ({
  page,
  context,
  browser,
  request,
  mailbox,
}) => {
  const store = new Store(page);
  const email = uniqueEmail("comeback");
  const total = espresso.priceCents * 2 + mug.priceCents;

  await test.step("a guest fills a cart and gives an email with consent, then leaves", async () => {
    await setStoreClock(context, LEFT_AT.toISOString());
    await store.addProduct(espresso.slug, 2);
    await store.addProduct(mug.slug);
    await store.openCart();
    await store.goToCheckoutFromCart();
    // The checkout form's own checkbox (the wheel's email step has one of its own).
    const consent = page.getByRole("checkbox", { name: /Email me \(and, if I allow it, notify me\) about my cart/ });
    await expect(consent).not.toBeChecked();
    await consent.check();
    await store.placeOrder(email);
    await page.close();
  });

  let link = "";
  await test.step("the clock moves on: the cart is abandoned, and the first reminder arrives 1 h later", async () => {
    await runSchedule(request, at(30)); // idle 30 minutes: not abandoned yet
    expect((await runSchedule(request, at(65))).abandoned).toBeGreaterThanOrEqual(1);
    await runSchedule(request, at(100)); // not due yet
    expect(mailbox.messages.filter((m) => m.to.includes(email.toLowerCase()))).toHaveLength(0);
    expect((await runSchedule(request, at(126))).sent).toBeGreaterThanOrEqual(1);
    const mail = await mailbox.waitForMail(email, (m) => m.subject === "You left something in your cart");
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(await dkimResult(mail)).toEqual({ result: "pass", domain: "playcart.test" });
    expect(mail.headers["list-unsubscribe"]).toMatch(
      /^<http:\/\/127\.0\.0\.1:\d+\/api\/playcart\/unsubscribe\/[\w.-]+>$/,
    );
    expect(mail.text).toContain("2 x House Espresso");
    // The cart in PNG (email clients show no SVG), and what the comeback game can win.
    expect(mail.html).toContain("/products/email/stoneware-mug.png");
    expect(mail.text).toContain("Play Scratch to reveal your comeback reward when you come back: you could win");
    link = /http:\/\/127\.0\.0\.1:\d+\/api\/playcart\/comeback\/[\w.-]+/.exec(mail.text)![0];
    // Running the schedule again sends nothing more today.
    await runSchedule(request, at(130));
    expect(mailbox.messages.filter((m) => m.to.includes(email.toLowerCase()))).toHaveLength(1);
  });

  const other = await browser.newContext();
  const back = new Store(await other.newPage());
  await test.step("the link restores the cart in another browser and shows the comeback game", async () => {
    await back.page.goto(link);
    await expect(back.page).toHaveURL(/\/checkout\?welcome=back$/);
    await expect(back.page.getByText("Welcome back! Your cart is just as you left it.")).toBeVisible();
    await back.expectCartCount(3);
    await expect(back.page.getByTestId("order-total")).toHaveText(usd(total));
    const game = back.page.getByRole("region", { name: "Scratch to reveal your comeback reward" });
    await expect(game).toBeVisible();
    await expect(game.getByRole("button", { name: "Play", exact: true })).toBeEnabled();
    await expect(back.checkoutEmail).toHaveValue(email.toLowerCase());
  });

  let orderId = "";
  await test.step("the order completes", async () => {
    orderId = await back.placeOrder(email);
    await back.payWithTestCard(usd(total));
  });

  await test.step("the store owner sees it recovered, with its revenue", async () => {
    const admin = new Store(await (await browser.newContext()).newPage());
    await admin.signIn(mailbox, ADMIN_EMAIL, { from: "/signin?callbackUrl=%2Fadmin%2Freminders" });
    const row = admin.page
      .getByRole("region", { name: "Recovered orders" })
      .getByRole("row", { name: new RegExp(orderLabel(orderId)) });
    // Recorded just after the webhook's response: reload until it is there.
    await expect(async () => {
      await admin.page.goto("/admin/reminders");
      await expect(row).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await expect(row).toContainText("Cart reminders: 1 h, 24 h, 72 h");
    await expect(row).toContainText(usd(total));
    // The purchase stopped the rest of the sequence.
    const steps = admin.page
      .getByRole("region", { name: "Latest reminders" })
      .getByRole("row", { name: new RegExp(email.replace(/[.+]/g, "\\$&"), "i") });
    await expect(steps.filter({ hasText: "cancelled (purchased)" })).toHaveCount(2);
    await expect(steps.filter({ hasText: "sent" })).toHaveCount(1);
  });
  await other.close();
});

test("the exit nudge shows once per session, carries the comeback game, and never after purchase", async ({ page }) => {
  const store = new Store(page);
  const nudge = await atCheckoutWatched(page, espresso.slug);

  await pointerLeavesTop(page);
  await expect(nudge).toBeVisible();
  await expect(nudge.getByRole("region", { name: "Scratch to reveal your comeback reward" })).toBeVisible();
  await expect(nudge.getByRole("button", { name: "Finish my order" })).toBeFocused();
  await nudge.getByRole("button", { name: "No thanks" }).click();
  await expect(nudge).toBeHidden();

  await pointerLeavesTop(page);
  await page.reload({ waitUntil: "networkidle" });
  await expect(page.getByRole("heading", { name: "Checkout" })).toBeVisible();
  // This tab has had its nudge: a tap adds no Back entry (Back would have to be pressed twice).
  const entries = await page.evaluate(() => history.length);
  await page.getByRole("heading", { name: "Checkout" }).click();
  await page.waitForTimeout(1000);
  expect(await page.evaluate(() => history.length)).toBe(entries);
  await pointerLeavesTop(page);
  await page.evaluate(() => sessionStorage.clear()); // even if the browser forgets, the server remembers
  await page.reload({ waitUntil: "networkidle" });
  await pointerLeavesTop(page);
  await page.waitForTimeout(500);
  await expect(nudge).toHaveCount(0);

  // The confirmation page has no nudge at all.
  const email = uniqueEmail("nudge");
  await store.placeOrder(email);
  await store.payWithTestCard(usd(orderTotal(espresso.priceCents)));
  await pointerLeavesTop(page);
  await page.waitForTimeout(300);
  await expect(page.getByRole("dialog")).toHaveCount(0);
});

/** The tab going to the background or coming back, as the browser reports it to the page. */
const setTabVisibility = (page: Page, state: "hidden" | "visible") =>
  page.evaluate((s) => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => s });
    document.dispatchEvent(new Event("visibilitychange"));
  }, state);

/**
 * A guest at checkout with one product, once the exit watcher is listening: after hydration,
 * on a page the shopper has interacted with (here the click that opened checkout), it adds one
 * history entry (a Back or a timer before that would not count). Returns the nudge dialog.
 */
async function atCheckoutWatched(page: Page, slug: string) {
  const store = new Store(page);
  await store.addProduct(slug);
  await store.openCart();
  await store.goToCheckoutFromCart();
  await page.waitForFunction(() => (history.state as { playcartNudge?: boolean } | null)?.playcartNudge === true);
  return page.getByRole("dialog", { name: "Before you go…" });
}

test("on a phone, switching to another app and back shows the nudge on return, not while away", async ({ page }) => {
  const nudge = await atCheckoutWatched(page, espresso.slug);

  await setTabVisibility(page, "hidden");
  await page.waitForTimeout(300);
  await expect(nudge).toHaveCount(0);
  await setTabVisibility(page, "visible");
  await expect(nudge).toBeVisible();
  await expect(nudge.getByRole("button", { name: "Finish my order" })).toBeFocused();
});

test("a shopper idle at checkout for 90 seconds gets the nudge; any key or tap restarts the wait", async ({ page }) => {
  await page.clock.install();
  const nudge = await atCheckoutWatched(page, espresso.slug);

  await page.clock.runFor(60_000);
  await page.keyboard.press("Tab"); // still there: the 90 s start again
  await page.clock.runFor(60_000);
  await page.waitForTimeout(300);
  await expect(nudge).toHaveCount(0);

  await page.clock.runFor(31_000);
  await expect(nudge).toBeVisible();
});

test("on a phone, Back from checkout shows the nudge first; a second Back leaves", async ({ page }) => {
  const nudge = await atCheckoutWatched(page, mug.slug);
  await page.goBack();
  await expect(nudge).toBeVisible();
  await expect(page).toHaveURL(/\/checkout$/);
  await nudge.getByRole("button", { name: "Finish my order" }).click();
  await expect(nudge).toBeHidden();
  await page.goBack();
  await expect(page.getByRole("heading", { name: "Your cart" })).toBeVisible();
});

test("a checkout opened directly adds its Back entry only once the shopper touches the page, not on Esc", async ({
  page,
}) => {
  const store = new Store(page);
  await store.addProduct(mug.slug);
  // A new document with no user activation: a browser's Back button would skip an entry it added.
  await page.goto("/checkout", { waitUntil: "networkidle" });
  // Read without a user gesture: Playwright's page.evaluate would give the page one.
  const cdp = await page.context().newCDPSession(page);
  const backEntries = async () =>
    (
      await cdp.send("Runtime.evaluate", {
        expression: "[history.length, history.state?.playcartNudge ?? null]",
        returnByValue: true,
      })
    ).result.value as [number, boolean | null];
  const [entries] = await backEntries();
  // Esc is no user activation: a browser's Back would still skip an entry added after it.
  await page.keyboard.press("Escape");
  await page.waitForTimeout(1000);
  expect(await backEntries()).toEqual([entries, null]);

  await page.getByRole("heading", { name: "Checkout" }).click();
  await page.waitForFunction(() => (history.state as { playcartNudge?: boolean } | null)?.playcartNudge === true);
  expect(await page.evaluate(() => history.length)).toBe(entries + 1);
  await page.goBack();
  await expect(page.getByRole("dialog", { name: "Before you go…" })).toBeVisible();
  await expect(page).toHaveURL(/\/checkout$/);
});

test("a shopper who gives their email and plays at checkout still leaves it with one Back after the nudge", async ({
  page,
  context,
}) => {
  await setStoreClock(context, WHEEL_OPEN);
  const games = new Games(page);
  await atCheckoutWatched(page, products.croissant.slug);
  const entries = await page.evaluate(() => history.length);
  // Each answer refreshes the checkout (the email given, the prize shown), which restarts the watcher.
  const offer = games.offer(campaigns.wheel.name);
  await games.giveEmail(offer, uniqueEmail("one-back"));
  await games.open(offer);
  await offer.getByRole("button", { name: "Spin the wheel" }).click();
  await games.prizeWon(offer);
  await page.waitForTimeout(1500);
  expect(await page.evaluate(() => history.length)).toBe(entries);

  await page.goBack();
  await expect(page.getByRole("dialog", { name: "Before you go…" })).toBeVisible();
  await expect(page).toHaveURL(/\/checkout$/);
});

// Issue 3: the advent calendar (one door per store day, Europe/Berlin, clock injected) and
// the account's loyalty block (tier progress, points spent on a free-shipping reward that
// the next checkout applies).
import { setStoreClock } from "./pages/games";
import { Store } from "./pages/store";
import { orderTotal, pointsFor, products, uniqueEmail, usd } from "./support/data";
import { expect, test } from "./support/fixtures";
import { releasePendingPoints } from "./support/journeys";

const { espresso, mug } = products;
// The calendar repeats every December: this year's, whichever year the suite runs in.
const YEAR = new Date().getUTCFullYear();
const DECEMBER_3 = `${YEAR}-12-03T09:00:00.000Z`; // 10:00 in Berlin
const DECEMBER_4 = `${YEAR}-12-04T09:00:00.000Z`;

test("the advent calendar: today's door opens by keyboard onto a scratch card; tomorrow's is locked", async ({
  page,
  context,
}) => {
  await setStoreClock(context, DECEMBER_3);
  await page.goto("/advent");
  const door = (n: number) => page.getByTestId(`door-${n}`);
  await expect(door(1)).toContainText("Missed");
  await expect(door(4)).toContainText("Locked until 4 December");
  await expect(door(4).getByRole("button")).toHaveCount(0);
  await expect(page.getByText(new RegExp(`One door a day, 1\\s–\\s12 December ${YEAR}\\.`))).toBeVisible();
  await expect(page.getByRole("link", { name: "See the odds" })).toHaveAttribute("href", "/odds/advent-calendar");

  const today = door(3).getByRole("button", { name: /Open today’s door/ });
  await today.focus();
  await page.keyboard.press("Enter");
  const panel = page.getByRole("region", { name: "Door 3" });
  const reveal = panel.getByRole("button", { name: "Reveal" });
  await expect(reveal).toBeFocused();
  await page.keyboard.press("Enter");
  const result = panel.getByRole("status").filter({ hasText: /You won|Thanks for playing/ });
  await expect(result).toBeVisible({ timeout: 15_000 });
  const announced = (await result.textContent()) ?? "";

  // The door now shows what was behind it, and there is no second scratch today.
  await expect(door(3).getByRole("button")).toHaveCount(0);
  const label = announced.startsWith("You won ")
    ? announced.slice("You won ".length).split("Saved for")[0].trim()
    : "No prize this time";
  await expect(door(3)).toContainText(label);
  await page.reload();
  await expect(door(3)).toContainText(label);
  await expect(page.getByRole("button", { name: /Open today’s door/ })).toHaveCount(0);

  // The next store day: door 4 opens, door 3 keeps its prize.
  await setStoreClock(context, DECEMBER_4);
  await page.reload();
  await expect(door(4).getByRole("button", { name: /Open today’s door/ })).toBeVisible();
  await expect(door(3)).toContainText(label);
  await expect(door(5)).toContainText("Locked until 5 December");
});

test("a member sees tier progress, spends points on free shipping, and the next checkout ships free", async ({
  page,
  mailbox,
}) => {
  const store = new Store(page);
  const email = uniqueEmail("catalog");
  await store.signIn(mailbox, email, { from: "/signin" });
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("tier-current")).toHaveText("Green");
  await expect(page.getByTestId("tier-next")).toContainText("Spend $200.00 more to reach Gold.");

  const subtotal = espresso.priceCents + mug.priceCents; // $32.50: ships free, earns 32 points
  await store.addProduct(espresso.slug);
  await store.addProduct(mug.slug);
  await store.openCart();
  await store.goToCheckoutFromCart();
  await store.placeOrder(email);
  await store.payWithTestCard(usd(orderTotal(subtotal)));
  const points = pointsFor(orderTotal(subtotal));

  await store.openAccount();
  // Pending until the order's return window closes; then the engine's points job releases them.
  await expect(store.pointsBalance).toHaveText("0");
  await expect(page.getByTestId("points-pending")).toContainText(`${points} points`);
  expect((await releasePendingPoints(page.request)).released).toBeGreaterThanOrEqual(points);
  await page.reload();
  await expect(store.pointsBalance).toHaveText(String(points));
  await expect(page.getByTestId("points-pending")).toHaveCount(0);
  await expect(page.getByTestId("tier-next")).toContainText(`Spend ${usd(20_000 - subtotal)} more to reach Gold.`);
  await expect(page.getByRole("progressbar", { name: "Progress to Gold" })).toHaveAttribute(
    "aria-valuenow",
    String(Math.floor((subtotal * 100) / 20_000)),
  );
  await page.getByRole("button", { name: "Redeem 15 points for Free shipping" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Free shipping: saved for your next order." })).toBeVisible();
  await expect(store.pointsBalance).toHaveText(String(points - 15));
  await expect(page.getByTestId("owned-rewards")).toContainText("Free shipping");
  // Too few points for $5 off (60): the button is disabled.
  await expect(page.getByRole("button", { name: "Redeem 60 points for $5 off your next order" })).toBeDisabled();

  await store.addProduct(espresso.slug);
  await store.openCart();
  await store.goToCheckoutFromCart();
  await expect(page.getByTestId("order-shipping")).toHaveText("Free");
  await expect(page.getByTestId("order-total")).toHaveText(usd(espresso.priceCents));
  await store.placeOrder(email);
  await expect(page.getByTestId("order-total")).toHaveText(usd(espresso.priceCents));
  await store.payWithTestCard(usd(espresso.priceCents));
});

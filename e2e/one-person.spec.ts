// One person, one first order: three spellings of one Gmail address (a dot and a +tag, the
// plain address, upper case at googlemail.com), each in a fresh browser, get one first-order
// discount between them. The first paid order gets it; the later two are charged in full
// and their orders carry no first-order discount: the wheel, which asks for the email
// before it spins, tells them they have ordered before.
import { randomBytes } from "node:crypto";
import { campaigns, discountFor, Games, setStoreClock } from "./pages/games";
import { Store } from "./pages/store";
import { orderTotal, products, usd } from "./support/data";
import { expect, test } from "./support/fixtures";

const { espresso, mug } = products;
const WEDNESDAY = "2026-11-18T10:00:00.000Z";
const lines = [espresso, mug];
const subtotal = espresso.priceCents + mug.priceCents;

test("three Gmail spellings of one address in three fresh browsers get one first-order discount between them", async ({
  browser,
}) => {
  const name = `john${randomBytes(4).toString("hex")}`;
  const spellings = [
    `${name.slice(0, 1)}.${name.slice(1)}+1@gmail.com`,
    `${name}@gmail.com`,
    `${name.toUpperCase()}@googlemail.com`,
  ];

  /**
   * A fresh browser puts two products in its cart and reaches checkout; the wheel asks for the
   * email first, and is spun only if the server says it is this person's.
   */
  async function checkoutInFreshBrowser(
    email: string,
    pay: (store: Store, prize: string | null, answer: string | null) => Promise<void>,
  ) {
    const context = await browser.newContext();
    try {
      await setStoreClock(context, WEDNESDAY);
      const page = await context.newPage();
      const store = new Store(page);
      const games = new Games(page);
      await store.addProduct(espresso.slug);
      await store.addProduct(mug.slug);
      await store.openCart();
      await store.goToCheckoutFromCart();
      const wheel = games.offer(campaigns.wheel.name);
      let prize: string | null = null;
      // Every fresh browser is offered the wheel: the store cannot tell who it is yet.
      await games.giveEmail(wheel, email);
      const answer = await games.emailAnswer.textContent();
      if (answer?.startsWith("Thanks!")) {
        await games.open(wheel);
        await wheel.getByRole("button", { name: "Spin the wheel" }).press("Enter");
        prize = await games.prizeWon(wheel);
      }
      await pay(store, prize, answer);
    } finally {
      await context.close();
    }
  }

  await test.step(`the first spelling (${spellings[0]}) wins the wheel and pays the discounted total`, async () => {
    await checkoutInFreshBrowser(spellings[0], async (store, prize) => {
      expect(prize, "a new shopper is offered the first-order wheel, and every slice is a prize").not.toBeNull();
      const discount = discountFor(prize!, lines);
      expect(discount).toBeGreaterThan(0);
      // Pay once the checkout's totals show the prize, as the shopper sees them: an order sent
      // before that refresh lands is held back with a notice that the price changed.
      await expect(store.page.getByTestId("order-discount")).toHaveText(`−${usd(discount)}`);
      await store.placeOrder(spellings[0]);
      await expect(store.page.getByTestId("order-discount")).toHaveText(`−${usd(discount)}`);
      await expect(store.page.getByTestId("order-total")).toHaveText(usd(orderTotal(subtotal, discount)));
      await store.payWithTestCard(usd(orderTotal(subtotal, discount)));
    });
  });

  for (const email of spellings.slice(1)) {
    await test.step(`${email} is the same person: charged in full, no first-order discount`, async () => {
      await checkoutInFreshBrowser(email, async (store, prize, answer) => {
        // Told at the wheel, before any spin, that this person has ordered before.
        expect(prize).toBeNull();
        expect(answer).toContain("has ordered here before");
        await store.placeOrder(email);
        await expect(store.page.getByTestId("order-total")).toHaveText(usd(orderTotal(subtotal)));
        await expect(store.page.getByTestId("order-discount")).toHaveCount(0);
        await store.payWithTestCard(usd(orderTotal(subtotal)));
        await expect(store.page.getByTestId("order-total")).toHaveText(usd(orderTotal(subtotal)));
        await expect(store.page.getByTestId("order-discount")).toHaveCount(0);
      });
    });
  }
});

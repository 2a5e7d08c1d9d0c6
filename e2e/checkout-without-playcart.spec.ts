// With Playcart off (PLAYCART_ENGAGE=off; here the e2e server's per-browser seam, the
// pc_test_engage cookie), the browser gets none of Playcart's code at checkout: every script
// the page fetches while it loads and settles is read for it. The same reading of the checkout
// with Playcart on finds it, so a check that stopped recognising Playcart's code fails too.
import type { Page, Response } from "@playwright/test";
import { playcartCodeIn } from "../test/support/playcart-code";
import { Store } from "./pages/store";
import { products } from "./support/data";
import { expect, test } from "./support/fixtures";

type Script = { url: string; text: string };

/** Every script the checkout fetches from its load until the network is quiet, with its text. */
async function checkoutScripts(page: Page): Promise<Script[]> {
  const scripts: Promise<Script>[] = [];
  const onResponse = (res: Response) => {
    if (res.request().resourceType() === "script") scripts.push(res.text().then((text) => ({ url: res.url(), text })));
  };
  page.on("response", onResponse);
  await page.goto("/checkout");
  await expect(page.getByRole("heading", { name: "Order summary" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  page.off("response", onResponse);
  return Promise.all(scripts);
}

const withPlaycart = (scripts: Script[]) =>
  scripts.flatMap((s) => {
    const where = playcartCodeIn(s.text);
    return where ? [`${new URL(s.url).pathname}: …${where}…`] : [];
  });

test("with Playcart off, the checkout fetches no script with Playcart's code; with it on, it does", async ({
  page,
  context,
  baseURL,
}) => {
  await context.addCookies([{ name: "pc_test_engage", value: "off", url: baseURL! }]);
  const store = new Store(page);
  await store.addProduct(products.espresso.slug);

  const off = await checkoutScripts(page);
  await expect(page.getByRole("button", { name: "Continue to test payment" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Rewards" })).toHaveCount(0);
  expect(off.length, "the checkout loads its scripts").toBeGreaterThan(0);
  expect(withPlaycart(off), "scripts with Playcart's code at a checkout without Playcart").toEqual([]);

  await context.clearCookies({ name: "pc_test_engage" });
  const on = await checkoutScripts(page);
  await expect(page.getByRole("button", { name: "Rewards" })).toBeVisible();
  expect(withPlaycart(on).length, "scripts with Playcart's code at a checkout with Playcart").toBeGreaterThan(0);
});

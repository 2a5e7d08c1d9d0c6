// With Playcart off (PLAYCART_ENGAGE=off; here the e2e server's per-browser seam, the
// pc_test_engage cookie), the browser gets none of Playcart's code at checkout: every script
// the page fetches while it loads and settles is read for it. The same reading of the checkout
// with Playcart on finds it, so a check that stopped recognising Playcart's code fails too.
import type { Page, Request, Response } from "@playwright/test";
import { playcartCodeIn } from "../test/support/playcart-code";
import { Store } from "./pages/store";
import { products } from "./support/data";
import { expect, test } from "./support/fixtures";

type Script = { url: string; text: string; requestedAt: number };

/**
 * Every script the checkout fetches from its load until the network is quiet, with its text
 * and when it was requested; the HTML the server sent; and when the page's load event came.
 */
async function checkoutScripts(page: Page): Promise<{ scripts: Script[]; html: string; loadedAt: number }> {
  const scripts: Promise<Script>[] = [];
  const requested = new Map<string, number>();
  const onRequest = (req: Request) => requested.set(req.url(), Date.now());
  const onResponse = (res: Response) => {
    const requestedAt = requested.get(res.url()) ?? Date.now();
    if (res.request().resourceType() === "script")
      scripts.push(res.text().then((text) => ({ url: res.url(), text, requestedAt })));
  };
  page.on("request", onRequest);
  page.on("response", onResponse);
  const document = await page.goto("/checkout");
  const loadedAt = Date.now();
  await expect(page.getByRole("heading", { name: "Order summary" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  page.off("request", onRequest);
  page.off("response", onResponse);
  return { scripts: await Promise.all(scripts), html: await document!.text(), loadedAt };
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

  const { scripts: off } = await checkoutScripts(page);
  await expect(page.getByRole("button", { name: "Continue to test payment" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Rewards" })).toHaveCount(0);
  expect(off.length, "the checkout loads its scripts").toBeGreaterThan(0);
  expect(withPlaycart(off), "scripts with Playcart's code at a checkout without Playcart").toEqual([]);

  await context.clearCookies({ name: "pc_test_engage" });
  const { scripts: on, html, loadedAt } = await checkoutScripts(page);
  await expect(page.getByRole("button", { name: "Rewards" })).toBeVisible();
  expect(withPlaycart(on).length, "scripts with Playcart's code at a checkout with Playcart").toBeGreaterThan(0);
  // The scripts holding the Playcart parts the server rendered are named in its HTML, so the
  // browser fetches them with the page's own scripts, not one round trip later when hydration
  // reaches them. A game's chunk is fetched on idle 2.5 s after the load event (when-idle.ts),
  // never before: anything Playcart's requested before load + 1 s is the page's.
  const lateForHydration = on
    .filter((s) => s.requestedAt < loadedAt + 1000 && playcartCodeIn(s.text))
    .map((s) => new URL(s.url).pathname)
    .filter((path) => !html.includes(path));
  expect(lateForHydration, "Playcart's scripts the checkout loads that its HTML does not name").toEqual([]);
});

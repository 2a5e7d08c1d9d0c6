// The store built without Playcart (PLAYCART_ENGAGE=off at build time; scripts/e2e-server.mjs
// serves it beside the suite's store, on E2E_PORT + 1) sends none of Playcart's code to its
// checkout: every script the page fetches while it loads and settles is read for it, and the
// order still goes through. The same reading of the checkout with Playcart finds it, so a check
// that stopped recognising Playcart's code fails too. Switched off at run time only (here the
// e2e server's per-browser seam, the pc_test_engage cookie), Playcart's parts are not shown.
import type { Page, Request, Response } from "@playwright/test";
import { playcartCodeIn } from "../test/support/playcart-code";
import { Store } from "./pages/store";
import { products, uniqueEmail } from "./support/data";
import { expect, test } from "./support/fixtures";

type Script = { url: string; text: string; requestedAt: number };

/** A game's own chunk: the one script that draws its wheel, tree or card. */
const GAME_CHUNK = /playcart-(wheel-disc|tree-stage|card-stage)/;

/** Whatever Playcart renders (the rewards launcher, the game's card, the email step) carries its playcart-* classes. */
const PLAYCART_PARTS = '[class^="playcart-"], [class*=" playcart-"]';

const WITHOUT_PLAYCART_URL = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 1}`;

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

test.describe("the store built without Playcart", () => {
  test.use({ baseURL: WITHOUT_PLAYCART_URL });

  // scripts/e2e-server.mjs builds it while the rest of the suite runs, then starts it.
  test.beforeAll(async () => {
    const WAIT_MS = 600_000;
    test.setTimeout(WAIT_MS + 10_000);
    await expect
      .poll(
        () =>
          fetch(`${WITHOUT_PLAYCART_URL}/api/health`).then(
            (r) => r.status,
            () => "not answering",
          ),
        {
          message: `the store built without Playcart answers at ${WITHOUT_PLAYCART_URL} (see [e2e-server] in the output)`,
          timeout: WAIT_MS,
          intervals: [1000],
        },
      )
      .toBe(200);
  });

  test("its checkout fetches no script with Playcart's code, and takes the order", async ({ page }) => {
    const store = new Store(page);
    await store.addProduct(products.espresso.slug);

    const { scripts } = await checkoutScripts(page);
    await expect(page.getByRole("button", { name: "Rewards" })).toHaveCount(0);
    await expect(page.locator(PLAYCART_PARTS)).toHaveCount(0);
    expect(scripts.length, "the checkout loads its scripts").toBeGreaterThan(0);
    expect(withPlaycart(scripts), "scripts with Playcart's code at a checkout without Playcart").toEqual([]);

    await store.placeOrder(uniqueEmail("without-playcart"));
    await page.getByRole("button", { name: /^Pay .+ with test card 4242$/ }).click();
    await store.expectConfirmation();
  });
});

test("with Playcart, its scripts come with the checkout's own; switched off at run time, none of its parts shows", async ({
  page,
  context,
  baseURL,
}) => {
  const store = new Store(page);
  await store.addProduct(products.espresso.slug);

  const { scripts: on, html, loadedAt } = await checkoutScripts(page);
  await expect(page.getByRole("button", { name: "Rewards" })).toBeVisible();
  expect(await page.locator(PLAYCART_PARTS).count(), "Playcart's parts on the checkout").toBeGreaterThan(0);
  expect(withPlaycart(on).length, "scripts with Playcart's code at a checkout with Playcart").toBeGreaterThan(0);
  // Playcart's parts are imported by the page and the header, so their code is in scripts its
  // HTML names: the browser fetches them with the page's own, not one round trip later when
  // hydration reaches them. A game's chunk is fetched when the page is idle once the shopper has
  // used it (when-idle.ts), which may be at once here: Playwright's checks run in the page as a
  // user's gesture would, and the browser counts that as use (navigator.userActivation). Anything
  // else of Playcart's requested before load + 1 s is the page's.
  const lateForHydration = on
    .filter((s) => s.requestedAt < loadedAt + 1000 && playcartCodeIn(s.text) && !GAME_CHUNK.test(s.text))
    .map((s) => new URL(s.url).pathname)
    .filter((path) => !html.includes(path));
  expect(lateForHydration, "Playcart's scripts the checkout loads that its HTML does not name").toEqual([]);

  // PLAYCART_ENGAGE=off at run time, on the same build: none of Playcart's parts; the checkout works.
  await context.addCookies([{ name: "pc_test_engage", value: "off", url: baseURL! }]);
  await page.goto("/checkout");
  await expect(page.getByRole("heading", { name: "Order summary" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Continue to test payment" })).toBeEnabled();
  await expect(page.getByRole("button", { name: "Rewards" })).toHaveCount(0);
  await expect(page.locator(PLAYCART_PARTS)).toHaveCount(0);
});

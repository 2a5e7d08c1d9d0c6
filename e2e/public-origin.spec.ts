// The store behind a reverse proxy for its own domain (shop.example.test), as a deployment runs
// it: every absolute link it makes (the sign-in email, the referral link and its share links,
// the badge page's og:image) is at the public origin, and following them works. A friend opens
// the referral link, buys, and the referrer gets the stamp.
import type { Browser, BrowserContext } from "@playwright/test";
import { escapeRegExp, Store } from "./pages/store";
import { type BehindProxy, PUBLIC_HOST, PUBLIC_ORIGIN, startBehindProxy } from "./support/behind-proxy";
import { products, uniqueEmail } from "./support/data";
import { expect, test } from "./support/fixtures";
import { buyCroissant, onAccountEventually, reviewCroissant } from "./support/journeys";

let behind: BehindProxy;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  behind = await startBehindProxy({
    // Beside the suite's own server: E2E_PORT + 200 unless set.
    appPort: Number(process.env.E2E_PROXY_APP_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 200),
    smtpPort: Number(process.env.E2E_SMTP_PORT ?? 2525),
  });
});
test.afterAll(async () => behind?.close());

/** A browser that reaches the store the way shoppers do: by its domain, through the proxy. */
const shopper = (browser: Browser): Promise<BrowserContext> =>
  browser.newContext({ baseURL: PUBLIC_ORIGIN, proxy: { server: behind.proxyUrl } });

test("behind a proxy for its own domain, every link is at the public origin and a referred friend earns the stamp", async ({
  browser,
  mailbox,
}) => {
  test.setTimeout(240_000);
  const referrer = await shopper(browser);
  const page = await referrer.newPage();
  const store = new Store(page);

  // Store.signIn follows the emailed link and checks it is at this page's origin.
  const email = uniqueEmail("proxied-referrer");
  await store.signIn(mailbox, email, { from: "/signin" });
  await page.goto("/account");
  const link = await page.getByTestId("referral-link").inputValue();
  expect(link).toMatch(new RegExp(`^${escapeRegExp(PUBLIC_ORIGIN)}/api/playcart/r/[a-z0-9]{8}$`));
  const share = page.getByRole("group", { name: "Share your link" });
  await expect(share.getByRole("link", { name: /^WhatsApp/ })).toHaveAttribute(
    "href",
    new RegExp(escapeRegExp(encodeURIComponent(link))),
  );

  await test.step("the badge page and its preview image are at the public origin, with the name she chose", async () => {
    const review = `Flaky and buttery behind any proxy. (${Date.now().toString(36)})`;
    await reviewCroissant(page, review);
    // No public name chosen: the review is signed without any part of her email.
    const reviews = page.getByRole("region", { name: "Reviews" }).getByRole("listitem").filter({ hasText: review });
    await expect(reviews).toContainText("A verified shopper");
    await expect(reviews).not.toContainText(email.split("@")[0]);

    await page.goto("/account");
    await page.getByLabel("Public name", { exact: true }).fill("ada@example.com");
    await page.getByRole("button", { name: "Save name" }).click();
    await expect(page.getByText("Use a name, not an email address")).toBeVisible();
    await page.getByLabel("Public name", { exact: true }).fill("Ada from Leith");
    await page.getByRole("button", { name: "Save name" }).click();
    await expect(page.getByText('Saved. Your reviews and badges are signed "Ada from Leith".')).toBeVisible();
    await page.goto(`/products/${products.croissant.slug}`);
    await expect(reviews).toContainText("Ada from Leith");

    await onAccountEventually(page, () =>
      expect(page.getByRole("link", { name: "Share your Community champion badge" })).toBeVisible({ timeout: 1_000 }),
    );
    await page.getByRole("link", { name: "Share your Community champion badge" }).click();
    await expect(page).toHaveURL(new RegExp(`^${escapeRegExp(PUBLIC_ORIGIN)}/badges/[A-Za-z0-9_-]+$`));
    await expect(page.getByTestId("badge-credit")).toHaveText(/^Earned by Ada from Leith on .+ at Corner Roastery\.$/);
    const ogImage = await page.locator('meta[property="og:image"]').getAttribute("content");
    expect(ogImage).toMatch(new RegExp(`^${escapeRegExp(PUBLIC_ORIGIN)}/badges/`));
    const ogUrl = await page.locator('meta[property="og:url"]').getAttribute("content");
    expect(ogUrl).toBe(page.url());
    // Fetched as an unfurler would: by its absolute URL, through the domain's proxy.
    const image = await (await referrer.newPage()).goto(ogImage!);
    expect(image?.status()).toBe(200);
    expect(image?.headers()["content-type"]).toBe("image/png");
    const bytes = await image!.body();
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  await test.step("a friend follows the link through the proxy and buys", async () => {
    const friend = await shopper(browser);
    const friendPage = await friend.newPage();
    await friendPage.goto(link);
    await expect(friendPage).toHaveURL(`${PUBLIC_ORIGIN}/`);
    const code = link.split("/r/")[1];
    expect((await friend.cookies()).find((c) => c.name === "pc_ref")).toMatchObject({
      value: code,
      domain: PUBLIC_HOST,
    });
    await buyCroissant(friendPage, uniqueEmail("proxied-friend"));
    expect(new URL(friendPage.url()).origin).toBe(PUBLIC_ORIGIN);
    await friend.close();
  });

  await onAccountEventually(page, () =>
    expect(page.getByRole("group", { name: "Refer a friend", exact: true }).getByTestId("stamp-progress")).toHaveText(
      "1 of 9 stamps",
      { timeout: 1_000 },
    ),
  );
  await expect(page.getByTestId("referral-count")).toHaveText("1 friend has ordered through your link.");
  await referrer.close();
  // Every request the browsers made went to the store's domain: none was sent to the app
  // server's own address (the proxy answers 502 for any other host).
  expect(behind.requests.filter((r) => !r.includes(`//${PUBLIC_HOST}/`))).toEqual([]);
});

// The admin over HTTP: every page and route found in app/admin refuses anonymous visitors
// and shoppers; /admin carries the frame-ancestors policy; the admin works on a phone.
import { Admin } from "./pages/admin";
import { Store } from "./pages/store";
import { adminPages, adminRoutes } from "./support/admin-routes";
import { uniqueEmail } from "./support/data";
import { expect, test } from "./support/fixtures";

test("the scan finds the admin's pages and its CSV route", () => {
  expect(adminPages()).toEqual(
    expect.arrayContaining([
      "/admin",
      "/admin/campaigns",
      "/admin/kpis",
      "/admin/customers",
      "/admin/settings",
      "/admin/audit",
      "/admin/outbox",
    ]),
  );
  expect(adminRoutes()).toContain("/admin/kpis/export");
});

test("every admin page and route refuses an anonymous visitor", async ({ page, request }) => {
  for (const path of adminPages()) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/signin\?callbackUrl=/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  }
  for (const path of adminRoutes()) {
    const res = await request.get(`${path}?role=admin`, { headers: { "x-role": "admin" } });
    expect(res.status(), path).toBe(401);
    expect(await res.text()).not.toMatch(/checkout_views/);
  }
});

test("every admin page and route refuses a signed-in shopper", async ({ page, mailbox }) => {
  await new Store(page).signIn(mailbox, uniqueEmail("nosy"), { from: "/signin" });
  await expect(page).toHaveURL(/\/account$/);
  for (const path of adminPages()) {
    await page.goto(`${path}?role=admin`);
    await expect(page.getByRole("heading", { name: "Store owners only" }), path).toBeVisible();
    await expect(
      page.getByRole("button", { name: /^(Create campaign|Save settings|Adjust points|Publish|Refund )/ }),
    ).toHaveCount(0);
  }
  for (const path of adminRoutes()) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(403);
  }
});

test("the admin sends its frame-ancestors policy and fits a phone", async ({ browser, mailbox }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    const res = await page.request.get("/admin", { maxRedirects: 0 });
    expect(res.headers()["content-security-policy"]).toBe("frame-ancestors 'self'");
    await new Admin(page).signInAndOpen(mailbox);
    for (const path of [
      "/admin",
      "/admin/campaigns/new",
      "/admin/kpis",
      "/admin/settings",
      "/admin/settings/catalog",
      "/admin/settings/badges",
      "/admin/settings/rules",
      "/admin/settings/rules/new",
      "/admin/settings/reminders",
      "/admin/outbox",
      "/admin/setup",
    ]) {
      await page.goto(path);
      // Nothing wider than the screen: wide tables scroll inside their own box.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} is wider than a phone`).toBeLessThanOrEqual(1);
    }
  } finally {
    await context.close();
  }
});

// The admin on a 390x844 phone and on a desktop: every page passes axe with no violations at
// all; on the phone no page scrolls sideways (wide tables scroll inside their own box) and
// every item of the admin's menu can be reached and opens its page.
import type { Cookie, Page } from "@playwright/test";
import { Admin } from "./pages/admin";
import { campaigns } from "./pages/games";
import { guestPaidOrder } from "./pages/store";
import { adminPages } from "./support/admin-routes";
import { axe } from "./support/axe";
import { uniqueEmail } from "./support/data";
import { expect, test } from "./support/fixtures";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const STAND_IN = "00000000-0000-4000-8000-000000000000";

// What every test here starts from, made once for the file: the admin's signed-in cookies (the
// emailed-link sign-in itself is admin-access.spec's subject), a guest's paid order (so the
// orders table and a customer's page have rows) and the list of admin pages with real ids.
let adminCookies: Cookie[] = [];
let pages: string[] = [];

test.beforeAll(async ({ browser, mailbox }) => {
  test.setTimeout(180_000);
  const email = uniqueEmail("phone");
  await guestPaidOrder(browser, email);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await new Admin(page).signInAndOpen(mailbox);
    adminCookies = await context.cookies();
    pages = await everyAdminPage(page, email);
  } finally {
    await context.close();
  }
});

/** Signs this test's browser in as the admin. */
const signIn = (page: Page) => page.context().addCookies(adminCookies);

/** Every admin page, with real ids for the pages of one campaign, rule and customer. */
async function everyAdminPage(page: Page, customerEmail: string): Promise<string[]> {
  await page.goto("/admin/campaigns");
  const campaign = await page.getByRole("link", { name: campaigns.wheel.name }).getAttribute("href");
  await page.goto("/admin/settings/rules");
  const rule = await page.getByRole("link", { name: "Birthday treat" }).getAttribute("href");
  await page.goto(`/admin/customers?q=${encodeURIComponent(customerEmail)}`);
  const customer = await page.getByRole("link", { name: customerEmail }).getAttribute("href");
  const pages = adminPages().map((p) =>
    p
      .replace(`/admin/campaigns/${STAND_IN}`, campaign!)
      .replace(`/admin/settings/rules/${STAND_IN}`, rule!)
      .replace(`/admin/customers/${STAND_IN}`, customer!),
  );
  expect(pages.filter((p) => p.includes(STAND_IN))).toEqual([]);
  return [...pages, "/admin/customers?q=phone"];
}

async function axeViolations(page: Page, label: string): Promise<string[]> {
  const results = await axe(page).analyze();
  return results.violations.map(
    (v) =>
      `${label}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(", ")}`,
  );
}

/** The page's width, and what sticks out furthest past the viewport (outside any scroll box). */
async function pageWidth(page: Page) {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const inScrollBox = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement)
        if (getComputedStyle(a).overflowX !== "visible") return true;
      return false;
    };
    let widest = "";
    let right = vw;
    for (const el of document.querySelectorAll("body *")) {
      const r = el.getBoundingClientRect();
      if (r.right > right + 0.5 && !inScrollBox(el)) {
        right = r.right;
        widest = `<${el.tagName.toLowerCase()} class="${String(el.className).slice(0, 60)}"> to ${Math.round(r.right)} px`;
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, viewport: window.innerWidth, widest };
  });
}

test.describe("on a phone", () => {
  test.use({ viewport: PHONE });

  test("every admin page fits the phone's width and has no axe violations", async ({ page }) => {
    await signIn(page);
    // One navigation, one measurement and one axe run per page (2-3 s each on two shared cores).
    test.setTimeout(90_000 + pages.length * 8_000);
    const tooWide: string[] = [];
    const violations: string[] = [];
    for (const path of pages) {
      await page.goto(path);
      await expect(page.getByRole("navigation", { name: "Admin" })).toBeVisible();
      const { scrollWidth, viewport, widest } = await pageWidth(page);
      expect(viewport).toBe(PHONE.width);
      if (scrollWidth > viewport) tooWide.push(`${path}: ${scrollWidth} px wide (${widest})`);
      violations.push(...(await axeViolations(page, path)));
    }
    expect(tooWide).toEqual([]);
    expect(violations).toEqual([]);
  });

  test("every menu item is reachable from the menu button and opens its page", async ({ page }) => {
    await signIn(page);
    await new Admin(page).open();
    const nav = page.getByRole("navigation", { name: "Admin" });
    const menu = nav.getByRole("button", { name: "Menu" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    const links = nav.getByRole("link");
    const items = await links.evaluateAll((as) =>
      as.map((a) => ({ label: a.textContent ?? "", href: a.getAttribute("href") ?? "" })),
    );
    // The admin's own sections and the demo's host pages, the reminders report among them.
    expect(items.map((i) => i.label)).toEqual(
      expect.arrayContaining([
        "Orders",
        "Campaigns",
        "KPIs",
        "Customers",
        "Settings",
        "Cart reminders",
        "Audit trail",
        "Dev outbox",
      ]),
    );
    // Escape closes the menu and gives focus back to its button.
    await page.keyboard.press("Escape");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(menu).toBeFocused();
    for (const item of items) {
      await nav.getByRole("button", { name: "Menu" }).click();
      const link = nav.getByRole("link", { name: item.label, exact: true });
      await expect(link).toBeInViewport();
      await link.click();
      await expect(page).toHaveURL(new RegExp(`${item.href.replace(/[/]/g, "\\/")}$`));
      // The menu folds again on the new page; its item for this page is marked current.
      await expect(nav.getByRole("link", { name: item.label, exact: true, includeHidden: true })).toHaveAttribute(
        "aria-current",
        "page",
      );
      expect((await pageWidth(page)).scrollWidth).toBeLessThanOrEqual(PHONE.width);
    }
  });
});

test.describe("on a desktop", () => {
  test.use({ viewport: DESKTOP });

  test("every admin page has no axe violations, and the menu is a row of links", async ({ page }) => {
    await signIn(page);
    await new Admin(page).open();
    const nav = page.getByRole("navigation", { name: "Admin" });
    await expect(nav.getByRole("button", { name: "Menu" })).toBeHidden();
    await expect(nav.getByRole("link", { name: "Cart reminders" })).toBeVisible();
    test.setTimeout(90_000 + pages.length * 8_000);
    const violations: string[] = [];
    for (const path of pages) {
      await page.goto(path);
      await expect(nav).toBeVisible();
      violations.push(...(await axeViolations(page, path)));
    }
    expect(violations).toEqual([]);
  });
});

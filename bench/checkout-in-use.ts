// The scripts a checkout fetches once a shopper uses it: the offered game's chunk comes when
// the browser is idle after the shopper's first touch, key, wheel or pointer movement
// (playcart's when-idle.ts), so a Lighthouse load, which nobody touches, never fetches it. The
// bench still counts its weight: it loads the checkout in Chromium, moves the pointer over the
// page (not over Play) once it has hydrated, and lists every script the page fetched.
import { chromium } from "@playwright/test";
import { systemChromium } from "../e2e/support/system-chromium";

const SETTLE_MS = 4_000;

/** Every script URL a checkout fetched, its load and a pointer movement over it included. */
export async function scriptsOnceInUse(baseUrl: string, sessionId: string): Promise<string[]> {
  const browser = await chromium.launch(systemChromium() ?? {});
  try {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
    await context.addCookies([{ name: "pc_sid", value: sessionId, url: baseUrl }]);
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on("request", (r) => {
      if (r.resourceType() === "script") scripts.push(r.url());
    });
    await page.goto(`${baseUrl}/checkout`, { waitUntil: "load" });
    // Once the page is React's (a game's Play button enabled, where the checkout offers one): a
    // movement before hydration has nobody listening yet. (Playwright's checks themselves count
    // as the shopper's use of the page, navigator.userActivation; either way the game comes.)
    const play = page.getByRole("button", { name: "Play", exact: true });
    if ((await play.count()) > 0)
      await page.getByRole("button", { name: "Play", exact: true, disabled: false }).waitFor({ timeout: 60_000 });
    await page.mouse.move(20, 200);
    // The idle callback that fetches the game, then its response.
    await page.waitForTimeout(SETTLE_MS);
    await page.waitForLoadState("networkidle");
    return [...new Set(scripts)];
  } finally {
    await browser.close();
  }
}

// A page whose scripts have not run yet, as on a slow connection: the server's HTML is there
// to type into and submit, but React takes the page over only at release().
import { expect, type Locator, type Page } from "@playwright/test";

const SCRIPTS = /\/_next\/static\/.+\.js(\?|$)/;

/** Holds every script the page asks for from now until release(), which lets them all through. */
export async function holdPageScripts(page: Page): Promise<{ release(): Promise<void> }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const held: Promise<void>[] = [];
  const handler = (route: Parameters<Parameters<Page["route"]>[1]>[0]) => {
    const passed = released.then(() => route.continue());
    held.push(passed);
    return passed;
  };
  await page.route(SCRIPTS, handler);
  return {
    async release() {
      release();
      // Every held script on its way before the route goes (it would answer the rest itself).
      await Promise.all(held);
      await page.unroute(SCRIPTS, handler);
    },
  };
}

/**
 * Waits until React has taken `field` over (hydrated it) and the page is idle: a submit from
 * then on runs the form's action in the page, not the browser's own post of the HTML form.
 */
export async function hydrated(field: Locator) {
  await expect
    .poll(() => field.evaluate((el) => Object.keys(el).some((key) => key.startsWith("__reactFiber$"))))
    .toBe(true);
  // React marks the field while it renders the page; it commits before the page is next idle.
  await field.page().evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve())));
}

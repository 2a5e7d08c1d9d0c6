import { defineConfig, devices } from "@playwright/test";
import { systemChromium } from "./e2e/support/system-chromium";

// E2E_PORT and E2E_SMTP_PORT let two checkouts run the suite side by side (the store built
// without Playcart takes E2E_PORT + 1, the proxied store E2E_PORT + 200).
const BASE_URL = `http://127.0.0.1:${process.env.E2E_PORT ?? "3100"}`;

// Debian's Chromium where present (Playwright cannot download its own build here).
const systemChromiumOptions = systemChromium();

// Under `npm run test:moved-clock` (libfaketime) the browser keeps the real date: faked, it
// runs ten times slower, and the server decides every date-bound outcome.
const realClock = process.env.FAKETIME ? { env: { ...process.env, LD_PRELOAD: "", FAKETIME: "" } } : undefined;
const launchOptions = systemChromiumOptions || realClock ? { ...systemChromiumOptions, ...realClock } : undefined;

const browser = { ...devices["Desktop Chrome"], ...(launchOptions ? { launchOptions } : {}) };
const WITHOUT_PLAYCART_SPEC = /checkout-without-playcart\.spec\.ts$/;

export default defineConfig({
  testDir: "e2e",
  // Playwright empties outputDir on start; keep it away from the other suites' reports.
  outputDir: "test-results/e2e-artifacts",
  workers: 1,
  retries: 0,
  // Machines of the CI kind have been seen running a journey 10x slower than a quiet one
  // (the cart journey: 2.5 s here, 31.7 s there). Budgets sized for the slow case keep a slow
  // machine from failing a correct store; a broken one still fails, only later.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  forbidOnly: !!process.env.CI,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: BASE_URL,
    trace: "off",
    screenshot: "only-on-failure",
  },
  // The checkout-without-playcart spec in a project of its own, after the other (one worker runs
  // the projects in this order): its store is built while the rest of the suite runs
  // (scripts/e2e-server.mjs), and the spec waits for it to answer.
  projects: [
    { name: "chromium", testIgnore: WITHOUT_PLAYCART_SPEC, use: browser },
    { name: "without-playcart", testMatch: WITHOUT_PLAYCART_SPEC, use: browser },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${BASE_URL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});

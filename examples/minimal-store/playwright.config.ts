import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// scripts/e2e.mjs builds and starts the store on STORE_PORT, then runs this suite against it.
const BASE_URL = `http://127.0.0.1:${process.env.STORE_PORT ?? "3240"}`;

// Debian's Chromium where present (Playwright cannot download its own build here).
const launchOptions = existsSync("/usr/bin/chromium")
  ? {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    }
  : undefined;

export default defineConfig({
  // The store's own journeys (e2e/) and what it gets from Playcart (e2e-playcart/).
  testDir: ".",
  testMatch: ["e2e/**/*.spec.ts", "e2e-playcart/**/*.spec.ts"],
  outputDir: "test-results/artifacts",
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  forbidOnly: !!process.env.CI,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: { baseURL: BASE_URL, trace: "off", screenshot: "only-on-failure" },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], ...(launchOptions ? { launchOptions } : {}) } }],
});

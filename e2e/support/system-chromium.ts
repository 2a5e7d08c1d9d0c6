// Debian's Chromium, which the e2e suite and the browser benches run (nothing can download
// Playwright's own build here), and the flags that keep it quiet and network-free.
import { existsSync } from "node:fs";

export const SYSTEM_CHROMIUM = "/usr/bin/chromium";

export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** Playwright's launch options for Debian's Chromium where it is installed; undefined elsewhere. */
export const systemChromium = () =>
  existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM, args: CHROMIUM_FLAGS } : undefined;

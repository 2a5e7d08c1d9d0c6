// `npm run bench:wheel`: how soon the checkout's wheel moves after the press, on a CPU four
// times slower than this one (Chromium's CPU throttling, as Lighthouse's mobile profile).
//
// Each press is a new first-time shopper (their own session cookie and cart) in a fresh
// browser context: the checkout loads at 4x; the shopper moves the pointer over the page
// (not over Play); once the wheel's chunk has arrived (fetched when the page is idle after
// that first use of it, before any press), the shopper presses Play and then "Spin the
// wheel". In the page, the press is the click's event time; the first movement is the
// moment the first animation frame whose disc transform differs from the one at rest runs
// its callbacks (performance.now() there; the frame is drawn right after). Also printed:
// when the wheel's chunk arrived against the page's load event, when the play request left
// (Resource Timing), and how many scripts Play itself fetched (none if the game was here).
// `next start` and Postgres run on this machine too, so the play's server work competes
// with the browser for the CPU; the load average is printed with every press.
// Not a test: it prints figures and PASS/FAIL against the floors, and exits 0 unless it broke.
//
// Needs a build (`npm run build`). Env: DATABASE_URL (admin URL of the server; default
// postgres://postgres@127.0.0.1:5432/postgres), BENCH_PRESSES (default 12), BENCH_PORT (default 3291).
import os from "node:os";
import { type Browser, chromium, type Locator } from "@playwright/test";
import { seed } from "@/db/seed";
import { systemChromium } from "../e2e/support/system-chromium";
import { createTestDatabase } from "../test/support/pg";
import { hasBuild, type NextServer, startNext } from "./next-server";
import { Sessions } from "./play-http";

const PRESSES = Number(process.env.BENCH_PRESSES ?? 12);
const BENCH_PORT = Number(process.env.BENCH_PORT ?? 3291);
const CPU_SLOWDOWN = 4;
const FIRST_MOVE_FLOOR_MS = 100;

// Debian's Chromium where present, as the e2e suite runs it.
const launchOptions = systemChromium() ?? {};

const log = (msg: string) => console.log(`[bench] ${msg}`);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
const fmt = (n: number) => n.toFixed(1);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

type Press = {
  firstMoveMs: number;
  requestMs: number;
  chunkMs: number;
  loadMs: number;
  scriptsOnPlay: number;
  landed: boolean;
};

/**
 * In the page: the press's time, and the first frame the disc has turned. Source text, as tsx
 * would wrap a function's inner closures in a helper the page does not have.
 */
const WATCH_THE_WHEEL = `(() => {
  const disc = document.querySelector('[role="img"][aria-label^="Prize wheel"]')?.parentElement;
  if (!disc) throw new Error("no wheel on the page");
  const rest = getComputedStyle(disc).transform;
  document.addEventListener("click", (e) => { window.pressAt = e.timeStamp; }, { capture: true, once: true });
  const frame = () => {
    if (window.pressAt !== undefined && getComputedStyle(disc).transform !== rest) window.movedAt = performance.now();
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})()`;

async function press(browser: Browser, baseUrl: string, sessionId: string): Promise<Press> {
  const context = await browser.newContext({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 2 });
  try {
    await context.addCookies([{ name: "pc_sid", value: sessionId, url: baseUrl }]);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
    const scripts: string[] = [];
    page.on("request", (r) => r.resourceType() === "script" && scripts.push(r.url()));
    // The chunk that draws the wheel: the one script that names the wheel's disc.
    const wheelChunk = page.waitForResponse(
      async (r) =>
        r.request().resourceType() === "script" && r.ok() && (await r.text()).includes("playcart-wheel-disc"),
      { timeout: 120_000 },
    );
    await page.goto(`${baseUrl}/checkout`);
    const offer = page.getByRole("region", { name: "Spin to win up to 10% off your first order" });
    await giveEmailIfAsked(offer);
    // The shopper's first use of the page, once it has hydrated (its Play button enabled): the
    // game's chunk comes when the browser is idle after it.
    await offer.getByRole("button", { name: "Play", exact: true, disabled: false }).waitFor({ timeout: 60_000 });
    await page.mouse.move(20, 200);
    const chunkUrl = (await wheelChunk).url();
    await page.waitForFunction(() => performance.getEntriesByType("navigation")[0]?.toJSON().loadEventEnd > 0);
    const arrival = await page.evaluate((url) => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const chunk = performance.getEntriesByName(url)[0] as PerformanceResourceTiming | undefined;
      return { chunkMs: chunk?.responseEnd ?? Number.NaN, loadMs: nav.loadEventEnd };
    }, chunkUrl);
    const spin = offer.getByRole("button", { name: "Spin the wheel" });
    const scriptsBefore = await openWhenHydrated(offer, spin, () => scripts.length);
    const scriptsOnPlay = scripts.length - scriptsBefore;
    await page.evaluate(WATCH_THE_WHEEL);
    await spin.click();
    await page.waitForFunction(() => (window as unknown as { movedAt?: number }).movedAt !== undefined);
    const landed = await offer
      .getByRole("status")
      .filter({ hasText: /You won|Thanks for playing/ })
      .waitFor({ timeout: 30_000 })
      .then(
        () => true,
        () => false,
      );
    // Read once the play has answered: its Resource Timing entry is written when the response ends.
    const timing = await page.evaluate(() => {
      const probe = window as unknown as { pressAt: number; movedAt: number };
      const request = performance
        .getEntriesByType("resource")
        .find((e) => e.name.endsWith("/api/playcart/play") && e.startTime >= probe.pressAt - 1);
      return { firstMoveMs: probe.movedAt - probe.pressAt, requestMs: (request?.startTime ?? NaN) - probe.pressAt };
    });
    return { ...timing, ...arrival, scriptsOnPlay, landed };
  } finally {
    await context.close();
  }
}

/** A first-order game asks for the email when the store does not know it yet. */
async function giveEmailIfAsked(offer: Locator) {
  const play = offer.getByRole("button", { name: "Play", exact: true });
  const email = offer.getByLabel("Your email");
  await play.or(email).waitFor({ timeout: 60_000 });
  if (await play.isVisible()) return;
  await email.fill(`bench-${crypto.randomUUID()}@example.test`);
  await offer.getByRole("button", { name: "Continue", exact: true }).click();
  await play.waitFor({ timeout: 60_000 });
}

/**
 * Presses Play once the page has hydrated (a press on the server's HTML does nothing, so it
 * is pressed again until the game opens); returns how many scripts had loaded before the
 * press that opened it.
 */
async function openWhenHydrated(offer: Locator, spin: Locator, scriptCount: () => number): Promise<number> {
  for (let attempt = 0; attempt < 60; attempt++) {
    const before = scriptCount();
    await offer.getByRole("button", { name: "Play", exact: true }).click();
    const opened = await spin.waitFor({ timeout: 1_000 }).then(
      () => true,
      () => false,
    );
    if (opened) return before;
  }
  throw new Error("Play did not open the wheel");
}

async function main() {
  if (!hasBuild()) {
    console.error("[bench] no .next build: run `npm run build` first");
    process.exit(1);
  }
  log(`load average before: ${load()} on ${os.cpus().length} CPUs`);
  const t = await createTestDatabase();
  let server: NextServer | undefined;
  let browser: Browser | undefined;
  try {
    await seed(t.db);
    const sessions = await Sessions.create(t.db, PRESSES + 1);
    server = await startNext({ databaseUrl: t.url, port: BENCH_PORT });
    browser = await chromium.launch(launchOptions);
    log(`next start on :${BENCH_PORT}; Chromium ${browser.version()} at ${CPU_SLOWDOWN}x CPU slowdown`);
    // One unmeasured press: the server compiles its routes' code on first use.
    await press(browser, server.url, sessions.take());
    const presses: Press[] = [];
    for (let i = 0; i < PRESSES; i++) {
      const p = await press(browser, server.url, sessions.take());
      presses.push(p);
      log(
        `press ${i + 1}/${PRESSES}: first movement ${fmt(p.firstMoveMs)} ms, play request ${fmt(p.requestMs)} ms; page loaded at ${fmt(p.loadMs)} ms, wheel chunk in at ${fmt(p.chunkMs)} ms; scripts on Play ${p.scriptsOnPlay}${p.landed ? "" : ", NO RESULT"} (load ${load()})`,
      );
    }
    const moves = presses.map((p) => p.firstMoveMs);
    const requests = presses.map((p) => p.requestMs);
    const scriptsOnPlay = presses.reduce((s, p) => s + p.scriptsOnPlay, 0);
    const landed = presses.filter((p) => p.landed).length;
    console.log("");
    console.log(
      `Results (${PRESSES} presses, each a new shopper, ${CPU_SLOWDOWN}x CPU slowdown, ${os.cpus().length} CPUs)`,
    );
    console.log("");
    console.log(`  press to first movement: median ${fmt(median(moves))} ms, max ${fmt(Math.max(...moves))} ms`);
    console.log(`  press to play request:   median ${fmt(median(requests))} ms, max ${fmt(Math.max(...requests))} ms`);
    const afterLoad = presses.map((p) => p.chunkMs - p.loadMs);
    console.log(
      `  wheel chunk in, after the page's load event: median ${fmt(median(afterLoad))} ms, max ${fmt(Math.max(...afterLoad))} ms (load event: median ${fmt(median(presses.map((p) => p.loadMs)))} ms after navigation)`,
    );
    console.log(`  scripts fetched by Play: ${scriptsOnPlay} over ${PRESSES} openings`);
    console.log(`  plays that landed and announced a result: ${landed}/${PRESSES}`);
    console.log("");
    // Every press must pass; the median says whether a miss is the page's or one press's
    // (on a shared machine, a renderer descheduled for a moment delays everything at once).
    const verdicts: Array<[string, boolean]> = [
      [
        `every press: the wheel moves within ${FIRST_MOVE_FLOOR_MS} ms (max ${fmt(Math.max(...moves))} ms)`,
        Math.max(...moves) <= FIRST_MOVE_FLOOR_MS,
      ],
      [
        `the median press: the wheel moves within ${FIRST_MOVE_FLOOR_MS} ms (${fmt(median(moves))} ms)`,
        median(moves) <= FIRST_MOVE_FLOOR_MS,
      ],
      [`Play fetches no script: the game is loaded before it (${scriptsOnPlay})`, scriptsOnPlay === 0],
      [`every play landed on an answer (${landed}/${PRESSES})`, landed === PRESSES],
    ];
    for (const [label, ok] of verdicts) console.log(`  ${ok ? "PASS" : "FAIL"}  ${label}`);
    log(`load average after: ${load()}`);
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop().catch(() => {});
    await t.drop();
    log("database dropped");
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

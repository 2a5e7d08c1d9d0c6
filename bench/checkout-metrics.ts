// `npm run bench:checkout-metrics`: what Playcart's part of the checkout costs the page's main
// thread, and of which kind of work, measured closely enough to weigh a change of a few
// milliseconds. bench:checkout (Lighthouse, a fresh browser per load) judges the floors; its
// per-pair differences swing by ±150 ms at 4x on this machine kind, so a change worth 10 ms
// there takes a hundred pairs to show. This bench loads /checkout many times in one Chromium (a
// fresh context per load: no cookie, cache or storage carried over), at a phone's viewport, and
// reads Chrome's own counters for each load (Performance.getMetrics, in main-thread time): the
// tasks, script, layout and style recalculation, and the DOM's nodes. Beside them, from a trace of
// each load, the page's longest main-thread task and its tasks weighed as Lighthouse's 4x
// simulation weighs them for TBT (bench:checkout's floors are at 4x).
//
// The same two servers as bench:checkout: the store's build with Playcart (BENCH_PORT; needs
// `npm run build`) and the store built without it (BENCH_PORT + 1; built when missing or older).
// BENCH_PAIRS pairs (default 40; about 2 minutes), the order alternating. Per figure: the median
// each way and the median per-pair difference, with the range that median could as well have
// taken. Not a test: it prints figures, judges no floor, and exits 0 unless it broke.
//
// Env: DATABASE_URL (admin URL of the server), BENCH_PAIRS, BENCH_PORT (default 3292),
// BENCH_CPU_RATE (default 1: the machine's own speed; 4 slows the page's CPU fourfold, as
// devtools throttling does), BENCH_CSS=<rules>: a stylesheet added to the page with Playcart,
// to ask what one of its parts costs (".playcart-commitment{display:none}" takes that line's
// layout out); the page without Playcart gets an empty one, so both pages are changed alike.
// BENCH_FRESH_BROWSER=1: a new Chromium for each load, as bench:checkout's Lighthouse runs.
import { type Browser, chromium } from "@playwright/test";
import { systemChromium } from "../e2e/support/system-chromium";
import { startCheckoutServers } from "./checkout-servers";
import { ensureBuildWithoutPlaycart, hasBuild, type NextServer, WITHOUT_PLAYCART } from "./next-server";
import { alternatePairs, median, medianRange, type Side, signed } from "./pairs";
import { loadAverage1 } from "./proc";
import { log } from "./report";

const PAIRS = Number(process.env.BENCH_PAIRS ?? 40);
const BENCH_PORT = Number(process.env.BENCH_PORT ?? 3292);
const CPU_RATE = Number(process.env.BENCH_CPU_RATE ?? 1);
const CSS = process.env.BENCH_CSS;
// A new browser for every load, as Lighthouse starts one: what a browser keeps between loads
// (its font caches, compiled code, the first use of an API) is then paid by every load.
const FRESH_BROWSER = process.env.BENCH_FRESH_BROWSER === "1";
// Lighthouse's mobile viewport (a Moto G Power), as bench:checkout loads the page.
const PHONE = { width: 412, height: 823 };
// After the load event: the hydration and effects that follow it, before the counters are read.
const SETTLE_MS = 1500;

type Metrics = Record<string, number>;

// The page's main-thread tasks, from a trace of the load (Chrome's RunTask events on the
// renderer's main thread): Lighthouse's simulation scales each by its CPU slowdown, and a task
// over 50 ms then blocks input for the rest (TBT). A part hydrated inside the page's own long
// task adds to it four times over; a part in a task of its own adds nothing until that task
// reaches 12.5 ms.
const TRACE_CATEGORIES = "devtools.timeline,disabled-by-default-devtools.timeline,__metadata";
const LIGHTHOUSE_SLOWDOWN = 4;
const BLOCKING_MS = 50;

type TraceEvent = {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
};

/**
 * The durations in ms of the page's top-level tasks on its renderer's main thread. A task run
 * inside another (a nested run loop) is part of its parent's time, as Lighthouse counts it: only
 * the outermost is kept, so no millisecond is weighed twice.
 */
function mainThreadTasks(events: TraceEvent[]): number[] {
  const main = events.find(
    (e) =>
      e.name === "thread_name" &&
      e.args?.name === "CrRendererMain" &&
      events.some((x) => x.pid === e.pid && x.name === "ParseHTML"),
  );
  if (!main) throw new Error("the trace has no renderer main thread that parsed the page");
  const tasks = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.name === "RunTask" && e.ph === "X")
    .sort((a, b) => a.ts - b.ts);
  const outermost: number[] = [];
  let end = Number.NEGATIVE_INFINITY;
  for (const task of tasks) {
    if (task.ts < end) continue;
    end = task.ts + (task.dur ?? 0);
    outermost.push((task.dur ?? 0) / 1000);
  }
  return outermost;
}

// Chrome's counters, in seconds for the durations; the ones worth printing, in this order.
const FIGURES: Array<{ name: string; label: string; ms: boolean }> = [
  { name: "TaskDuration", label: "main-thread tasks", ms: true },
  { name: "ScriptDuration", label: "script", ms: true },
  { name: "LayoutDuration", label: "layout", ms: true },
  { name: "RecalcStyleDuration", label: "style recalculation", ms: true },
  { name: "V8CompileDuration", label: "script compilation", ms: true },
  { name: "LongestTask", label: "longest task", ms: true },
  { name: "BlockingAt4x", label: "blocking time at 4x", ms: true },
  { name: "Nodes", label: "DOM nodes", ms: false },
  { name: "LayoutCount", label: "layouts", ms: false },
  { name: "RecalcStyleCount", label: "style recalculations", ms: false },
];

async function loadOnce(browser: Browser, server: NextServer, sessionId: string, css: string | null): Promise<Metrics> {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  try {
    await context.addCookies([{ name: "pc_sid", value: sessionId, url: server.url }]);
    const page = await context.newPage();
    if (css !== null)
      await page.route(`${server.url}/checkout`, async (route) => {
        const response = await route.fetch();
        const html = (await response.text()).replace("</head>", `<style>${css}</style></head>`);
        await route.fulfill({ response, body: html });
      });
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on("Tracing.dataCollected", ({ value }) => events.push(...(value as unknown as TraceEvent[])));
    const traced = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()));
    await cdp.send("Tracing.start", { categories: TRACE_CATEGORIES, transferMode: "ReportEvents" });
    // Thread time: what the page's main thread spent, not time it waited for a core.
    await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
    if (CPU_RATE !== 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_RATE });
    const response = await page.goto(`${server.url}/checkout`, { waitUntil: "load" });
    if (response?.status() !== 200) throw new Error(`/checkout answered ${response?.status()}`);
    await page.waitForTimeout(SETTLE_MS);
    const { metrics } = await cdp.send("Performance.getMetrics");
    await cdp.send("Tracing.end");
    await traced;
    const tasks = mainThreadTasks(events);
    // In seconds, as Chrome's own durations.
    return {
      ...Object.fromEntries(metrics.map((m) => [m.name, m.value])),
      LongestTask: Math.max(0, ...tasks) / 1000,
      BlockingAt4x: tasks.reduce((sum, ms) => sum + Math.max(0, LIGHTHOUSE_SLOWDOWN * ms - BLOCKING_MS), 0) / 1000,
    };
  } finally {
    await context.close();
  }
}

async function main() {
  if (!hasBuild()) {
    console.error("[bench] no .next build: run `npm run build` first");
    process.exit(1);
  }
  if (!(PAIRS >= 2)) throw new Error("BENCH_PAIRS must be at least 2");
  if (!(CPU_RATE >= 1)) throw new Error("BENCH_CPU_RATE must be 1 or more");
  ensureBuildWithoutPlaycart();
  const { servers, sessions, stop } = await startCheckoutServers({
    port: BENCH_PORT,
    offDistDir: WITHOUT_PLAYCART,
    sessions: PAIRS * 2 + 2,
  });
  let browser: Browser | undefined;
  try {
    // One browser for every load, or (BENCH_FRESH_BROWSER) a new one for each.
    if (!FRESH_BROWSER) browser = await chromium.launch(systemChromium());
    log(
      `load average before: ${loadAverage1().toFixed(2)}; CPU at ${CPU_RATE}x; ${PAIRS} pairs; ${FRESH_BROWSER ? "a new browser for each load" : "one browser, a new context for each load"}`,
    );
    if (CSS) log(`added to the page with Playcart: <style>${CSS}</style>`);
    const shared = browser;
    const pairs = await alternatePairs(PAIRS, async (side) => {
      const css = CSS ? (side === "on" ? CSS : "") : null;
      if (shared) return loadOnce(shared, servers[side], sessions.take(), css);
      const fresh = await chromium.launch(systemChromium());
      try {
        return await loadOnce(fresh, servers[side], sessions.take(), css);
      } finally {
        await fresh.close();
      }
    });

    console.log("");
    console.log(
      `  ${"".padEnd(22)} ${"with".padStart(9)} ${"without".padStart(9)} ${"per pair".padStart(9)}   the pairs' median could as well be`,
    );
    for (const { name, label, ms } of FIGURES) {
      const scale = ms ? 1000 : 1;
      const of = (side: Side) => median(pairs.map((p) => p[side][name] * scale));
      const diffs = pairs.map((p) => (p.on[name] - p.off[name]) * scale);
      const [low, high] = medianRange(diffs);
      const digits = ms ? 1 : 0;
      const unit = ms ? " ms" : "";
      console.log(
        `  ${label.padEnd(22)} ${of("on").toFixed(digits).padStart(9)} ${of("off").toFixed(digits).padStart(9)} ${signed(median(diffs), digits).padStart(9)}   ${signed(low, digits)} to ${signed(high, digits)}${unit}`,
      );
    }
    console.log("");
    console.log(
      `  main-thread time in ms at ${CPU_RATE}x, medians of ${PAIRS} loads each way, in thread time${CPU_RATE === 1 ? "; bench:checkout's simulated 4x scales such figures by four" : ""}`,
    );
    console.log(
      `  longest task: the page's longest main-thread task, in wall time; blocking time at 4x: each task as Lighthouse's simulation weighs it (${LIGHTHOUSE_SLOWDOWN} x its time at this rate, less ${BLOCKING_MS} ms)`,
    );
    log(`load average after: ${loadAverage1().toFixed(2)}`);
  } finally {
    await browser?.close().catch(() => {});
    await stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

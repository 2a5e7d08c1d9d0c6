// One Lighthouse run of a page as a phone loads it: Debian's Chromium (CHROME_PATH, default
// /usr/bin/chromium), nothing downloaded; mobile form factor and 4x CPU slowdown. A fresh
// browser per run, so no run warms the next one's caches.
import * as chromeLauncher from "chrome-launcher";
import type { Flags } from "lighthouse";

export type Throttling = "simulate" | "devtools";

export type PageRun = {
  /** Lighthouse's performance score, 0-100. */
  score: number;
  /** Total Blocking Time, ms. */
  tbtMs: number;
  /** Main-thread work during the load (mainthread-work-breakdown: wall time), ms at the CPU slowdown. */
  mainThreadMs: number;
  /**
   * The main thread's CPU time in the trace (its tasks' thread time), ms at the CPU slowdown:
   * what the page's own work costs at 4x, whatever else the machine is running.
   */
  mainThreadCpuMs: number;
  /**
   * Lighthouse's measure of this machine's CPU for the run (lhr.environment.benchmarkIndex).
   * Its 4x is a slowdown of this machine, not a fixed phone: Lighthouse warns that a host below
   * 1,000 is slower than it expects, and every main-thread figure here scales with it.
   */
  benchmarkIndex: number;
  /** Every script the page fetched during the run, lazily loaded ones included. */
  scriptUrls: string[];
  /** Main-thread time per script (Lighthouse's bootup-time: evaluation, parse and compile), ms at the slowdown. */
  bootupMs: Record<string, number>;
  /**
   * The main thread's time by kind of work (Lighthouse's task groups: script evaluation,
   * style and layout, paint, parsing, garbage collection, other), ms at the slowdown: what a
   * difference in main-thread time is made of.
   */
  taskGroupMs: Record<string, number>;
};

import { CHROMIUM_FLAGS } from "../e2e/support/system-chromium";

export const CPU_SLOWDOWN = 4;

const CHROME_FLAGS = ["--headless=new", ...CHROMIUM_FLAGS];

export function chromePath(): string {
  return process.env.CHROME_PATH || "/usr/bin/chromium";
}

export async function lighthouseRun(url: string, opts: { cookie: string; throttling: Throttling }): Promise<PageRun> {
  // Lighthouse is an ES module only.
  const { default: lighthouse } = await import("lighthouse");
  const { TraceProcessor } = await import("lighthouse/core/lib/tracehouse/trace-processor.js");
  const { MainThreadTasks } = await import("lighthouse/core/lib/tracehouse/main-thread-tasks.js");
  const chrome = await chromeLauncher.launch({ chromePath: chromePath(), chromeFlags: CHROME_FLAGS });
  try {
    const flags: Flags = {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance"],
      formFactor: "mobile",
      throttlingMethod: opts.throttling,
      // Lighthouse's mobile network (slow 4G), with the CPU slowdown stated here.
      throttling: { cpuSlowdownMultiplier: CPU_SLOWDOWN },
      extraHeaders: { Cookie: opts.cookie },
    };
    const result = await lighthouse(url, flags);
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const numeric = (id: string) => {
      const v = lhr.audits[id]?.numericValue;
      if (typeof v !== "number") throw new Error(`Lighthouse audit ${id} has no value`);
      return v;
    };
    const score = lhr.categories.performance?.score;
    if (typeof score !== "number") throw new Error("Lighthouse gave no performance score");
    const requests =
      (lhr.audits["network-requests"]?.details as { items?: Array<Record<string, unknown>> })?.items ?? [];
    const scriptUrls = requests
      .filter((r) => r.resourceType === "Script" && typeof r.url === "string")
      .map((r) => r.url as string);
    // Top-level tasks of the page's main thread from the navigation on; thread time (tdur), so
    // time the thread spent descheduled by other processes does not count.
    const trace = TraceProcessor.processTrace(result.artifacts.Trace);
    let cpuMicros = 0;
    for (const e of trace.mainThreadEvents)
      if (TraceProcessor.isScheduleableTask(e) && e.dur && e.ts >= trace.timeOriginEvt.ts) cpuMicros += e.tdur ?? e.dur;
    // Simulated throttling loads the page at full speed and scales it, as Lighthouse's own
    // breakdown does; with devtools throttling the trace was recorded at 4x already.
    const scale = opts.throttling === "simulate" ? CPU_SLOWDOWN : 1;
    const taskGroupMs: Record<string, number> = {};
    const { timestamps } = trace;
    for (const task of MainThreadTasks.getMainThreadTasks(
      trace.mainThreadEvents,
      trace.frames,
      timestamps.traceEnd,
      timestamps.timeOrigin,
    ))
      if (task.startTime >= 0) taskGroupMs[task.group.id] = (taskGroupMs[task.group.id] ?? 0) + task.selfTime * scale;
    const bootupItems =
      (lhr.audits["bootup-time"]?.details as { items?: Array<{ url?: string; total?: number }> })?.items ?? [];
    const bootupMs = Object.fromEntries(
      bootupItems.filter((i) => typeof i.url === "string").map((i) => [i.url as string, i.total ?? 0]),
    );
    return {
      score: Math.round(score * 100),
      tbtMs: numeric("total-blocking-time"),
      mainThreadMs: numeric("mainthread-work-breakdown"),
      mainThreadCpuMs: (cpuMicros / 1000) * scale,
      benchmarkIndex: lhr.environment.benchmarkIndex,
      scriptUrls,
      bootupMs,
      taskGroupMs,
    };
  } finally {
    chrome.kill();
  }
}

// `npm run bench:checkout`: what Playcart costs the checkout a shopper loads on a phone.
//
// Two `next start` servers on one database: the store's build with Playcart (BENCH_PORT; needs
// `npm run build`) and the same store built without it (BENCH_PORT + 1; `npm run
// build:without-playcart`, which the bench runs when that build is missing or older than
// .next). Lighthouse loads
// /checkout with a cart in the session (a new first-time shopper each run), mobile, 4x CPU,
// in BENCH_PAIRS pairs (default 15), one run each way per pair, the order alternating between
// pairs. Per pair and as the median of the per-pair differences: the performance score, Total
// Blocking Time, main-thread time at 4x (the page's main-thread CPU from the trace, the
// floor's figure because another process on the machine does not inflate it, with the range
// its median could as well have taken, from resampling the pairs; and Lighthouse's
// mainthread-work-breakdown, wall time, beside it), and the gzip JavaScript the page fetched
// (per pair, every script that run fetched; in the summary, every script any run fetched and
// every script the checkout fetches once a shopper uses it: the offered game's chunk, which a
// Lighthouse load never fetches, counts too). Then, in the build without Playcart, whether
// any chunk of the checkout holds Playcart's code: the chunks that build lists for /checkout,
// the ones the HTML names and every script the browser fetched.
// Not a test: it prints figures and PASS/FAIL against the floors, and exits 0 unless it broke.
//
// Env: DATABASE_URL (admin URL of the server; default postgres://postgres@127.0.0.1:5432/postgres),
// BENCH_PAIRS (default 15), BENCH_PORT (default 3290; the second server takes the next port),
// BENCH_THROTTLING (simulate, the default: Lighthouse's simulated slow 4G and 4x CPU on an
// unthrottled load; or devtools: the page really runs at 4x), CHROME_PATH (default /usr/bin/chromium),
// BENCH_BREAKDOWN=1 (also print the main thread's time by kind of work and per script, each way),
// BENCH_AGAINST=<dist dir>: compare two builds of the store instead, both with Playcart on: this
// build (the "on" side) against the one built into that directory (the "off" side; build it with
// `NEXT_DIST_DIR=<dir> npm run build`, then `git checkout tsconfig.json`, which that rewrites). It
// weighs a change to how the store loads Playcart (a dynamic part against a static import, say);
// the floors and the off-switch check are then not judged.
import os from "node:os";
import { checkoutBuildChunks, playcartIn, playcartModuleIds } from "./checkout-chunks";
import { scriptsOnceInUse } from "./checkout-in-use";
import { checkoutHtml, chunkPathsIn, ScriptCache } from "./checkout-js";
import { startCheckoutServers } from "./checkout-servers";
import { CPU_SLOWDOWN, chromePath, lighthouseRun, type PageRun, type Throttling } from "./lighthouse";
import { ensureBuildWithoutPlaycart, hasBuild, WITHOUT_PLAYCART } from "./next-server";
import { alternatePairs, median, medianRange, type Side, signed } from "./pairs";

// A single pair's main-thread difference swings by over 200 ms at 4x on a 2-core machine (the
// trace is recorded at full speed and scaled), more than the 50 ms floor: 5 pairs gave medians
// from +19 to +170 ms on one build. The median of 15 is steadier; it takes about 4 minutes.
const PAIRS = Number(process.env.BENCH_PAIRS ?? 15);
const BENCH_PORT = Number(process.env.BENCH_PORT ?? 3290);
const THROTTLING = (process.env.BENCH_THROTTLING ?? "simulate") as Throttling;
const FLOORS = { mainThreadMs: 50, scorePoints: 1, gzipJsBytes: 15 * 1024 };
const AGAINST = process.env.BENCH_AGAINST;

type Run = PageRun & { gzipJsBytes: number };

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
const log = (msg: string) => console.log(`[bench] ${msg}`);
const kb = (b: number) => `${(b / 1024).toFixed(1)} kB`;

async function main() {
  if (!hasBuild()) {
    console.error("[bench] no .next build: run `npm run build` first");
    process.exit(1);
  }
  if (!["simulate", "devtools"].includes(THROTTLING)) throw new Error("BENCH_THROTTLING must be simulate or devtools");
  if (!(PAIRS >= 1)) throw new Error("BENCH_PAIRS must be at least 1");
  if (!AGAINST) {
    log("the store without Playcart: npm run build:without-playcart -- --if-stale (about 2 minutes when it builds)");
    ensureBuildWithoutPlaycart();
  } else if (!hasBuild(AGAINST)) throw new Error(`no build in ${AGAINST}/ (BENCH_AGAINST)`);
  log(`load average before: ${load()} on ${os.cpus().length} CPUs`);
  log(`Chromium: ${chromePath()}; Lighthouse mobile, ${CPU_SLOWDOWN}x CPU, ${THROTTLING} throttling`);
  // A new first-time shopper for every load: the pairs, the two warm-ups, the three HTML
  // reads (the JavaScript each way, the off-switch check) and the two checkouts in use.
  const { servers, sessions, stop } = await startCheckoutServers({
    port: BENCH_PORT,
    offDistDir: AGAINST ?? WITHOUT_PLAYCART,
    sessions: PAIRS * 2 + 8,
  });
  try {
    log(
      AGAINST
        ? `next start with Playcart on :${BENCH_PORT}, and the build in ${AGAINST} with Playcart on :${BENCH_PORT + 1} (BENCH_AGAINST: "on" is this build, "off" that one)`
        : `next start with Playcart on :${BENCH_PORT}, the build without Playcart (${WITHOUT_PLAYCART}) on :${BENCH_PORT + 1}`,
    );

    const scripts = new ScriptCache();
    const measure = async (side: Side): Promise<Run> => {
      const server = servers[side];
      const run = await lighthouseRun(`${server.url}/checkout`, {
        cookie: `pc_sid=${sessions.take()}`,
        throttling: THROTTLING,
      });
      const own = run.scriptUrls.filter((u) => u.startsWith(server.url));
      return { ...run, scriptUrls: own, gzipJsBytes: await scripts.gzipBytes(own) };
    };

    console.log("");
    const sides = AGAINST ? "this build/the other" : "with Playcart/without";
    console.log(`  each figure: ${sides}, then the pair's difference; the load average after the pair`);
    const cell = (on: number, off: number, digits = 0, width = 16) =>
      `${on.toFixed(digits)}/${off.toFixed(digits)} ${signed(on - off, digits)}`.padStart(width);
    console.log(
      `  ${"pair".padEnd(5)} ${"order".padEnd(8)} ${"score".padStart(12)} ${"TBT ms".padStart(16)} ${"main CPU ms".padStart(16)} ${"main wall ms".padStart(16)} ${"gzip JS kB".padStart(18)}   load`,
    );
    const pairs = await alternatePairs(PAIRS, measure, ({ on, off }, i, order) =>
      console.log(
        `  ${String(i + 1).padEnd(5)} ${order.join(",").padEnd(8)} ${cell(on.score, off.score, 0, 12)} ${cell(on.tbtMs, off.tbtMs)} ${cell(on.mainThreadCpuMs, off.mainThreadCpuMs)} ${cell(on.mainThreadMs, off.mainThreadMs)} ${cell(on.gzipJsBytes / 1024, off.gzipJsBytes / 1024, 1, 18)}   ${load()}`,
      ),
    );

    const diff = (f: (r: Run) => number) => median(pairs.map((p) => f(p.on) - f(p.off)));
    const d = {
      score: diff((r) => r.score),
      tbt: diff((r) => r.tbtMs),
      main: diff((r) => r.mainThreadMs),
      cpu: diff((r) => r.mainThreadCpuMs),
    };
    // The JavaScript each way: every script any run fetched and every script the checkout
    // fetches once a shopper uses it (the offered game's chunk, which no Lighthouse load
    // fetches: nobody touches that page), split into what the HTML names (loaded with the page)
    // and what came later.
    const js = {} as Record<Side, { firstLoad: number; later: number }>;
    for (const side of ["on", "off"] as Side[]) {
      const server = servers[side];
      const named = new Set(
        chunkPathsIn(await checkoutHtml(server.url, sessions.take())).map((p) => `${server.url}${p}`),
      );
      const inUse = (await scriptsOnceInUse(server.url, sessions.take())).filter((u) => u.startsWith(server.url));
      const fetched = new Set([...pairs.flatMap((p) => p[side].scriptUrls), ...inUse]);
      js[side] = {
        firstLoad: await scripts.gzipBytes([...fetched].filter((u) => named.has(u))),
        later: await scripts.gzipBytes([...fetched].filter((u) => !named.has(u))),
      };
    }
    const jsTotal = (side: Side) => js[side].firstLoad + js[side].later;
    const jsAdded = jsTotal("on") - jsTotal("off");
    const med = (side: Side, f: (r: Run) => number) => median(pairs.map((p) => f(p[side])));
    console.log("");
    const minus = AGAINST ? "this build minus the other" : "Playcart on minus off";
    console.log(`  median per-pair difference, ${minus} (${PAIRS} pairs):`);
    console.log(
      `    performance score ${signed(d.score)} (medians ${med("on", (r) => r.score)} on, ${med("off", (r) => r.score)} off)`,
    );
    console.log(`    Total Blocking Time ${signed(d.tbt)} ms`);
    const [cpuLow, cpuHigh] = medianRange(pairs.map((p) => p.on.mainThreadCpuMs - p.off.mainThreadCpuMs));
    console.log(
      `    main-thread CPU from the traces ${signed(d.cpu)} ms at ${CPU_SLOWDOWN}x (medians ${med("on", (r) => r.mainThreadCpuMs).toFixed(0)} on, ${med("off", (r) => r.mainThreadCpuMs).toFixed(0)} off; the pairs' median could as well be ${signed(cpuLow)} to ${signed(cpuHigh)} ms)`,
    );
    console.log(
      `    main-thread time, Lighthouse's breakdown (wall time) ${signed(d.main)} ms at ${CPU_SLOWDOWN}x (medians ${med("on", (r) => r.mainThreadMs).toFixed(0)} on, ${med("off", (r) => r.mainThreadMs).toFixed(0)} off)`,
    );
    console.log(
      `    Lighthouse's benchmark index of this machine: median ${median(pairs.flatMap((p) => [p.on.benchmarkIndex, p.off.benchmarkIndex])).toFixed(0)} (Lighthouse expects at least 1,000; the 4x figures scale with the machine's speed)`,
    );
    console.log(
      `    gzip JS ${signed(jsAdded / 1024, 1)} kB (${kb(jsTotal("on"))} on, ${kb(jsTotal("off"))} off): with the page ${signed((js.on.firstLoad - js.off.firstLoad) / 1024, 1)} kB, fetched later (the checkout in use) ${signed((js.on.later - js.off.later) / 1024, 1)} kB`,
    );

    // Where the main thread's time went: by kind of work, and per script (Lighthouse's
    // bootup-time), medians of the runs.
    if (process.env.BENCH_BREAKDOWN === "1") {
      const groups = [
        ...new Set(pairs.flatMap((p) => [...Object.keys(p.on.taskGroupMs), ...Object.keys(p.off.taskGroupMs)])),
      ];
      const groupMedian = (side: Side, g: string) => median(pairs.map((p) => p[side].taskGroupMs[g] ?? 0));
      console.log("");
      console.log(
        `  main-thread time by kind of work (median ms at ${CPU_SLOWDOWN}x): with Playcart, without, difference of the medians`,
      );
      for (const g of groups.sort((a, b) => groupMedian("on", b) - groupMedian("on", a)))
        console.log(
          `    ${g.padEnd(22)} ${groupMedian("on", g).toFixed(0).padStart(6)} ${groupMedian("off", g).toFixed(0).padStart(6)} ${signed(groupMedian("on", g) - groupMedian("off", g)).padStart(6)}`,
        );
      for (const side of ["on", "off"] as Side[]) {
        const server = servers[side];
        const urls = new Set(pairs.flatMap((p) => Object.keys(p[side].bootupMs)));
        const rows = [...urls]
          .map((u) => [u.replace(server.url, ""), median(pairs.map((p) => p[side].bootupMs[u] ?? 0))] as const)
          .sort((a, b) => b[1] - a[1]);
        console.log("");
        console.log(`  main-thread time by script with Playcart ${side} (bootup-time, median ms at ${CPU_SLOWDOWN}x):`);
        for (const [u, ms] of rows.slice(0, 12)) console.log(`    ${ms.toFixed(0).padStart(6)}  ${u}`);
      }
    }

    if (AGAINST) {
      console.log("");
      console.log(`  BENCH_AGAINST: two builds compared, both with Playcart; the floors are not judged.`);
      log(`load average after: ${load()}`);
      return;
    }
    // Built without Playcart, not one byte of it in the checkout's chunks: read for the
    // modules of Playcart's client components in that build (its admin has some) and its words.
    const off = servers.off;
    const offIds = playcartModuleIds(WITHOUT_PLAYCART);
    const offChunks = new Set<string>([
      ...checkoutBuildChunks(WITHOUT_PLAYCART).map((p) => `${off.url}${p}`),
      ...chunkPathsIn(await checkoutHtml(off.url, sessions.take())).map((p) => `${off.url}${p}`),
      ...pairs.flatMap((p) => p.off.scriptUrls),
    ]);
    const found: string[] = [];
    for (const url of offChunks) {
      const where = playcartIn((await scripts.body(url)).toString("utf8"), offIds);
      if (where) found.push(`${new URL(url).pathname}: ${where}`);
    }
    // The same reading of the checkout with Playcart on must find it, or it proves nothing.
    const onIds = playcartModuleIds(".next");
    let onFinds = 0;
    for (const url of new Set(pairs.flatMap((p) => p.on.scriptUrls)))
      if (playcartIn((await scripts.body(url)).toString("utf8"), onIds)) onFinds += 1;
    console.log("");
    console.log(
      `  built without Playcart: ${offChunks.size} chunks read (the build's list for /checkout, the HTML's, the browser's), ${found.length} with Playcart's code; with Playcart on, ${onFinds} chunks have it`,
    );
    for (const f of found) console.log(`    ${f}`);

    const verdicts: Array<[string, boolean]> = [
      [
        `main-thread CPU added at ${CPU_SLOWDOWN}x <= ${FLOORS.mainThreadMs} ms (${signed(d.cpu)} ms)`,
        d.cpu <= FLOORS.mainThreadMs,
      ],
      [`performance score lost <= ${FLOORS.scorePoints} point (${signed(d.score)})`, -d.score <= FLOORS.scorePoints],
      [`gzip JS added <= 15 kB (${signed(jsAdded / 1024, 1)} kB)`, jsAdded <= FLOORS.gzipJsBytes],
      [
        `built without Playcart, no Playcart code in the checkout's ${offChunks.size} chunks (${found.length} found)`,
        found.length === 0 && onFinds > 0,
      ],
    ];
    console.log("");
    for (const [label, ok] of verdicts) console.log(`  ${ok ? "PASS" : "FAIL"}  ${label}`);
    log(`load average after: ${load()}`);
  } finally {
    await stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

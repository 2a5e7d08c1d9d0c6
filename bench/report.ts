// Printing the benches' figures: one table row per load, each with the load average it ran
// under, and PASS/FAIL lines for the floors. A bench is not a test: it exits 0 unless it
// broke, or non-zero on a failed floor when BENCH_STRICT=1.
import type { Row } from "./compare";
import { percentile } from "./load";

export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "-");
export const log = (msg: string) => console.log(`[bench] ${msg}`);

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/** The mean 1-minute load average over a row's windows. */
export const loadOf = (row: Row) => mean(row.loads);

/** Answers with a 5xx status. */
export const serverErrors = (row: Row) =>
  [...row.tally.statuses].filter(([s]) => s >= 500).reduce((n, [, v]) => n + v, 0);

/** Non-2xx answers below 500, by status: "404 x3, 429 x1". */
export function otherNon2xx(row: Row): string {
  const parts = [...row.tally.statuses]
    .filter(([s]) => (s < 200 || s >= 300) && s < 500)
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s} x${n}`);
  return parts.length ? parts.join(", ") : "0";
}

const refusals = (row: Row) => [...row.tally.refusals.values()].reduce((a, b) => a + b, 0);

/** CPU per answered request (ms) of one meter, or of the client. */
export const perRequest = (row: Row, ms: number) => ms / Math.max(1, row.tally.latenciesMs.length);
const appCpu = (cpuMs: Record<string, number>, answers: number) =>
  ((cpuMs.server ?? 0) + (cpuMs.postgres ?? 0)) / Math.max(1, answers);
/** Server plus its Postgres backends, ms per request. */
export const appCpuPerRequest = (row: Row) => appCpu(row.cpuMs, row.tally.latenciesMs.length);

/**
 * The ratios of server plus Postgres CPU per request, printed slice by slice of an alternating open
 * loop (each of `row`'s windows against the `floor`'s window beside it): how far one slice
 * strays from the next shows whether a ratio near its floor is settled by the run.
 */
export const sliceRatios = (row: Row, floor: Row) =>
  row.windows
    .map((w, i) => fmt(appCpu(w.cpuMs, w.answers) / appCpu(floor.windows[i].cpuMs, floor.windows[i].answers), 2))
    .join(", ");

/** Each closed-loop slice's throughput over its floor's in the slice beside it (alternateCapacity). */
export const sliceCapacityRatios = (row: Row, floor: Row) =>
  row.windows
    .map((w, i) => {
      const f = floor.windows[i];
      return fmt(w.answers / w.seconds / (f.answers / f.seconds), 2);
    })
    .join(", ");

/**
 * What each slice's ratio is made of: the server's and its Postgres backends' CPU per request,
 * `row` against the `floor` beside it ("1.62+0.85 / 1.09+0.08" ms). A ratio that strays from one
 * slice to the next shows here which side moved, the request or its floor.
 */
export const sliceCosts = (row: Row, floor: Row) => {
  const cost = (w: Row["windows"][number]) =>
    `${fmt((w.cpuMs.server ?? 0) / Math.max(1, w.answers), 2)}+${fmt((w.cpuMs.postgres ?? 0) / Math.max(1, w.answers), 2)}`;
  return row.windows.map((w, i) => `${cost(w)} / ${cost(floor.windows[i])}`).join(", ");
};

export function printLatency(rows: Row[], title: string) {
  const w = Math.max(34, ...rows.map((r) => r.label.length));
  console.log(`  ${title}`);
  console.log(
    `  ${"".padEnd(w)} ${"req/s".padStart(7)} ${"answers".padStart(7)} ${"p50 ms".padStart(7)} ${"p95 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"max ms".padStart(7)} ${"5xx".padStart(4)} ${"other non-2xx".padStart(13)} ${"refused".padStart(7)} ${"no answer".padStart(9)} ${"send lag p99".padStart(12)} ${"load".padStart(5)}`,
  );
  for (const r of rows) {
    const sorted = [...r.tally.latenciesMs].sort((a, b) => a - b);
    const lag = [...r.tally.sendLagMs].sort((a, b) => a - b);
    console.log(
      `  ${r.label.padEnd(w)} ${fmt(r.rate).padStart(7)} ${String(sorted.length).padStart(7)} ${fmt(percentile(sorted, 50)).padStart(7)} ${fmt(percentile(sorted, 95)).padStart(7)} ${fmt(percentile(sorted, 99)).padStart(7)} ${fmt(sorted.at(-1) ?? NaN).padStart(7)} ${String(serverErrors(r)).padStart(4)} ${otherNon2xx(r).padStart(13)} ${String(refusals(r)).padStart(7)} ${String(r.tally.errors).padStart(9)} ${(lag.length ? `${fmt(percentile(lag, 99))} ms` : "-").padStart(12)} ${fmt(loadOf(r), 2).padStart(5)}`,
    );
  }
  const refused = rows.flatMap((r) => [...r.tally.refusals].map(([code, n]) => `${r.label}: ${code} x${n}`));
  if (refused.length) console.log(`  refusals: ${refused.join("; ")}`);
}

export function printCpu(rows: Row[], title: string) {
  const w = Math.max(34, ...rows.map((r) => r.label.length));
  console.log(`  ${title}`);
  console.log(
    `  ${"".padEnd(w)} ${"server".padStart(8)} ${"postgres".padStart(8)} ${"sum".padStart(8)} ${"client".padStart(8)} ${"processes".padStart(9)} ${"backends".padStart(8)} ${"load".padStart(5)}`,
  );
  for (const r of rows) {
    console.log(
      `  ${r.label.padEnd(w)} ${fmt(perRequest(r, r.cpuMs.server ?? NaN), 2).padStart(8)} ${fmt(perRequest(r, r.cpuMs.postgres ?? NaN), 2).padStart(8)} ${fmt(appCpuPerRequest(r), 2).padStart(8)} ${fmt(perRequest(r, r.clientCpuMs), 2).padStart(8)} ${String(r.processes.server ?? "-").padStart(9)} ${String(r.processes.postgres ?? "-").padStart(8)} ${fmt(loadOf(r), 2).padStart(5)}`,
    );
  }
}

export class Verdicts {
  private readonly lines: Array<{ label: string; ok: boolean; load: number }> = [];

  add(label: string, ok: boolean, load: number) {
    this.lines.push({ label, ok, load });
  }

  print() {
    for (const v of this.lines) console.log(`  ${v.ok ? "PASS" : "FAIL"}  ${v.label}  (load ${fmt(v.load, 2)})`);
  }

  /** 0 unless BENCH_STRICT=1 and a floor failed. */
  exitCode(): number {
    return process.env.BENCH_STRICT === "1" && this.lines.some((v) => !v.ok) ? 1 : 0;
  }
}

// A request and its floor (a health request of the same router type) measured side by side
// on one server: the capacity of each from a short closed-loop run, then an open loop at a
// set rate for both, alternating in slices so that other work on the machine weighs on both
// alike, with the CPU the server and its Postgres backends spent on each slice.
import { measureWindow } from "./cpu-window";
import { type Arrivals, closedLoop, mergeTally, newTally, openLoop, type Send, type Tally } from "./load";
import type { CpuMeter } from "./proc";

export type Row = {
  label: string;
  /** Requests a second: the arrival rate (open loop) or the throughput reached (closed loop). */
  rate: number;
  tally: Tally;
  cpuMs: Record<string, number>;
  /** The most processes each meter saw in one window (the server's, its Postgres backends). */
  processes: Record<string, number>;
  clientCpuMs: number;
  loads: number[];
  /** Each window on its own (an open loop's slices), so a reader sees how far one slice strays from the next. */
  windows: Array<{ answers: number; cpuMs: Record<string, number>; seconds: number }>;
};

const emptyRow = (label: string, rate: number): Row => ({
  label,
  rate,
  tally: newTally(),
  cpuMs: {},
  processes: {},
  clientCpuMs: 0,
  loads: [],
  windows: [],
});

function add(row: Row, tally: Tally, cpu: Awaited<ReturnType<typeof measureWindow>>["cpu"]) {
  mergeTally(row.tally, tally);
  for (const [k, v] of Object.entries(cpu.cpuMs)) row.cpuMs[k] = (row.cpuMs[k] ?? 0) + v;
  for (const [k, v] of Object.entries(cpu.processes)) row.processes[k] = Math.max(row.processes[k] ?? 0, v);
  row.clientCpuMs += cpu.clientCpuMs;
  row.loads.push(...cpu.loads);
  row.windows.push({ answers: tally.latenciesMs.length, cpuMs: { ...cpu.cpuMs }, seconds: tally.seconds });
}

/** Closed loop at `concurrency` for `seconds`: the row's rate is the capacity reached. */
export async function capacity(
  label: string,
  send: Send,
  opts: { concurrency: number; seconds: number; meters: Record<string, CpuMeter> },
): Promise<Row> {
  const [row] = await alternateCapacity([{ label, send }], { ...opts, slices: 1 });
  return row;
}

/**
 * The capacity of each of `loads`, in `slices` alternating closed-loop turns of `seconds` in all
 * each: the machine's speed drifts within a minute (other work on it, the host's), and a
 * ratio of two capacities measured one after the other carries that drift.
 */
export async function alternateCapacity(
  loads: Array<{ label: string; send: Send }>,
  opts: { concurrency: number; seconds: number; slices: number; meters: Record<string, CpuMeter> },
): Promise<Row[]> {
  const rows = loads.map((l) => emptyRow(l.label, 0));
  const seconds = opts.seconds / opts.slices;
  for (let s = 0; s < opts.slices; s++) {
    for (const [i, load] of loads.entries()) {
      const { result, cpu } = await measureWindow(opts.meters, () =>
        closedLoop(load.send, { concurrency: opts.concurrency, seconds }),
      );
      add(rows[i], result, cpu);
    }
  }
  // The tallies' seconds are the slices' own, summed (mergeTally).
  for (const row of rows) row.rate = row.tally.latenciesMs.length / row.tally.seconds;
  return rows;
}

/** Each of `loads` in open loop at `rate` for `seconds` in all, in `slices` turns. */
export async function alternate(
  loads: Array<{ label: string; send: Send; around?: (edge: "start" | "end") => void }>,
  opts: {
    rate: number;
    seconds: number;
    slices: number;
    arrivals: Arrivals;
    random: () => number;
    meters: Record<string, CpuMeter>;
  },
): Promise<Row[]> {
  const rows = loads.map((l) => emptyRow(l.label, opts.rate));
  const seconds = opts.seconds / opts.slices;
  for (let s = 0; s < opts.slices; s++) {
    for (const [i, load] of loads.entries()) {
      load.around?.("start");
      const { result, cpu } = await measureWindow(opts.meters, () =>
        openLoop(load.send, { rate: opts.rate, seconds, arrivals: opts.arrivals, random: opts.random }),
      );
      load.around?.("end");
      add(rows[i], result, cpu);
    }
  }
  return rows;
}

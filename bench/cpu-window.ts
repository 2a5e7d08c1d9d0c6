// CPU time of named process sets (the app server, its Postgres backends, ...) and of this
// process over one measured window, with the 1-minute load average sampled through it.
import { type CpuMeter, loadAverage1 } from "./proc";

const SAMPLE_MS = 250;
// After the last answer: work a request left for after its response (a play's event sweep)
// still belongs to it.
const SETTLE_MS = 250;

export type WindowCpu = {
  /** ms of CPU per named meter over the window. */
  cpuMs: Record<string, number>;
  /** How many processes each meter saw over the window. */
  processes: Record<string, number>;
  /** ms of CPU of this process (the load generator) over the window. */
  clientCpuMs: number;
  /** The 1-minute load average at each sample. */
  loads: number[];
};

export async function measureWindow<T>(
  meters: Record<string, CpuMeter>,
  work: () => Promise<T>,
): Promise<{ result: T; cpu: WindowCpu }> {
  const all = Object.values(meters);
  await Promise.all(all.map((m) => m.start()));
  const loads = [loadAverage1()];
  const client = process.cpuUsage();
  let running = true;
  // One sample at a time: a slow pg_stat_activity query must not pile samples up.
  const sampler = (async () => {
    while (running) {
      await new Promise((r) => setTimeout(r, SAMPLE_MS));
      if (!running) break;
      await Promise.all(all.map((m) => m.sample()));
      loads.push(loadAverage1());
    }
  })();
  let result: T;
  try {
    result = await work();
    await new Promise((r) => setTimeout(r, SETTLE_MS));
  } finally {
    running = false;
    await sampler;
  }
  const used = process.cpuUsage(client);
  const cpuMs: Record<string, number> = {};
  const processes: Record<string, number> = {};
  for (const [name, meter] of Object.entries(meters)) {
    const used = await meter.stop();
    cpuMs[name] = used.cpuMs;
    processes[name] = used.processes;
  }
  loads.push(loadAverage1());
  return { result, cpu: { cpuMs, processes, clientCpuMs: (used.user + used.system) / 1000, loads } };
}

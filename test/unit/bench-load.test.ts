// The benchmarks' own machinery: an open loop keeps sending on schedule whatever is still in
// flight (a closed loop does not), and CPU is counted for processes that come and go.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { alternateCapacity } from "../../bench/compare";
import { closedLoop, openLoop, percentile, seededRandom } from "../../bench/load";
import { CpuMeter } from "../../bench/proc";
import { sliceCapacityRatios } from "../../bench/report";

describe("load", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A send whose answers the test releases. */
  function heldSends() {
    const held: Array<() => void> = [];
    const send = () =>
      new Promise<{ status: number; outcome: string }>((resolve) =>
        held.push(() => resolve({ status: 200, outcome: "ok" })),
      );
    return { held, send };
  }

  it("an open loop sends every scheduled request though none has been answered", async () => {
    const { held, send } = heldSends();
    const run = openLoop(send, { rate: 100, seconds: 1, arrivals: "fixed", random: Math.random });
    await vi.advanceTimersByTimeAsync(1_000);
    // One every 10 ms over a second: 99 or 100 arrivals, depending on float rounding at the end.
    expect(held.length).toBeGreaterThanOrEqual(99);
    for (const answer of held) answer();
    const tally = await run;
    expect(tally.latenciesMs).toHaveLength(held.length);
    expect(tally.statuses.get(200)).toBe(held.length);
  });

  it("a late answer's latency is timed from its scheduled send", async () => {
    const { held, send } = heldSends();
    const run = openLoop(send, { rate: 10, seconds: 0.15, arrivals: "fixed", random: Math.random });
    await vi.advanceTimersByTimeAsync(500);
    expect(held).toHaveLength(1); // due at 100 ms
    held[0]();
    const tally = await run;
    expect(tally.latenciesMs[0]).toBeGreaterThanOrEqual(400);
  });

  it("a closed loop has only its clients' requests in flight", async () => {
    const { held, send } = heldSends();
    const run = closedLoop(send, { concurrency: 3, seconds: 1 });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(held).toHaveLength(3);
    for (const answer of held) answer();
    await vi.advanceTimersByTimeAsync(0);
    const tally = await run;
    expect(tally.latenciesMs).toHaveLength(3);
  });

  it("capacities measured side by side alternate slice by slice, each rate over its own slices' time", async () => {
    const order: string[] = [];
    // A answers in 10 ms, B in 20 ms: one client each, B's capacity is half A's.
    const answering = (label: string, ms: number) => () => {
      if (order.at(-1) !== label) order.push(label);
      return new Promise<{ status: number; outcome: string }>((resolve) =>
        setTimeout(() => resolve({ status: 200, outcome: "ok" }), ms),
      );
    };
    const run = alternateCapacity(
      [
        { label: "A", send: answering("A", 10) },
        { label: "B", send: answering("B", 20) },
      ],
      { concurrency: 1, seconds: 0.2, slices: 2, meters: {} },
    );
    await vi.advanceTimersByTimeAsync(5_000);
    const [a, b] = await run;
    expect(order).toEqual(["A", "B", "A", "B"]);
    expect(a.windows.map((w) => w.answers)).toEqual([10, 10]);
    expect(b.windows.map((w) => w.answers)).toEqual([5, 5]);
    expect(a.rate).toBeCloseTo(100, 0);
    expect(b.rate).toBeCloseTo(50, 0);
    expect(sliceCapacityRatios(b, a)).toBe("0.50, 0.50");
  });

  it("poisson arrivals come from a seeded generator: the same schedule for the same seed", () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const c = seededRandom(8);
    const draws = (r: () => number) => Array.from({ length: 5 }, r);
    const first = draws(a);
    expect(draws(b)).toEqual(first);
    expect(draws(c)).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("percentiles are nearest-rank", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile([], 99)).toBeNaN();
  });
});

describe("CpuMeter", () => {
  it("counts a process from its value at the start, one born later from zero, one gone up to its last sample", async () => {
    const cpu = new Map<number, number>([[1, 100]]);
    let pids = [1];
    const meter = new CpuMeter(
      () => pids,
      (pid) => cpu.get(pid) ?? Number.NaN,
    );
    await meter.start();
    cpu.set(1, 150);
    cpu.set(2, 30);
    pids = [1, 2];
    await meter.sample();
    // Process 1 exits; 2 works on.
    cpu.delete(1);
    cpu.set(2, 45);
    pids = [2];
    const used = await meter.stop();
    expect(used.cpuMs).toBe(50 + 45);
    expect(used.processes).toBe(2);
  });
});

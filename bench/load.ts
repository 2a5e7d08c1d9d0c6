// Two ways to load a server. Closed loop (a fixed number of clients, each sending its next
// request when the last one answered) finds its capacity: how many requests a second it
// completes when never idle. Open loop is what a store sees: shoppers arrive at a set rate
// whether or not earlier ones were answered, so a server that falls behind builds a queue,
// and each request's latency is timed from the moment it was due to be sent (its scheduled
// arrival), so time spent queued (at the server or in a late client) counts.

/** One answer: the HTTP status (0 when no answer came) and what it said ("ok" or a refusal's code). */
export type Outcome = { status: number; outcome: string };
/** Sends the next request; each call is a new one (its own shopper, order, ...). */
export type Send = () => Promise<Outcome>;

export type Tally = {
  /** Latency of every answered request, in ms. */
  latenciesMs: number[];
  /** Answers by HTTP status. */
  statuses: Map<number, number>;
  /** 2xx answers that were not "ok", by what they said (a play refused: no plays left, ...). */
  refusals: Map<string, number>;
  /** Requests that got no answer (connection refused or reset, timed out). */
  errors: number;
  /** How late the client itself sent requests, in ms (open loop): a busy client adds this to latency. */
  sendLagMs: number[];
  seconds: number;
};

export const newTally = (): Tally => ({
  latenciesMs: [],
  statuses: new Map(),
  refusals: new Map(),
  errors: 0,
  sendLagMs: [],
  seconds: 0,
});

function record(t: Tally, o: Outcome, ms: number) {
  if (o.status === 0) {
    t.errors += 1;
    return;
  }
  t.latenciesMs.push(ms);
  t.statuses.set(o.status, (t.statuses.get(o.status) ?? 0) + 1);
  if (o.status >= 200 && o.status < 300 && o.outcome !== "ok")
    t.refusals.set(o.outcome, (t.refusals.get(o.outcome) ?? 0) + 1);
}

/** Adds b into a. */
export function mergeTally(a: Tally, b: Tally): Tally {
  a.latenciesMs.push(...b.latenciesMs);
  for (const [k, v] of b.statuses) a.statuses.set(k, (a.statuses.get(k) ?? 0) + v);
  for (const [k, v] of b.refusals) a.refusals.set(k, (a.refusals.get(k) ?? 0) + v);
  a.errors += b.errors;
  a.sendLagMs.push(...b.sendLagMs);
  a.seconds += b.seconds;
  return a;
}

let reported = 0;
async function guarded(send: Send): Promise<Outcome> {
  try {
    return await send();
  } catch (err) {
    if (reported++ < 3) console.error("[bench] request failed:", err instanceof Error ? err.message : err);
    return { status: 0, outcome: "error" };
  }
}

/** `concurrency` clients back to back for `seconds`: the server's capacity is answers / seconds. */
export async function closedLoop(send: Send, opts: { concurrency: number; seconds: number }): Promise<Tally> {
  const t = newTally();
  const started = performance.now();
  const deadline = started + opts.seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      const o = await guarded(send);
      record(t, o, performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, client));
  t.seconds = (performance.now() - started) / 1000;
  return t;
}

export type Arrivals = "poisson" | "fixed";

/** A small seeded generator (mulberry32): the same schedule on every run with the same seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Requests arriving at `rate` a second for `seconds`: Poisson arrivals (independent
 * shoppers: exponential gaps) or one every 1/rate s. Each is sent at its scheduled time
 * whatever is still in flight; resolves once every request sent has been answered.
 */
export async function openLoop(
  send: Send,
  opts: { rate: number; seconds: number; arrivals: Arrivals; random: () => number },
): Promise<Tally> {
  const t = newTally();
  const gap =
    opts.arrivals === "fixed" ? () => 1000 / opts.rate : () => (-Math.log(1 - opts.random()) * 1000) / opts.rate;
  const started = performance.now();
  const end = started + opts.seconds * 1000;
  const inFlight: Promise<void>[] = [];
  for (let due = started + gap(); due < end; due += gap()) {
    const wait = due - performance.now();
    if (wait >= 1) await new Promise((r) => setTimeout(r, wait));
    const scheduled = due;
    t.sendLagMs.push(Math.max(0, performance.now() - scheduled));
    inFlight.push(guarded(send).then((o) => record(t, o, performance.now() - scheduled)));
  }
  await Promise.all(inFlight);
  t.seconds = opts.seconds;
  return t;
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

// Plays per browser per minute, per app instance. The hard limits (allowances, budgets) are
// in the database; this only stops a script hammering the draw.
//
// A sliding-window counter: this minute's plays per key and the last minute's, in two maps
// replaced whole as the minute turns, so it holds what two minutes of plays wrote and nothing
// per key but a count. The memory limiter of rate-limiter-flexible, used before, kept a timer
// per key for its minute. With a new shopper every few milliseconds (bench:play, about 290
// plays a second on two cores), those thousands of live timers turned each of the server's
// major garbage collections into a 300-400 ms stall of every play in flight: the play
// route's whole p99. Without them the same load's p99 was 24 ms.
const WINDOW_MS = 60_000;

/** `now`: a monotonic clock in ms (tests pass their own). */
export function playLimiter(pointsPerMinute: number, now: () => number = () => performance.now()) {
  let start = now();
  let current = new Map<string, number>();
  let previous = new Map<string, number>();
  return (key: string): boolean => {
    const t = now();
    const elapsed = t - start;
    if (elapsed >= WINDOW_MS) {
      // One minute on, this minute becomes the last one; two or more, both are past.
      previous = elapsed < 2 * WINDOW_MS ? current : new Map();
      current = new Map();
      start = t - (elapsed % WINDOW_MS);
    }
    // The last minute's plays count for the share of it still inside the sliding minute,
    // rounded up: just after the minute turns they count in full.
    const lastMinute = Math.ceil((previous.get(key) ?? 0) * (1 - (t - start) / WINDOW_MS));
    const thisMinute = current.get(key) ?? 0;
    if (thisMinute + lastMinute >= pointsPerMinute) return false;
    current.set(key, thisMinute + 1);
    return true;
  };
}

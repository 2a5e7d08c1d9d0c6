import { RateLimiterMemory } from "rate-limiter-flexible";

// Plays per browser per minute, per app instance. The hard limits (allowances, budgets) are
// in the database; this only stops a script hammering the draw.
export function playLimiter(pointsPerMinute: number) {
  const limiter = new RateLimiterMemory({ points: pointsPerMinute, duration: 60 });
  return async (key: string): Promise<boolean> => {
    try {
      await limiter.consume(key);
      return true;
    } catch {
      return false;
    }
  };
}

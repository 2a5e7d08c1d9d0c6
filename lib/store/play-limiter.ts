import "server-only";
import { RateLimiterMemory } from "rate-limiter-flexible";

// Plays per shopper session per minute, per app instance. The hard limits (allowances,
// inventory) are in the database; this only stops a script hammering the draw.
const limiter = new RateLimiterMemory({ points: 20, duration: 60 });

export async function allowPlayAttempt(key: string): Promise<boolean> {
  try {
    await limiter.consume(key);
    return true;
  } catch {
    return false;
  }
}

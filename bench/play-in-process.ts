// A play straight through `play()`, in this process, on a pool of its own: the core's own
// cost, without HTTP or Next. Each call is a new first-time shopper with a cart.
import { randomUUID } from "node:crypto";
import { PlayError, play } from "playcart";
import type { Db } from "@/db/client";
import type { Outcome, Send } from "./load";

const TIME_ZONE = "Europe/Berlin";

export function inProcessSend(db: Db, campaignId: string): Send {
  const run = randomUUID().slice(0, 8);
  let n = 0;
  return async (): Promise<Outcome> => {
    const i = n++;
    try {
      await play(db, {
        campaignId,
        requestId: randomUUID(),
        shopper: {
          email: `bench-${run}-${i}@example.test`,
          deviceId: `dev-${run}-${i}`,
          sessionRef: `sess-${run}-${i}`,
        },
        cart: { valueMinor: 2_450, itemCount: 3, categories: ["pastries", "coffee"], cartRef: `cart-${run}-${i}` },
        now: new Date(),
        timeZone: TIME_ZONE,
      });
      return { status: 200, outcome: "ok" };
    } catch (err) {
      // A refusal (no plays left, closed, ...) is an answer; anything else is a failure.
      if (err instanceof PlayError) return { status: 200, outcome: err.code };
      throw err;
    }
  };
}

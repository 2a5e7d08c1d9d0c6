import { isUniqueViolation, pgError } from "playcart";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { stripeEvents } from "@/db/schema";
import { type Handler, handlers } from "./handlers";

export type ApplyResult =
  | { status: "applied"; outcome: string; orderId?: string }
  | { status: "duplicate" }
  | { status: "ignored" }
  | { status: "invalid"; error: string };

/**
 * Applies a verified event exactly once. The event id is recorded at the end of the
 * transaction that applies it (saving a round trip on every event): a concurrent duplicate
 * waits on the primary key, fails on it, and rolls back whatever it did; a delivery cut off
 * mid-way (crash, kill -9) commits nothing and its redelivery applies. Handlers are
 * idempotent and lock the order row, so a duplicate that runs them changes nothing anyway.
 */
export async function applyStripeEvent(db: Db, event: Stripe.Event): Promise<ApplyResult> {
  const handler = handlers.get(event.type);
  if (!handler) return { status: "ignored" };
  const parsed = handler.schema.safeParse(event.data.object);
  if (!parsed.success) {
    return {
      status: "invalid",
      error: `${event.type}: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`,
    };
  }
  // Events for one customer take row locks (customer, balances) in different orders, so
  // concurrent deliveries can deadlock; Postgres aborts one, which then simply runs again.
  for (let attempt = 1; ; attempt++) {
    try {
      const fast = await handler.fast?.(db, parsed.data as never, event);
      if (fast) return { status: "applied", outcome: fast.outcome, orderId: fast.orderId };
      return await applyOnce(db, event, handler, parsed.data);
    } catch (err) {
      if (isUniqueViolation(err, "stripe_events_pkey")) return { status: "duplicate" };
      const code = pgError(err)?.code;
      if (!code || !RETRYABLE.has(code) || attempt >= MAX_ATTEMPTS) throw err;
      console.warn(
        `[playcart] ${event.type} ${event.id}: ${RETRYABLE.get(code)}; retrying (attempt ${attempt + 1} of ${MAX_ATTEMPTS})`,
      );
      await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
    }
  }
}

const RETRYABLE = new Map([
  ["40P01", "deadlock"],
  ["40001", "serialization failure"],
]);
const MAX_ATTEMPTS = 5;

function applyOnce(db: Db, event: Stripe.Event, handler: Handler, object: unknown): Promise<ApplyResult> {
  return db.transaction(async (tx) => {
    const result = await handler.apply(tx, object as never);
    await tx
      .insert(stripeEvents)
      .values({ id: event.id, type: event.type, outcome: result.outcome, orderId: result.orderId ?? null });
    return { status: "applied", outcome: result.outcome, orderId: result.orderId } as const;
  });
}

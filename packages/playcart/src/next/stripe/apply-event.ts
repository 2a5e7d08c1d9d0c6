// Applies a verified Stripe event to Playcart exactly once. The event id is recorded in the
// event log in the same transaction as its effects: a concurrent duplicate waits on the
// unique key and then finds it taken; a delivery cut off mid-way commits nothing and its
// redelivery applies.
import { sql } from "drizzle-orm";
import type Stripe from "stripe";
import { type EngageDb, pgError } from "../../core/db.ts";
import { events } from "../../core/schema.ts";
import type { PlaycartAdapter } from "../config.ts";
import { type HandlerResult, handlers } from "./handlers.ts";

export type ApplyResult =
  | ({ status: "applied" } & HandlerResult)
  | { status: "duplicate" }
  | { status: "ignored" }
  | { status: "invalid"; error: string };

const RETRYABLE = new Set(["40P01", "40001"]);
const MAX_ATTEMPTS = 5;

export async function applyStripeEvent(
  db: EngageDb,
  event: Pick<Stripe.Event, "id" | "type"> & { data: { object: unknown } },
  ctx: { adapter: PlaycartAdapter; now: Date },
): Promise<ApplyResult> {
  const handler = handlers.get(event.type);
  if (!handler) return { status: "ignored" };
  const parsed = handler.schema.safeParse(event.data.object);
  if (!parsed.success) {
    return {
      status: "invalid",
      error: `${event.type}: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`,
    };
  }
  const object = parsed.data;
  const order = handler.prepare ? await handler.prepare(object, ctx) : null;
  // Events for one customer lock rows in different orders, so concurrent deliveries can
  // deadlock; Postgres aborts one, which then simply runs again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const fresh = await tx
          .insert(events)
          .values({
            eventKey: `stripe:${event.id}`,
            type: "stripe.received",
            payload: { type: event.type },
            occurredAt: ctx.now,
            processedAt: ctx.now,
          })
          .onConflictDoNothing({ target: events.eventKey })
          .returning({ id: events.id });
        if (fresh.length === 0) return { status: "duplicate" } as const;
        const result = await handler.apply(tx, object, { ...ctx, order });
        await tx
          .update(events)
          .set({ orderRef: result.orderRef ?? null, payload: { type: event.type, outcome: result.outcome } })
          .where(sql`${events.id} = ${fresh[0].id}`);
        return { status: "applied", ...result } as const;
      });
    } catch (err) {
      const code = pgError(err)?.code;
      if (!code || !RETRYABLE.has(code) || attempt >= MAX_ATTEMPTS) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
    }
  }
}

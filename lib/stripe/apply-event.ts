import type Stripe from "stripe";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { stripeEvents } from "@/db/schema";
import { handlers } from "./handlers";

export type ApplyResult =
  | { status: "applied"; outcome: string; orderId?: string }
  | { status: "duplicate" }
  | { status: "ignored" }
  | { status: "invalid"; error: string };

/**
 * Applies a verified event exactly once. The event id is recorded in the same transaction
 * as its effects: a concurrent duplicate waits on the primary key and then sees the row; a
 * delivery cut off mid-way (crash, kill -9) commits nothing and its redelivery applies.
 */
export async function applyStripeEvent(db: Db, event: Stripe.Event): Promise<ApplyResult> {
  const handler = handlers[event.type];
  if (!handler) return { status: "ignored" };
  const parsed = handler.schema.safeParse(event.data.object);
  if (!parsed.success) {
    return { status: "invalid", error: `${event.type}: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}` };
  }
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(stripeEvents)
      .values({ id: event.id, type: event.type, outcome: "applying" })
      .onConflictDoNothing()
      .returning({ id: stripeEvents.id });
    if (claimed.length === 0) return { status: "duplicate" } as const;
    const result = await handler.apply(tx, parsed.data as never);
    await tx
      .update(stripeEvents)
      .set({ outcome: result.outcome, orderId: result.orderId ?? null })
      .where(eq(stripeEvents.id, event.id));
    return { status: "applied", outcome: result.outcome, orderId: result.orderId } as const;
  });
}

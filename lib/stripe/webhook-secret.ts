import { createHmac } from "node:crypto";
import { env } from "@/lib/env";

/**
 * The secret webhook events are signed with. Without Stripe keys the store signs its own
 * test-payment events; that secret is derived from AUTH_SECRET, so it is never a constant
 * anyone could read from this repository.
 */
export function webhookSecret(): string {
  const e = env();
  if (e.STRIPE_WEBHOOK_SECRET) return e.STRIPE_WEBHOOK_SECRET;
  if (derived === undefined) {
    const digest = createHmac("sha256", e.AUTH_SECRET).update("playcart:test-payments:webhook").digest("hex");
    derived = `whsec_test_${digest}`;
  }
  return derived;
}

let derived: string | undefined;

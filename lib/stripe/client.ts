import "server-only";
import Stripe from "stripe";
import { env } from "@/lib/env";

let client: Stripe | undefined;

/** The Stripe API client; only exists when STRIPE_SECRET_KEY is set. */
export function stripe(): Stripe {
  const key = env().STRIPE_SECRET_KEY;
  if (!key) throw new Error("STRIPE_SECRET_KEY is not set: the store is in test-payments mode");
  // STRIPE_API_BASE is a test seam: a local stand-in for api.stripe.com (tests only).
  const base = env().STRIPE_API_BASE ? new URL(env().STRIPE_API_BASE!) : null;
  client ??= new Stripe(key, {
    maxNetworkRetries: 2,
    appInfo: { name: "Playcart" },
    ...(base
      ? { host: base.hostname, port: Number(base.port), protocol: base.protocol.replace(":", "") as "http" | "https" }
      : {}),
  });
  return client;
}

import "server-only";
import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z.string({ required_error: "DATABASE_URL must be set" }).url({
    message: "DATABASE_URL must be the store's Postgres URL, e.g. postgres://postgres@127.0.0.1:5432/minimal_store",
  }),
  SITE_URL: z
    .string({ required_error: "SITE_URL must be set" })
    .url({ message: "SITE_URL must be this store's own origin, e.g. http://127.0.0.1:3240" }),
  STRIPE_WEBHOOK_SECRET: z
    .string({
      required_error: "STRIPE_WEBHOOK_SECRET must be the signing secret of the store's Stripe webhook (whsec_...)",
    })
    .startsWith("whsec_", { message: "STRIPE_WEBHOOK_SECRET must start with whsec_" }),
  // "1" shows the test-payment button: orders are paid by signed, Stripe-shaped events
  // posted to the store's own webhook. Never set it in production.
  STORE_TEST_PAYMENTS: z.enum(["0", "1"]).default("0"),
});

let parsed: z.infer<typeof schema> | undefined;

/** The environment, checked once on first use, with a message naming each missing variable. */
export function env() {
  if (parsed) return parsed;
  const result = schema.safeParse(process.env);
  if (!result.success) {
    throw new Error(`minimal-store is misconfigured:\n${result.error.issues.map((i) => `- ${i.message}`).join("\n")}`);
  }
  parsed = result.data;
  return parsed;
}

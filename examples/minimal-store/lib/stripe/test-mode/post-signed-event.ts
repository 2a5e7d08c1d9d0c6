// TEST PAYMENTS ONLY. Plays Stripe's part: signs an event with each endpoint's own signing
// secret (Stripe's library, as Stripe does) and posts it to every webhook endpoint this store
// has registered, so a test payment runs through exactly the code a real one does.
import "server-only";
import Stripe from "stripe";
import { env } from "@/lib/env";

/**
 * The webhook endpoints a Stripe dashboard would list for this store: its own fulfilment
 * webhook, and any further endpoints registered in the environment as
 * STORE_TEST_WEBHOOKS="<path>=<ENV_VAR_OF_ITS_SECRET>,..." (for example Playcart's).
 */
function webhookEndpoints() {
  const more = (process.env.STORE_TEST_WEBHOOKS ?? "").split(",").filter(Boolean);
  return [
    { path: "/api/stripe/webhook", secret: env().STRIPE_WEBHOOK_SECRET },
    ...more.map((entry) => {
      const [path, secretVar] = entry.split("=");
      const secret = process.env[secretVar];
      if (!path?.startsWith("/") || !secret) throw new Error(`STORE_TEST_WEBHOOKS: bad entry "${entry}"`);
      return { path, secret };
    }),
  ];
}

export async function postToWebhookEndpoints(event: { id: string }) {
  const payload = JSON.stringify(event);
  for (const endpoint of webhookEndpoints()) {
    const res = await fetch(new URL(endpoint.path, env().SITE_URL), {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "stripe-signature": Stripe.webhooks.generateTestHeaderString({ payload, secret: endpoint.secret }),
      },
      body: payload,
      cache: "no-store",
    });
    if (!res.ok) throw new Error(`${endpoint.path} answered ${res.status}: ${await res.text()}`);
  }
}

// Browsers subscribed to web push for a contact. The subscription itself is the browser's
// permission, asked only after a click; the dispatcher deletes it when the push service
// answers 404 or 410.
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { EngageDb } from "../core/db.ts";
import { mailAddress } from "../core/identity.ts";
import { pushSubscriptions } from "../core/schema.ts";

export const pushSubscriptionInput = z.object({
  // Push services are public https endpoints; anything else would let a caller make the
  // store's server post to an address of their choosing.
  endpoint: z.url({ protocol: /^https$/ }).max(1000),
  keys: z.object({ p256dh: z.string().min(20).max(200), auth: z.string().min(8).max(100) }),
});

export async function savePushSubscription(db: EngageDb, email: string, sub: z.input<typeof pushSubscriptionInput>) {
  const s = pushSubscriptionInput.parse(sub);
  await db
    .insert(pushSubscriptions)
    .values({ email: mailAddress(email), endpoint: s.endpoint, p256dh: s.keys.p256dh, auth: s.keys.auth })
    .onConflictDoUpdate({
      target: pushSubscriptions.endpoint,
      set: { email: mailAddress(email), p256dh: s.keys.p256dh, auth: s.keys.auth },
    });
}

export async function deletePushSubscription(db: EngageDb, endpoint: string) {
  await db.delete(pushSubscriptions).where(eq(pushSubscriptions.endpoint, endpoint));
}

export async function pushSubscriptionsFor(db: EngageDb, email: string) {
  return db
    .select()
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.email, mailAddress(email)));
}

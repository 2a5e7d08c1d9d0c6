// Web push for reminders: VAPID-signed, payload encrypted by `web-push` (aes128gcm), with a
// TTL so a phone that is off for days does not get a stale reminder. A 404 or 410 from the
// push service means the subscription is gone: the dispatcher deletes it.
import type { Agent } from "node:https";
import webpush from "web-push";
import type { PushOutcome, PushTarget, ReminderMessage } from "../../reminders/index.ts";

export const PUSH_TTL_SECONDS = 24 * 60 * 60;

export type VapidKeys = { publicKey: string; privateKey: string; subject: string };

export function pushPayload(m: ReminderMessage, restoreUrl: string) {
  const count = m.items.reduce((s, i) => s + i.quantity, 0);
  return {
    title: m.discountPercent ? `${m.discountPercent}% off your cart` : "Your cart is waiting",
    body: `${count} item${count === 1 ? "" : "s"} saved for you. A comeback game is waiting at checkout.`,
    url: restoreUrl,
  };
}

/** `agent` lets a test trust its local push service's certificate; production uses the default. */
export function pushSender(
  vapid: VapidKeys,
  restoreUrlFor: (m: ReminderMessage) => string,
  opts: { agent?: Agent } = {},
) {
  return async (m: ReminderMessage, targets: PushTarget[]): Promise<PushOutcome> => {
    const payload = JSON.stringify(pushPayload(m, restoreUrlFor(m)));
    const out: PushOutcome = { delivered: 0, gone: [] };
    await Promise.all(
      targets.map(async (t) => {
        try {
          await webpush.sendNotification({ endpoint: t.endpoint, keys: { p256dh: t.p256dh, auth: t.auth } }, payload, {
            TTL: PUSH_TTL_SECONDS,
            vapidDetails: vapid,
            contentEncoding: "aes128gcm",
            urgency: "normal",
            timeout: 10_000,
            ...(opts.agent ? { agent: opts.agent } : {}),
          });
          out.delivered += 1;
        } catch (err) {
          const status = (err as { statusCode?: number }).statusCode;
          if (status === 404 || status === 410) out.gone.push(t.endpoint);
          else
            console.warn(`[playcart] push to ${new URL(t.endpoint).host} failed: ${status ?? (err as Error).message}`);
        }
      }),
    );
    return out;
  };
}

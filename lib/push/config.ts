import "server-only";
import { env } from "@/lib/env";
import type { VapidKeys } from "./send";

/** VAPID keys when web push is configured (VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY), else null. */
export function vapidKeys(): VapidKeys | null {
  const e = env();
  if (!e.VAPID_PUBLIC_KEY || !e.VAPID_PRIVATE_KEY) return null;
  const address = /<([^>]+)>/.exec(e.MAIL_FROM)?.[1] ?? "store@playcart.test";
  return { publicKey: e.VAPID_PUBLIC_KEY, privateKey: e.VAPID_PRIVATE_KEY, subject: `mailto:${address}` };
}

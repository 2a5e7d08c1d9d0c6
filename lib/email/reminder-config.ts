// The store facts every marketing email carries, and the secret its links are signed with.
import { createHash } from "node:crypto";
import { env } from "@/lib/env";
import type { StoreInfo } from "./reminder-email";

export function storeInfo(origin?: string): StoreInfo {
  const e = env();
  const from = e.MAIL_FROM;
  const storeName = /^\s*"?([^"<]+?)"?\s*</.exec(from)?.[1] ?? "Playcart Demo Store";
  return {
    storeName,
    postalAddress: e.STORE_POSTAL_ADDRESS,
    origin: origin ?? new URL(process.env.AUTH_URL ?? "http://localhost:3000").origin,
  };
}

/** Reminder links are signed with a key derived from AUTH_SECRET, separate from its other uses. */
export function reminderLinkSecret(): string {
  return createHash("sha256").update(`playcart-reminder-links:${env().AUTH_SECRET}`).digest("base64url");
}

/** mailto: unsubscribe (RFC 2369), to the sender's domain; the token in the subject says who. */
export function unsubscribeMailto(token: string): string {
  const address = /<([^>]+)>/.exec(env().MAIL_FROM)?.[1] ?? env().MAIL_FROM;
  const domain = address.split("@")[1] ?? "playcart.test";
  return `mailto:unsubscribe@${domain}?subject=unsubscribe%20${token}`;
}

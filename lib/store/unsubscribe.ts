import "server-only";
import { readUnsubscribeToken, withdrawConsent } from "playcart";
import { getDb } from "@/db/client";
import { reminderLinkSecret } from "@/lib/email/reminder-config";
import { storeNow } from "./clock";

export const emailOfUnsubscribeToken = (token: string) =>
  readUnsubscribeToken(reminderLinkSecret(), decodeURIComponent(token));

/** Unsubscribes the token's email. Null for a forged token; false if already unsubscribed. */
export async function unsubscribeByToken(token: string, source: string): Promise<boolean | null> {
  const email = emailOfUnsubscribeToken(token);
  if (!email) return null;
  return withdrawConsent(await getDb(), { email, source, now: await storeNow() });
}

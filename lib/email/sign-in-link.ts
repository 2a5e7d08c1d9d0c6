import "server-only";
import { storeNameOf } from "playcart/next";
import { mailConfig } from "./mail-config";
import { sendMail } from "./send";
import { signInEmail } from "./sign-in-email";

/** Emails a sign-in link in the store's own name; without SMTP it is also printed, so the demo can sign in from the terminal. */
export async function sendSignInLink(to: string, url: string) {
  const { via } = await sendMail({ to, ...signInEmail(url, storeNameOf(mailConfig())) });
  if (via === "outbox") console.log(`[playcart] sign-in link for ${to}: ${url}`);
}

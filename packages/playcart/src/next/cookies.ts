// Playcart's own cookies. The shopper's identity stays the host's (adapter.shopper); these
// only remember what a Playcart link did in this browser.
import { REFERRAL_CODE } from "../loyalty/index.ts";
import { readCookie } from "./http.ts";

/** Set by a reminder link: the checkout offers the comeback game first. */
export const COMEBACK_COOKIE = "pc_comeback";
/** Set by a referral link; read when an order is placed. Playcart judges it when the order is paid. */
export const REFERRAL_COOKIE = "pc_ref";

export const cameBackFromReminder = (headers: Headers) => /^\d+$/.test(readCookie(headers, COMEBACK_COOKIE) ?? "");

export function referralCodeOf(headers: Headers): string | null {
  const value = readCookie(headers, REFERRAL_COOKIE)?.toLowerCase();
  return value && REFERRAL_CODE.test(value) ? value : null;
}

export const secureCookies = (origin: string) => origin.startsWith("https://");

// A signed-in shopper's own loyalty data: the download and the deletion, for the host's
// server action (playcart.shopperData / deleteShopperData) and Playcart's routes. Who it is
// comes from the host's session (adapter.shopper), never from the request's body or query.
import { cookies as requestCookies } from "next/headers.js";
import {
  type ErasureResult,
  eraseShopperData,
  exportLoyaltyData,
  type LoyaltyDataExport,
  shopperCustomerIds,
} from "../privacy/index.ts";
import { COMEBACK_COOKIE, REFERRAL_COOKIE } from "./cookies.ts";
import { REMEMBERED_EMAIL_COOKIE } from "./remembered-email.ts";
import type { Runtime } from "./runtime.ts";

export class NotSignedInError extends Error {
  constructor() {
    super("Sign in to see or delete your loyalty data.");
    this.name = "NotSignedInError";
  }
}

export type PrivacyInput = { request?: Request };

/** Playcart's cookies that remember something about this browser's shopper: cleared on deletion. */
export const SHOPPER_COOKIES = [REMEMBERED_EMAIL_COOKIE, REFERRAL_COOKIE, COMEBACK_COOKIE] as const;

async function signedInShopper(rt: Runtime, input: PrivacyInput) {
  const shopper = await rt.cfg.adapter.shopper({ request: input.request ?? null, create: false });
  // Only an account proves whose data it is: an email typed at checkout proves nothing.
  if (!shopper?.signedIn || !shopper.email) throw new NotSignedInError();
  return { email: shopper.email, userRef: shopper.userRef };
}

/** The signed-in shopper's customer ids (none when Playcart has nothing about them). */
export async function ownCustomerIds(rt: Runtime, input: PrivacyInput): Promise<string[]> {
  return shopperCustomerIds(await rt.cfg.db(), await signedInShopper(rt, input));
}

export async function shopperDataFor(rt: Runtime, input: PrivacyInput): Promise<LoyaltyDataExport> {
  const customerIds = await ownCustomerIds(rt, input);
  return exportLoyaltyData(await rt.cfg.db(), { customerIds, now: await rt.cfg.now() });
}

export async function deleteShopperDataFor(rt: Runtime, input: PrivacyInput): Promise<ErasureResult> {
  const shopper = await signedInShopper(rt, input);
  const result = await eraseShopperData(await rt.cfg.db(), { shopper, now: await rt.cfg.now() });
  if (!input.request) {
    // From a server action: forget this browser's shopper in Playcart's own cookies too.
    try {
      const jar = await requestCookies();
      for (const name of SHOPPER_COOKIES) jar.delete(name);
    } catch {
      // Outside a server action or route handler: no cookies to clear.
    }
  }
  return result;
}

export const exportFileName = (now: Date) => `loyalty-data-${now.toISOString().slice(0, 10)}.json`;

import "server-only";
import { cookies } from "next/headers";
import { REFERRAL_CODE } from "playcart";

// Set by /r/<code>; read when an order is placed. Playcart judges it when the order is paid.
export const REFERRAL_COOKIE = "pc_ref";

export async function readReferralCode(): Promise<string | null> {
  const value = (await cookies()).get(REFERRAL_COOKIE)?.value?.toLowerCase();
  return value && REFERRAL_CODE.test(value) ? value : null;
}

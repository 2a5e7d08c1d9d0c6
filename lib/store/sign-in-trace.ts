import "server-only";
import { recordSignIn } from "playcart";
import { getDb } from "@/db/client";
import { storeNow } from "./clock";
import { ensureShopperSession } from "./shopper-session";

/**
 * Ties this browser to the account that just signed in: an order placed from it later, under
 * any email, is not a friend's (the referral rules read this trace). A failure is logged, never
 * in the way of signing in.
 */
export async function noteSignIn(user: { id?: string | null; email?: string | null }): Promise<void> {
  if (!user.email) return;
  try {
    const sessionRef = await ensureShopperSession();
    await recordSignIn(await getDb(), {
      email: user.email,
      userRef: user.id ?? null,
      sessionRef,
      now: await storeNow(),
    });
  } catch (err) {
    console.warn(`[playcart] could not note the sign-in: ${err instanceof Error ? err.message : err}`);
  }
}

// A reminder's link: restores the cart in the browser that opens it and sends it to the
// checkout, where the comeback game waits. The token is signed and expires; a bad or old
// link lands on the cart page with nothing changed. Cookies are set on the redirect itself.
import { type NextRequest, NextResponse } from "next/server";
import { readRestoreToken, recordReminderClick } from "playcart";
import { getDb } from "@/db/client";
import { currentViewer } from "@/lib/auth/guards";
import { reminderLinkSecret } from "@/lib/email/reminder-config";
import { restoreCart } from "@/lib/store/abandonment";
import { storeNow } from "@/lib/store/clock";
import { COMEBACK_COOKIE } from "@/lib/store/comeback";
import {
  newShopperSessionId,
  readShopperSession,
  SHOPPER_COOKIE,
  shopperCookieOptions,
} from "@/lib/store/shopper-session";

export const dynamic = "force-dynamic";

export async function GET(_req: NextRequest, ctx: { params: Promise<{ token: string }> }) {
  const { token } = await ctx.params;
  // A relative Location: Next reports a loopback host as "localhost", and a redirect there
  // would leave this host's new cookies behind.
  const to = (path: string) => new NextResponse(null, { status: 303, headers: { location: path } });
  const now = await storeNow();
  const claim = readRestoreToken(reminderLinkSecret(), token, now);
  if (!claim) return to("/cart?link=expired");
  const db = await getDb();
  const existing = await readShopperSession();
  const sessionId = existing ?? newShopperSessionId();
  const viewer = await currentViewer();
  const clicked = await recordReminderClick(db, {
    reminderId: claim.reminderId,
    cartRef: claim.cartRef,
    sessionRef: sessionId,
    now,
  });
  if (!clicked) return to("/cart?link=expired");
  await restoreCart(db, { sessionId, userId: viewer?.id ?? null }, clicked.cart);
  const res = to("/checkout?welcome=back");
  if (!existing) res.cookies.set(SHOPPER_COOKIE, sessionId, shopperCookieOptions());
  res.cookies.set(COMEBACK_COOKIE, String(claim.reminderId), {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: 7 * 86_400,
  });
  return res;
}

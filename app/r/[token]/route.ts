// A reminder's link: restores the cart in the browser that opens it and sends it to the
// checkout, where the comeback game waits. The token is signed and expires; a bad or old
// link lands on the cart page with nothing changed.
import { cookies } from "next/headers";
import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { readRestoreToken, recordReminderClick } from "@/lib/engage";
import { reminderLinkSecret } from "@/lib/email/reminder-config";
import { restoreCart } from "@/lib/store/abandonment";
import { COMEBACK_COOKIE } from "@/lib/store/comeback";
import { storeNow } from "@/lib/store/clock";
import { currentShopperForWrite } from "@/lib/store/owner";

export const dynamic = "force-dynamic";

export async function GET(req: NextRequest, ctx: { params: Promise<{ token: string }> }) {
  const { token } = await ctx.params;
  const claim = readRestoreToken(reminderLinkSecret(), token, await storeNow());
  const to = (path: string) => NextResponse.redirect(new URL(path, req.nextUrl.origin), 303);
  if (!claim) return to("/cart?link=expired");
  const db = await getDb();
  const shopper = await currentShopperForWrite();
  const clicked = await recordReminderClick(db, { reminderId: claim.reminderId, cartRef: claim.cartRef, sessionRef: shopper.sessionId });
  if (!clicked) return to("/cart?link=expired");
  await restoreCart(db, shopper, clicked.cart);
  (await cookies()).set(COMEBACK_COOKIE, String(claim.reminderId), { httpOnly: true, sameSite: "lax", path: "/", maxAge: 7 * 86_400 });
  return to("/checkout?welcome=back");
}

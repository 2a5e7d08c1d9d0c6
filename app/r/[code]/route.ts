// A referral link: remembers who referred this browser (a cookie read when an order is
// placed), logs the visit once per browser, and sends the shopper to the store.
import { type NextRequest, NextResponse } from "next/server";
import { REFERRAL_CODE, recordReferralVisit } from "playcart";
import { getDb } from "@/db/client";
import { storeNow } from "@/lib/store/clock";
import { sweepEventsAfterResponse } from "@/lib/store/event-sweep";
import { REFERRAL_COOKIE } from "@/lib/store/referral";
import { ensureShopperSession } from "@/lib/store/shopper-session";

export const dynamic = "force-dynamic";

export async function GET(req: NextRequest, { params }: { params: Promise<{ code: string }> }) {
  const { code: raw } = await params;
  const code = raw.toLowerCase();
  const home = new URL("/", req.url);
  if (!REFERRAL_CODE.test(code)) return NextResponse.redirect(home, 303);
  const sessionRef = await ensureShopperSession();
  const known = await recordReferralVisit(await getDb(), { code, sessionRef, now: await storeNow() });
  const res = NextResponse.redirect(home, 303);
  if (known) {
    res.cookies.set(REFERRAL_COOKIE, code, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 * 60 * 24 * 30 });
    sweepEventsAfterResponse();
  }
  return res;
}

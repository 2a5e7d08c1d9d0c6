// GET <base>/r/<code>: a referral link. Remembers who referred this browser (a cookie read
// when an order is placed), logs the visit once per browser, and sends the shopper to the store.
import { REFERRAL_CODE, recordReferralVisit } from "../../loyalty/index.ts";
import { REFERRAL_COOKIE, secureCookies } from "../cookies.ts";
import { cookie, originOf, redirect } from "../http.ts";
import type { Runtime } from "../runtime.ts";

export async function referralRoute(rt: Runtime, req: Request, rawCode: string): Promise<Response> {
  const { cfg } = rt;
  const code = rawCode.toLowerCase();
  if (!REFERRAL_CODE.test(code)) return redirect(cfg.pages.home);
  const shopper = await cfg.adapter.shopper({ request: req, create: true });
  if (!shopper?.id) return redirect(cfg.pages.home);
  const now = await cfg.now();
  const known = await recordReferralVisit(await cfg.db(), { code, sessionRef: shopper.id, now });
  if (!known) return redirect(cfg.pages.home);
  rt.sweepAfterResponse(now);
  const secure = secureCookies(cfg.siteUrl ?? originOf(req));
  return redirect(cfg.pages.home, [cookie(REFERRAL_COOKIE, code, { maxAgeSeconds: 30 * 86_400, secure })]);
}

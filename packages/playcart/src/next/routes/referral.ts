// GET <base>/r/<code>: a referral link. Remembers who referred this browser (a cookie read
// when an order is placed), logs the visit once per browser (marked as the referrer's own when
// she is the one signed in), and sends the shopper to the store at its public origin: behind a
// proxy the request's own URL names the app server, not the store.
import { REFERRAL_CODE, recordReferralVisit } from "../../loyalty/index.ts";
import { REFERRAL_COOKIE, secureCookies } from "../cookies.ts";
import { cookie, redirect } from "../http.ts";
import type { Runtime } from "../runtime.ts";

export async function referralRoute(rt: Runtime, req: Request, rawCode: string): Promise<Response> {
  const { cfg } = rt;
  const home = `${cfg.publicOrigin}${cfg.pages.home}`;
  const code = rawCode.toLowerCase();
  if (!REFERRAL_CODE.test(code)) return redirect(home);
  const shopper = await cfg.adapter.shopper({ request: req, create: true });
  if (!shopper?.id) return redirect(home);
  const now = await cfg.now();
  const visitor = shopper.signedIn ? { email: shopper.email, userRef: shopper.userRef } : { email: shopper.email };
  const known = await recordReferralVisit(await cfg.db(), { code, sessionRef: shopper.id, now, visitor });
  if (!known) return redirect(home);
  rt.sweepAfterResponse(now);
  const secure = secureCookies(cfg.publicOrigin);
  return redirect(home, [cookie(REFERRAL_COOKIE, code, { maxAgeSeconds: 30 * 86_400, secure })]);
}

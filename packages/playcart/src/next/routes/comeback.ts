// GET <base>/comeback/<token>: a reminder's link. Restores the cart in the browser that opens
// it (through the host's adapter) and sends it to the checkout, where the comeback game
// waits. The token is signed and expires; a bad or old link lands on the cart page with
// nothing changed.
import { readRestoreToken, recordReminderClick } from "../../reminders/index.ts";
import { COMEBACK_COOKIE, secureCookies } from "../cookies.ts";
import { cookie, redirect } from "../http.ts";
import type { Runtime } from "../runtime.ts";

export async function comebackRoute(rt: Runtime, req: Request, token: string): Promise<Response> {
  const { cfg } = rt;
  const expired = `${cfg.pages.cart}?link=expired`;
  const now = await cfg.now();
  let raw: string;
  try {
    raw = decodeURIComponent(token);
  } catch {
    return redirect(expired);
  }
  const claim = readRestoreToken(cfg.linkSecret, raw, now);
  if (!claim) return redirect(expired);
  const shopper = await cfg.adapter.shopper({ request: req, create: true });
  const clicked = await recordReminderClick(await cfg.db(), {
    reminderId: claim.reminderId,
    cartRef: claim.cartRef,
    sessionRef: shopper?.id ?? null,
    now,
  });
  if (!clicked) return redirect(expired);
  if (shopper && cfg.adapter.restoreCart) {
    await cfg.adapter.restoreCart(shopper, {
      email: clicked.cart.email,
      lines: clicked.cart.items.map((i) => ({
        productRef: i.productRef ?? null,
        name: i.name,
        quantity: i.quantity,
        unitPriceMinor: i.unitPriceMinor,
      })),
    });
  }
  const secure = secureCookies(cfg.publicOrigin);
  return redirect(`${cfg.pages.checkout}?welcome=back`, [
    cookie(COMEBACK_COOKIE, String(claim.reminderId), { maxAgeSeconds: 7 * 86_400, secure }),
  ]);
}

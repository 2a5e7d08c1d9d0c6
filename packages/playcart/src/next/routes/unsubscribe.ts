// <base>/unsubscribe/<token>. RFC 8058: a mail client's one-click POST (body
// `List-Unsubscribe=One-Click`) unsubscribes at once. A GET (a person, or a link scanner
// prefetching the URL) only shows a confirmation page whose button makes that same POST:
// a GET never unsubscribes by itself. Authorised by the signed token alone.
import { readUnsubscribeToken, withdrawConsent } from "../../reminders/index.ts";
import { html, json } from "../http.ts";
import type { Runtime } from "../runtime.ts";
import { unsubscribePage } from "./unsubscribe-page.ts";

const emailOf = (rt: Runtime, token: string) => {
  try {
    return readUnsubscribeToken(rt.cfg.linkSecret, decodeURIComponent(token));
  } catch {
    return null;
  }
};

export function unsubscribeGet(rt: Runtime, token: string): Response {
  const email = emailOf(rt, token);
  const home = rt.cfg.pages.home;
  if (!email) return html(unsubscribePage({ state: "invalid" }), 400);
  return html(unsubscribePage({ state: "confirm", email, home }));
}

export async function unsubscribePost(rt: Runtime, req: Request, token: string): Promise<Response> {
  const email = emailOf(rt, token);
  const wantsPage = (req.headers.get("accept") ?? "").includes("text/html");
  if (!email)
    return wantsPage
      ? html(unsubscribePage({ state: "invalid" }), 400)
      : json({ error: "invalid unsubscribe link" }, 400);
  await withdrawConsent(await rt.cfg.db(), { email, source: "list_unsubscribe_post", now: await rt.cfg.now() });
  // The same answer whether or not it was already done: unsubscribing is idempotent.
  return wantsPage ? html(unsubscribePage({ state: "done", home: rt.cfg.pages.home })) : json({ unsubscribed: true });
}

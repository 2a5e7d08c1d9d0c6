// Unsubscribe from reminder emails. RFC 8058: a mail client's one-click POST (body
// `List-Unsubscribe=One-Click`) unsubscribes at once. A GET (a person, or a link scanner
// prefetching the URL) only shows a confirmation page whose button makes that same POST:
// a GET never unsubscribes by itself.
import type { NextRequest } from "next/server";
import { emailOfUnsubscribeToken, unsubscribeByToken } from "@/lib/store/unsubscribe";
import { unsubscribePage } from "@/lib/store/unsubscribe-page";

export const dynamic = "force-dynamic";

const html = (body: string, status = 200) =>
  new Response(body, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });

export async function GET(_req: NextRequest, ctx: { params: Promise<{ token: string }> }) {
  const { token } = await ctx.params;
  const email = emailOfUnsubscribeToken(token);
  if (!email) return html(unsubscribePage({ state: "invalid" }), 400);
  return html(unsubscribePage({ state: "confirm", email }));
}

export async function POST(req: NextRequest, ctx: { params: Promise<{ token: string }> }) {
  const { token } = await ctx.params;
  const result = await unsubscribeByToken(token, "list_unsubscribe_post");
  const wantsPage = (req.headers.get("accept") ?? "").includes("text/html");
  if (result === null)
    return wantsPage
      ? html(unsubscribePage({ state: "invalid" }), 400)
      : Response.json({ error: "invalid unsubscribe link" }, { status: 400 });
  // The same answer whether or not it was already done: unsubscribing is idempotent.
  return wantsPage ? html(unsubscribePage({ state: "done" })) : Response.json({ unsubscribed: true });
}

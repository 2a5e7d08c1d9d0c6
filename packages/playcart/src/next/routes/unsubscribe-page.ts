// The unsubscribe pages: plain HTML (no scripts, no host styles), so they work from any mail
// client's browser. The POST goes back to the same URL (the form has no action).
import { escapeHtml } from "../http.ts";

type State = { state: "confirm"; email: string; home: string } | { state: "done"; home: string } | { state: "invalid" };

export function unsubscribePage(s: State): string {
  const body =
    s.state === "confirm"
      ? `<h1>Unsubscribe from cart reminders?</h1>
<p>We will stop emailing <strong>${escapeHtml(s.email)}</strong> about carts and offers. Receipts still arrive.</p>
<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>`
      : s.state === "done"
        ? `<h1>You are unsubscribed</h1><p role="status">You will get no more reminders from us. You can opt in again at checkout.</p><p><a href="${escapeHtml(s.home)}">Back to the shop</a></p>`
        : `<h1>This unsubscribe link is not valid</h1><p>Use the link from your most recent email, or reply to it and we will unsubscribe you by hand.</p>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Unsubscribe</title>
<style>body{font-family:system-ui,sans-serif;color:#1c1917;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5}button{background:#047857;color:#fff;border:0;border-radius:.5rem;padding:.75rem 1.25rem;font-size:1rem;cursor:pointer}button:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}a{color:#047857}</style>
</head><body>${body}</body></html>`;
}

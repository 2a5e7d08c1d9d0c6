// The email that tells a shopper some of their points expire soon: how many, what they are
// worth and when, in the store's time zone, with the one-click unsubscribe of every marketing
// email (RFC 8058). Plain markup: one short paragraph needs no React template.
import type { ExpiryNotice } from "../../reminders/index.ts";
import type { OutgoingMail } from "./mail-transport.ts";
import type { StoreInfo } from "./reminder-email.ts";

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function buildPointsExpiryEmail(
  n: ExpiryNotice,
  words: { money: (minor: number) => string; date: (at: Date) => string },
  links: { shopUrl: string; unsubscribeUrl: string },
  store: StoreInfo,
): OutgoingMail {
  const line = `${n.points} points (${words.money(n.valueMinor)}) expire on ${words.date(n.expiresAt)}.`;
  const subject = `Your ${store.storeName} points expire on ${words.date(n.expiresAt)}`;
  const text = [
    store.storeName,
    "",
    line,
    "Use them on your next order before they go.",
    "",
    `Shop now: ${links.shopUrl}`,
    "",
    "--",
    `You get this email because you agreed to hear from ${store.storeName}.`,
    `Unsubscribe: ${links.unsubscribeUrl}`,
    `${store.storeName} · ${store.postalAddress}`,
    "",
  ].join("\n");
  const html = `<!doctype html><html lang="en"><body style="font-family:sans-serif">
<p><strong>${escapeHtml(store.storeName)}</strong></p>
<p>${escapeHtml(line)}</p>
<p>Use them on your next order before they go.</p>
<p><a href="${escapeHtml(links.shopUrl)}">Shop now</a></p>
<hr><p style="font-size:12px">You get this email because you agreed to hear from ${escapeHtml(store.storeName)}.
<a href="${escapeHtml(links.unsubscribeUrl)}">Unsubscribe</a><br>${escapeHtml(store.postalAddress)}</p>
</body></html>`;
  return {
    to: n.email,
    subject,
    html,
    text,
    headers: {
      "List-Unsubscribe": `<${links.unsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}

// Builds an abandoned-cart reminder: subject, HTML (the React Email template), a plain-text
// part and the RFC 8058 unsubscribe headers. It names the store (and shows its logo), the cart
// with its images (raster only: Gmail and Outlook show no SVG) and what the comeback game can win. Rendering React is the slow part (about 1.5 ms),
// so the HTML is rendered once per cart content with placeholder links and the shopper's own
// links are substituted in: a thousand reminders for a popular cart cost one render.
import { render } from "@react-email/render";
import { createElement } from "react";
import { currencyExponent } from "../../core/money.ts";
import { type ReminderMessage, type ReminderWords, reminderCopy } from "../../reminders/index.ts";
import { ReminderEmail, type ReminderEmailProps } from "./reminder-template.tsx";

export type ReminderLinks = { restoreUrl: string; unsubscribeUrl: string };
export type StoreInfo = { storeName: string; postalAddress: string; origin: string; logoUrl: string | null };
/** The comeback game a shopper is offered on coming back, and the prizes it gives now (none sold out). */
export type ComebackGame = {
  name: string;
  prizes: string[];
  /** The market's words: a gift is never called a win (UK CAP 8.19). Default "win". */
  wording?: "win" | "gift";
};
export type BuiltMail = { to: string; subject: string; html: string; text: string; headers: Record<string, string> };

const RESTORE = "https://placeholder.invalid/restore";
const UNSUBSCRIBE = "https://placeholder.invalid/unsubscribe";

// Creating an Intl.NumberFormat costs more than formatting with one: one per currency.
const formats = new Map<string, Intl.NumberFormat>();
function money(minor: number, currency: string) {
  const code = currency.toUpperCase();
  let f = formats.get(code);
  if (!f) {
    f = new Intl.NumberFormat("en-US", { style: "currency", currency: code });
    formats.set(code, f);
  }
  return f.format(minor / 10 ** currencyExponent(code));
}

// Images an email client shows: Gmail and Outlook drop SVG, so a cart line with one shows none.
const RASTER = /\.(png|jpe?g|gif)$/i;

/** "a, b or c" */
export function listWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}

const cache = new Map<string, string>();
const CACHE_LIMIT = 500;

async function htmlFor(props: ReminderEmailProps): Promise<string> {
  const key = JSON.stringify(props);
  const hit = cache.get(key);
  if (hit) return hit;
  const html = await render(createElement(ReminderEmail, props));
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, html);
  return html;
}

export async function buildReminderEmail(
  m: ReminderMessage,
  links: ReminderLinks,
  store: StoreInfo,
  extras: { words?: ReminderWords | null; comeback?: ComebackGame | null } = {},
): Promise<BuiltMail> {
  const { subject, headline, intro } = reminderCopy(extras.words ?? null, m.step, m.discountPercent, store.storeName);
  const comeback = extras.comeback?.prizes.length ? extras.comeback : null;
  const prizeLine = !comeback
    ? null
    : comeback.wording === "gift"
      ? `Play ${comeback.name} when you come back for a gift: ${listWords(comeback.prizes)}.`
      : `Play ${comeback.name} when you come back: you could win ${listWords(comeback.prizes)}.`;
  const items = m.items.map((i) => {
    // Images must be absolute in an email.
    const image = i.imageUrl ? new URL(i.imageUrl, store.origin) : null;
    return {
      name: i.name,
      quantity: i.quantity,
      lineTotal: money(i.unitPriceMinor * i.quantity, m.currency),
      imageUrl: image && RASTER.test(image.pathname) ? image.toString() : null,
    };
  });
  const total = money(m.valueMinor, m.currency);
  const props: ReminderEmailProps = {
    storeName: store.storeName,
    logoUrl: store.logoUrl,
    postalAddress: store.postalAddress,
    headline,
    intro,
    items,
    total,
    discountPercent: m.discountPercent,
    prizeLine,
    restoreUrl: RESTORE,
    unsubscribeUrl: UNSUBSCRIBE,
  };
  const html = (await htmlFor(props))
    .replaceAll(RESTORE, escapeAttr(links.restoreUrl))
    .replaceAll(UNSUBSCRIBE, escapeAttr(links.unsubscribeUrl));
  const text = [
    store.storeName,
    "",
    headline,
    "",
    ...intro,
    "",
    ...items.map((i) => `${i.quantity} x ${i.name}  ${i.lineTotal}`),
    `Total ${total}`,
    ...(m.discountPercent ? ["", `Come back today and take ${m.discountPercent}% off this cart.`] : []),
    ...(prizeLine ? ["", prizeLine] : []),
    "",
    comeback ? `Return to your cart and play: ${links.restoreUrl}` : `Return to your cart: ${links.restoreUrl}`,
    "",
    "--",
    `You get this email because you agreed to hear from ${store.storeName} at checkout.`,
    `Unsubscribe: ${links.unsubscribeUrl}`,
    `${store.storeName} · ${store.postalAddress}`,
    "",
  ].join("\n");
  return {
    to: m.email,
    subject,
    html,
    text,
    headers: {
      "List-Unsubscribe": `<${links.unsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "X-Playcart-Reminder": `${m.reminderId}`,
    },
  };
}

const escapeAttr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

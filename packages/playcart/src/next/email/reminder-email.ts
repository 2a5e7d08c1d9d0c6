// Builds an abandoned-cart reminder: subject, HTML (the React Email template), a plain-text
// part and the RFC 8058 unsubscribe headers. Rendering React is the slow part (about 1.5 ms),
// so the HTML is rendered once per cart content with placeholder links and the shopper's own
// links are substituted in: a thousand reminders for a popular cart cost one render.
import { render } from "@react-email/render";
import { createElement } from "react";
import { currencyExponent } from "../../core/money.ts";
import type { ReminderMessage } from "../../reminders/index.ts";
import { ReminderEmail, type ReminderEmailProps } from "./reminder-template.tsx";

export type ReminderLinks = { restoreUrl: string; unsubscribeUrl: string; unsubscribeMailto: string };
export type StoreInfo = { storeName: string; postalAddress: string; origin: string };
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

function copy(step: number, discountPercent: number | null) {
  if (discountPercent)
    return {
      subject: `${discountPercent}% off the cart you left`,
      headline: "Still thinking it over?",
      intro: `Your cart is saved, and for a little while it comes with ${discountPercent}% off.`,
    };
  if (step === 1)
    return {
      subject: "You left something in your cart",
      headline: "Your cart is waiting",
      intro: "We kept everything you picked. Come back whenever you are ready.",
    };
  return {
    subject: "Your cart is still saved",
    headline: "Still yours",
    intro: "The things you chose are still in your cart.",
  };
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
): Promise<BuiltMail> {
  const { subject, headline, intro } = copy(m.step, m.discountPercent);
  const items = m.items.map((i) => ({
    name: i.name,
    quantity: i.quantity,
    lineTotal: money(i.unitPriceMinor * i.quantity, m.currency),
    // Images must be absolute in an email.
    imageUrl: i.imageUrl ? new URL(i.imageUrl, store.origin).toString() : null,
  }));
  const total = money(m.valueMinor, m.currency);
  const props: ReminderEmailProps = {
    storeName: store.storeName,
    postalAddress: store.postalAddress,
    headline,
    intro,
    items,
    total,
    discountPercent: m.discountPercent,
    restoreUrl: RESTORE,
    unsubscribeUrl: UNSUBSCRIBE,
  };
  const html = (await htmlFor(props))
    .replaceAll(RESTORE, escapeAttr(links.restoreUrl))
    .replaceAll(UNSUBSCRIBE, escapeAttr(links.unsubscribeUrl));
  const text = [
    headline,
    "",
    intro,
    "",
    ...items.map((i) => `${i.quantity} x ${i.name}  ${i.lineTotal}`),
    `Total ${total}`,
    ...(m.discountPercent ? ["", `Come back today and take ${m.discountPercent}% off this cart.`] : []),
    "",
    `Return to your cart and play the comeback game: ${links.restoreUrl}`,
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
      "List-Unsubscribe": `<${links.unsubscribeUrl}>, <${links.unsubscribeMailto}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "X-Playcart-Reminder": `${m.reminderId}`,
    },
  };
}

const escapeAttr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

// The email sender handed to Playcart's dispatcher: signs the shopper's links, builds the
// message (with the owner's words and the comeback game's prizes), and sends it through the
// mail transport (SMTP, DKIM-signed when configured, or the dev host's outbox).
import { type ReminderMessage, type ReminderWords, restoreToken, unsubscribeToken } from "../../reminders/index.ts";
import type { EmailConfig, Outbox } from "../config.ts";
import { fromAddress } from "./dkim.ts";
import { mailTransport } from "./mail-transport.ts";
import { buildReminderEmail, type ComebackGame, type ReminderLinks, type StoreInfo } from "./reminder-email.ts";

/**
 * The store's name in every email: `email.storeName` when the host gives one, else the display
 * name of the From address ("Corner Roastery <shop@…>"), else the sender's domain.
 */
export function storeNameOf(email: Pick<EmailConfig, "from" | "storeName">): string {
  const display = /^\s*"?([^"<]+?)"?\s*</.exec(email.from)?.[1]?.trim();
  return email.storeName?.trim() || display || fromAddress(email.from).split("@").pop() || "our store";
}

/** The store facts every marketing email carries. */
export function storeInfo(email: EmailConfig, origin: string): StoreInfo {
  const logoUrl = email.logoUrl ? new URL(email.logoUrl, origin).toString() : null;
  return { storeName: storeNameOf(email), postalAddress: email.postalAddress, origin, logoUrl };
}

export type LinkBase = { origin: string; basePath: string; secret: string };

// Only the https one-click address: a mailto: address would need a mailbox that reads the
// unsubscribe requests, and an address nobody reads unsubscribes nobody (RFC 8058 needs https).
export function reminderLinks(m: ReminderMessage, base: LinkBase, now: Date): ReminderLinks {
  const root = `${base.origin}${base.basePath}`;
  return {
    restoreUrl: `${root}/comeback/${restoreToken(base.secret, { reminderId: m.reminderId, cartRef: m.cartRef }, now)}`,
    unsubscribeUrl: `${root}/unsubscribe/${unsubscribeToken(base.secret, m.email)}`,
  };
}

export type ReminderSendOptions = {
  /** The owner's words (admin, Reminder email); null: the built-in words for each step. */
  words?: ReminderWords | null;
  /** The comeback game this shopper would be offered on coming back, with the prizes it can give. */
  comeback?: (m: ReminderMessage) => Promise<ComebackGame | null>;
};

/**
 * Sends one reminder email; throws SendFailure (permanent or not) when SMTP refuses it.
 * One SMTP pool per sender: call `close()` when the run is over, so no connection lingers.
 * Without smtpUrl the message goes to the host's outbox, or is dropped with a log line.
 */
export function reminderEmailSender(
  email: EmailConfig,
  base: LinkBase,
  now: () => Date,
  outbox: Outbox | null = null,
  options: ReminderSendOptions = {},
) {
  const store = storeInfo(email, base.origin);
  const transport = mailTransport(email, outbox);
  const send = async (m: ReminderMessage) => {
    const comeback = options.comeback ? await options.comeback(m) : null;
    const mail = await buildReminderEmail(m, reminderLinks(m, base, now()), store, {
      words: options.words ?? null,
      comeback,
    });
    const via = await transport(mail);
    if (via === "dropped")
      console.warn(`[playcart] no smtpUrl and no outbox: reminder ${m.reminderId} was not emailed`);
  };
  return Object.assign(send, { close: transport.close });
}

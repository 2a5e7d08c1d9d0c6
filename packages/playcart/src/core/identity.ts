// Who a shopper is. Playcart judges a person (first purchase, play allowances, referrals,
// holdout, segments, the customer record) by personKey(email); mail goes to mailAddress(email),
// the address as typed. The keys per-person limits hold on are the person key, the account
// and the device cookie: any one of them already at its limit stops the play.
import { type SQL, sql } from "drizzle-orm";

const GMAIL = new Set(["gmail.com", "googlemail.com"]);
// What String.prototype.trim would strip that Postgres' btrim(x, chars) can mirror exactly.
const EDGE_SPACE = /^[ \t\n\r\f\v]+|[ \t\n\r\f\v]+$/g;

/** The address to send mail to: trimmed and lower-cased, otherwise as the shopper typed it. */
export function mailAddress(email: string): string {
  return email.replace(EDGE_SPACE, "").toLowerCase();
}

/**
 * The person an email belongs to. Case, surrounding space and "+tags" never make a new
 * person; for Gmail, dots in the local part do not either, and googlemail.com is gmail.com
 * (J.Doe+x@GoogleMail.com is jdoe@gmail.com). Dots elsewhere are kept: other providers treat
 * them as part of the name. Something that is not one local part, one "@" and a domain is
 * only trimmed and lower-cased, so two different malformed inputs never become one person.
 * Idempotent: personKey(personKey(x)) === personKey(x). The database has the same function
 * (playcart_person_key, migration 0002) for statements that read the host's addresses.
 */
export function personKey(email: string): string {
  const address = mailAddress(email);
  const at = address.indexOf("@");
  const local = address.slice(0, at);
  let domain = address.slice(at + 1);
  if (at <= 0 || domain === "" || domain.includes("@")) return address;
  let name = local.split("+")[0] || local;
  if (GMAIL.has(domain)) {
    name = name.replace(/\./g, "") || name;
    domain = "gmail.com";
  }
  return `${name}@${domain}`;
}

/** personKey in SQL, over an expression holding an email (the database function). */
export const personKeySql = (email: SQL | string): SQL => sql`playcart_person_key(${email})`;

/** @deprecated The same as personKey. */
export const limitEmail = personKey;

export type Shopper = { email?: string | null; userRef?: string | null; deviceId?: string | null };

export function identityKeys(s: Shopper): string[] {
  const keys: string[] = [];
  if (s.email) keys.push(`email:${personKey(s.email)}`);
  if (s.userRef) keys.push(`user:${s.userRef}`);
  if (s.deviceId) keys.push(`device:${s.deviceId}`);
  // Sorted: every transaction takes the allowance row locks in the same order (no deadlocks).
  return keys.sort();
}

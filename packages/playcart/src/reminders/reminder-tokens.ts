// Signed links in reminders: a cart-restore token that expires, and an unsubscribe token
// that does not (an unsubscribe link must keep working). HMAC-SHA256 over the payload with
// the host's secret; compared in constant time.
import { createHmac, timingSafeEqual } from "node:crypto";

const mac = (secret: string, purpose: string, body: string) =>
  createHmac("sha256", secret).update(`${purpose}:${body}`).digest("base64url");

function sign(secret: string, purpose: string, payload: object): string {
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${mac(secret, purpose, body)}`;
}

function verify<T>(secret: string, purpose: string, token: string): T | null {
  if (typeof token !== "string" || token.length > 2000) return null;
  const [body, tag, extra] = token.split(".");
  if (!body || !tag || extra !== undefined) return null;
  const want = Buffer.from(mac(secret, purpose, body));
  const got = Buffer.from(tag);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return null;
  try {
    return JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as T;
  } catch {
    return null;
  }
}

export type RestoreClaim = { reminderId: number; cartRef: string };
export const RESTORE_LINK_DAYS = 14;

export function restoreToken(secret: string, claim: RestoreClaim, now: Date, validDays = RESTORE_LINK_DAYS): string {
  return sign(secret, "restore", {
    r: claim.reminderId,
    c: claim.cartRef,
    exp: Math.floor(now.getTime() / 1000) + validDays * 86_400,
  });
}

/** The reminder and cart a restore token names, or null if forged or expired. */
export function readRestoreToken(secret: string, token: string, now: Date): RestoreClaim | null {
  const p = verify<{ r: unknown; c: unknown; exp: unknown }>(secret, "restore", token);
  if (!p || typeof p.r !== "number" || typeof p.c !== "string" || typeof p.exp !== "number") return null;
  if (p.exp * 1000 < now.getTime()) return null;
  return { reminderId: p.r, cartRef: p.c };
}

export function unsubscribeToken(secret: string, email: string): string {
  return sign(secret, "unsubscribe", { e: email });
}

export function readUnsubscribeToken(secret: string, token: string): string | null {
  const p = verify<{ e: unknown }>(secret, "unsubscribe", token);
  return p && typeof p.e === "string" ? p.e : null;
}

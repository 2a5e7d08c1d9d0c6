// The email a shopper gave Playcart in this browser (at a first-order game's email step, or
// with an order), remembered in a cookie Playcart signs with the host's secret and binds to
// the browser's own key (the adapter's shopper id): another browser's key, or an edited value,
// reads as nothing. It tells Playcart who is playing (audiences, first order, play limits) and
// prefills the checkout; like any typed email, it never unlocks a reward.
import { createHmac, timingSafeEqual } from "node:crypto";
import { cookies as requestCookies, headers as requestHeaders } from "next/headers.js";
import { z } from "zod";
import type { Resolved, Shopper } from "./config.ts";
import { secureCookies } from "./cookies.ts";
import { cookie, readCookie } from "./http.ts";

export const REMEMBERED_EMAIL_COOKIE = "pc_email";
const MAX_AGE_SECONDS = 30 * 86_400;

/** An email as a shopper types it: trimmed, at most 254 characters, well formed. */
export const emailInput = z
  .string({ message: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@example.com."));

const mac = (cfg: Pick<Resolved, "linkSecret">, shopperId: string, email: string) =>
  createHmac("sha256", cfg.linkSecret).update(`remembered-email:${shopperId}\n${email}`).digest("base64url");

function cookieValue(cfg: Pick<Resolved, "linkSecret">, shopperId: string, email: string): string {
  return `${Buffer.from(email).toString("base64url")}.${mac(cfg, shopperId, email)}`;
}

/** The email this browser gave, if its cookie is Playcart's and bound to this shopper. */
export function rememberedEmail(
  cfg: Pick<Resolved, "linkSecret">,
  headers: Headers | null | undefined,
  shopper: Pick<Shopper, "id"> | null,
): string | null {
  return headers ? verified(cfg, readCookie(headers, REMEMBERED_EMAIL_COOKIE), shopper) : null;
}

/**
 * The same for a page or server action: through cookies(), which also sees a cookie this very
 * request has just set (a checkout shown again after priceOrder remembered a new email); the
 * given request's or headers' cookie outside one.
 */
export async function rememberedEmailOfRequest(
  cfg: Pick<Resolved, "linkSecret">,
  input: { request?: Request | null; headers?: Headers | null },
  shopper: Pick<Shopper, "id"> | null,
): Promise<string | null> {
  if (input.request) return rememberedEmail(cfg, input.request.headers, shopper);
  try {
    return verified(cfg, (await requestCookies()).get(REMEMBERED_EMAIL_COOKIE)?.value ?? null, shopper);
  } catch {
    return rememberedEmail(cfg, input.headers, shopper);
  }
}

function verified(
  cfg: Pick<Resolved, "linkSecret">,
  value: string | null,
  shopper: Pick<Shopper, "id"> | null,
): string | null {
  if (!shopper?.id || !value || value.length > 1_000) return null;
  const [body, tag, extra] = value.split(".");
  if (!body || !tag || extra !== undefined) return null;
  const email = Buffer.from(body, "base64url").toString("utf8");
  const want = Buffer.from(mac(cfg, shopper.id, email));
  const got = Buffer.from(tag);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return null;
  return emailInput.safeParse(email).success ? email : null;
}

/** The Set-Cookie header that remembers `email` for this browser (a route's response). */
export function rememberEmailCookie(
  cfg: Pick<Resolved, "linkSecret" | "publicOrigin">,
  shopperId: string,
  email: string,
): string {
  return cookie(REMEMBERED_EMAIL_COOKIE, cookieValue(cfg, shopperId, email), {
    maxAgeSeconds: MAX_AGE_SECONDS,
    secure: secureCookies(cfg.publicOrigin),
  });
}

/**
 * Remembers `email` from a server action (priceOrder). Where cookies cannot be set (a server
 * component, a script), nothing is remembered: the next checkout reads what the host knows.
 */
export async function rememberEmailInAction(
  cfg: Pick<Resolved, "linkSecret" | "publicOrigin">,
  shopperId: string | null,
  email: string,
): Promise<void> {
  if (!shopperId || !emailInput.safeParse(email).success) return;
  try {
    (await requestCookies()).set(REMEMBERED_EMAIL_COOKIE, cookieValue(cfg, shopperId, email), {
      path: "/",
      maxAge: MAX_AGE_SECONDS,
      httpOnly: true,
      sameSite: "lax",
      secure: secureCookies(cfg.publicOrigin),
    });
  } catch {
    // Outside a server action or route handler: nothing to set the cookie on.
  }
}

/** The current request's headers in a server action or component; null outside a request. */
export async function actionHeaders(): Promise<Headers | null> {
  try {
    return await requestHeaders();
  } catch {
    return null;
  }
}

import "server-only";
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";

// One random id per browser: keys the guest cart and the guest's orders.
export const SHOPPER_COOKIE = "pc_sid";
const ONE_YEAR = 60 * 60 * 24 * 365;
const VALID = /^[A-Za-z0-9_-]{32,64}$/;

export async function readShopperSession(): Promise<string | null> {
  const value = (await cookies()).get(SHOPPER_COOKIE)?.value;
  return value && VALID.test(value) ? value : null;
}

export const newShopperSessionId = () => randomBytes(24).toString("base64url");

export const shopperCookieOptions = () => ({
  httpOnly: true,
  sameSite: "lax" as const,
  secure: process.env.NODE_ENV === "production" && process.env.AUTH_URL?.startsWith("https://") === true,
  path: "/",
  maxAge: ONE_YEAR,
});

/** For server actions and route handlers (the only places that may set cookies). */
export async function ensureShopperSession(): Promise<string> {
  const existing = await readShopperSession();
  if (existing) return existing;
  const id = newShopperSessionId();
  (await cookies()).set(SHOPPER_COOKIE, id, shopperCookieOptions());
  return id;
}

// Small HTTP pieces every Playcart route uses: replies, a body read with a size limit, the
// same-origin check for routes that act for the browser's shopper, and cookies.
import { timingSafeEqual } from "node:crypto";

// no-store: nothing Playcart answers may be cached. no-transform: a small JSON body is not
// worth a gzip stream per response.
export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store, no-transform", ...headers },
  });

/** Text for an HTML body or attribute: names come from the store's admin, never trusted as markup. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const html = (body: string, status = 200) =>
  new Response(body, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });

/**
 * A 303 to a path (the browser keeps its own host) or to a URL at config.publicOrigin; never one
 * built from the request's URL, which behind a proxy names the app server ("localhost").
 */
export const redirect = (location: string, cookies: string[] = []) => {
  const headers = new Headers({ location, "cache-control": "no-store" });
  for (const c of cookies) headers.append("set-cookie", c);
  return new Response(null, { status: 303, headers });
};

export class BodyTooLarge extends Error {}

/** The raw body as text, refusing (BodyTooLarge) past `limit` bytes without reading the rest. */
export async function readBody(req: Request, limit: number): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > limit) throw new BodyTooLarge();
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size).toString("utf8");
}

export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response };

// A play answers in the game's own shape; other routes with { error }.
const playShape = (message: string) => ({ status: "error", code: "invalid", message });
const errorShape = (message: string) => ({ error: message });

/** A JSON body within `limit`: 413 past it, 400 when it is not JSON. */
export async function readJson(req: Request, limit: number, shape: "play" | "error" = "error"): Promise<JsonBody> {
  const body = shape === "play" ? playShape : errorShape;
  let raw: string;
  try {
    raw = await readBody(req, limit);
  } catch (err) {
    if (err instanceof BodyTooLarge) return { ok: false, response: json(body("The request was too large."), 413) };
    throw err;
  }
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false, response: json(body("The request was not valid JSON."), 400) };
  }
}

/**
 * Routes that act for the shopper behind this browser's cookies answer only the store's own
 * pages: a JSON body (a cross-site form cannot send one without a CORS preflight, never
 * granted here) and, where the browser says where the request came from, the same origin.
 */
export function fromSameOrigin(req: Request): boolean {
  if (!(req.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) return false;
  return sameSiteFetch(req);
}

/** A fetch from the store's own pages, as the browser reports it (no header: not a browser fetch, allowed). */
export function sameSiteFetch(req: Request): boolean {
  const site = req.headers.get("sec-fetch-site");
  return site === null || site === "same-origin";
}

/** `Authorization: Bearer <secret>`, compared in constant time. No secret configured: refused. */
export function bearerMatches(header: string | null, secret: string | null): boolean {
  if (!secret || !header?.startsWith("Bearer ")) return false;
  const got = Buffer.from(header.slice(7));
  const want = Buffer.from(secret);
  return got.length === want.length && timingSafeEqual(got, want);
}

export function readCookie(headers: Headers, name: string): string | null {
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

export function cookie(name: string, value: string, opts: { maxAgeSeconds: number; secure: boolean }): string {
  return `${name}=${encodeURIComponent(value)}; Path=/; Max-Age=${opts.maxAgeSeconds}; HttpOnly; SameSite=Lax${opts.secure ? "; Secure" : ""}`;
}

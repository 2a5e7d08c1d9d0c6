// When a back office on another site frames /admin (ADMIN_FRAME_ANCESTORS), the browser sends
// cookies into that third-party frame only if they are SameSite=None; Secure, which needs
// https. Then, and only then, Auth.js's cookies are set that way; otherwise they keep its
// defaults (SameSite=Lax), which also cover a back office on the store's own site.
type CookieOptions = { httpOnly: boolean; sameSite: "none"; path: string; secure: true };
type AuthCookies = Record<"sessionToken" | "csrfToken" | "callbackUrl", { name: string; options: CookieOptions }>;

export function framedAdminCookies(env: {
  ADMIN_FRAME_ANCESTORS?: string;
  AUTH_URL?: string;
}): AuthCookies | undefined {
  const https = (env.AUTH_URL ?? "").startsWith("https://");
  const framedByOrigin = (env.ADMIN_FRAME_ANCESTORS ?? "").split(/\s+/).some((source) => /^https:\/\//.test(source));
  if (!https || !framedByOrigin) return undefined;
  const options = (httpOnly: boolean): CookieOptions => ({ httpOnly, sameSite: "none", path: "/", secure: true });
  return {
    sessionToken: { name: "__Secure-authjs.session-token", options: options(true) },
    csrfToken: { name: "__Host-authjs.csrf-token", options: options(true) },
    callbackUrl: { name: "__Secure-authjs.callback-url", options: options(true) },
  };
}

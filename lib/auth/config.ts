// The part of the Auth.js config that needs no database (sessions are JWTs).
import type { NextAuthConfig } from "next-auth";
import { framedAdminCookies } from "./frame-cookies";

const cookies = framedAdminCookies({
  ADMIN_FRAME_ANCESTORS: process.env.ADMIN_FRAME_ANCESTORS,
  AUTH_URL: process.env.AUTH_URL,
});

export const authConfig = {
  pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin" },
  session: { strategy: "jwt" },
  ...(cookies ? { cookies } : {}),
  providers: [],
  callbacks: {
    // Next.js reports a loopback host (127.0.0.1, [::1]) as "localhost" in a route handler's
    // request URL, so Auth.js's baseUrl can name another host than the browser is on (and
    // than the emailed link, built from AUTH_URL or the Host header). The default callback
    // then sends the shopper to http://localhost:PORT/, where the new session cookie is not
    // sent. Same-site targets are answered as paths: the browser keeps its own host.
    redirect({ url, baseUrl }) {
      try {
        const base = new URL(baseUrl);
        // Parsed against the base, so "/\\evil.example" and the like resolve off-site.
        const target = new URL(url, base);
        const loopback = (h: string) => h === "localhost" || h === "[::1]" || /^127(\.\d{1,3}){3}$/.test(h);
        const sameSite =
          target.origin === base.origin ||
          (target.protocol === base.protocol &&
            target.port === base.port &&
            loopback(target.hostname) &&
            loopback(base.hostname));
        // One leading slash: "//host" would be read by the browser as another site.
        if (sameSite) return `/${target.pathname.replace(/^\/+/, "")}${target.search}${target.hash}`;
      } catch {
        // Not a URL: fall through to the home page.
      }
      return "/";
    },
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
} satisfies NextAuthConfig;

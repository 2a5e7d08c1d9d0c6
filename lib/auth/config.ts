// The part of the Auth.js config that needs no database (sessions are JWTs).
import type { NextAuthConfig } from "next-auth";

export const authConfig = {
  pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin" },
  session: { strategy: "jwt" },
  providers: [],
  callbacks: {
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

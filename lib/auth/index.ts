import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth from "next-auth";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { sendSignInLink } from "@/lib/email/sign-in-link";
import { env } from "@/lib/env";
import { noteSignIn } from "@/lib/store/sign-in-trace";
import { authConfig } from "./config";

// Lazy: the database opens on the first auth request, never at build time.
export const { handlers, auth, signIn, signOut } = NextAuth(async () => {
  const db = await getDb();
  return {
    ...authConfig,
    secret: env().AUTH_SECRET,
    events: { signIn: ({ user }) => noteSignIn(user) },
    adapter: DrizzleAdapter(db, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }),
    providers: [
      {
        id: "email",
        type: "email",
        name: "Email",
        from: env().MAIL_FROM,
        maxAge: 24 * 60 * 60,
        options: {},
        async sendVerificationRequest({ identifier, url }) {
          await sendSignInLink(identifier, url);
        },
      },
    ],
  };
});

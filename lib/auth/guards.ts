import "server-only";
import { eq } from "drizzle-orm";
import { cookies } from "next/headers";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { env } from "@/lib/env";
import { auth } from "./index";

export type Viewer = { id: string; email: string; name: string | null; isAdmin: boolean };

export class AuthorizationError extends Error {
  constructor(public readonly reason: "unauthenticated" | "forbidden") {
    super(reason === "unauthenticated" ? "Please sign in." : "You are not allowed to do that.");
    this.name = "AuthorizationError";
  }
}

// Auth.js's default session cookie (chunked as .0, .1, ... when large; __Secure- on https).
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

/** The signed-in user, read fresh from the database (a JWT can outlive a role change). */
export async function currentViewer(): Promise<Viewer | null> {
  // Without a session cookie there is no viewer. auth() would still build a CSRF token (a
  // SHA-256 digest) per call: about 1 ms of CPU on every guest request, each play included.
  if (!(await cookies()).getAll().some((c) => SESSION_COOKIE.test(c.name))) return null;
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const db = await getDb();
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(eq(users.id, id));
  if (!user?.email) return null;
  const isAdmin = isOwner({ email: user.email, role: user.role });
  return { id: user.id, email: user.email, name: user.name, isAdmin };
}

export async function requireViewer(): Promise<Viewer> {
  const viewer = await currentViewer();
  if (!viewer) throw new AuthorizationError("unauthenticated");
  return viewer;
}

export async function requireAdmin(): Promise<Viewer> {
  const viewer = await requireViewer();
  if (!viewer.isAdmin) throw new AuthorizationError("forbidden");
  return viewer;
}

/** A store owner: listed in ADMIN_EMAILS or given the admin role. */
const isOwner = (user: { email: string; role: string | null }) =>
  user.role === "admin" || env().ADMIN_EMAILS.includes(user.email.toLowerCase());

/** Where signing in lands when no page asked for it: an owner's admin, a shopper's account. */
export async function homeAfterSignIn(email: string): Promise<"/admin" | "/account"> {
  const address = email.trim().toLowerCase();
  if (env().ADMIN_EMAILS.includes(address)) return "/admin";
  const db = await getDb();
  const [user] = await db.select({ email: users.email, role: users.role }).from(users).where(eq(users.email, address));
  return user?.email && isOwner({ email: user.email, role: user.role }) ? "/admin" : "/account";
}

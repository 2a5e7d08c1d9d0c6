import "server-only";
import { headers } from "next/headers";

/** This request's origin, for links and for posting test events to our own webhook route. */
export async function requestOrigin(): Promise<string> {
  const configured = process.env.AUTH_URL ?? process.env.APP_URL;
  if (configured) return new URL(configured).origin;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto =
    h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

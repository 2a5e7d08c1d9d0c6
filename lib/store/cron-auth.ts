import "server-only";
import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/** `Authorization: Bearer $CRON_SECRET`, compared in constant time. No secret set: refused. */
export function isCronAuthorized(header: string | null): boolean {
  const secret = env().CRON_SECRET;
  if (!secret || !header?.startsWith("Bearer ")) return false;
  const got = Buffer.from(header.slice(7));
  const want = Buffer.from(secret);
  return got.length === want.length && timingSafeEqual(got, want);
}

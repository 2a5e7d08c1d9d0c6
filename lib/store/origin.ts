import "server-only";
import { env, publicOrigin } from "@/lib/env";

/** The store's public origin (PLAYCART_PUBLIC_ORIGIN): for every absolute link a shopper follows. */
export const storeOrigin = (): string => publicOrigin(env());

/**
 * The public origin for page metadata, which `next build` also renders for static pages: there
 * the runtime environment may be incomplete, and the demo's default stands in (static pages
 * carry no absolute links).
 */
export function metadataOrigin(): string {
  try {
    return storeOrigin();
  } catch {
    return "http://localhost:3000";
  }
}

/**
 * This server's own address, for calls it makes to itself (test payments post their signed
 * events to the webhook route): behind a proxy the public origin may not resolve from here.
 */
export const selfOrigin = (): string => `http://127.0.0.1:${env().PORT}`;

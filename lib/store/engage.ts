import "server-only";
import { cookies } from "next/headers";
import { env, paymentsMode } from "@/lib/env";

export const TEST_ENGAGE_COOKIE = "pc_test_engage";

/**
 * Whether this request gets Playcart's shopper-facing layer (the checkout's game, exit nudge
 * and reward chooser, the header's rewards launcher): PLAYCART_ENGAGE. Off for good in a build
 * made with PLAYCART_ENGAGE=off, which has none of those parts (next.config.js). A test seam: set to
 * "cookie", it is on unless the browser's pc_test_engage cookie says "off", so one server
 * shows the checkout both ways (the end-to-end check that no Playcart code reaches a checkout
 * without it). Only in test-payments mode.
 */
export async function playcartEngaged(): Promise<boolean> {
  // Fixed in at build time by next.config.js (unset outside a Next build: on).
  if (process.env.PLAYCART_ENGAGE_BUILT === "off") return false;
  const setting = env().PLAYCART_ENGAGE;
  if (setting !== "cookie") return setting === "on";
  if (paymentsMode() !== "test") return true;
  return (await cookies()).get(TEST_ENGAGE_COOKIE)?.value !== "off";
}

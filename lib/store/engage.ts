import "server-only";
import { cookies } from "next/headers";
import { env, paymentsMode } from "@/lib/env";

export const TEST_ENGAGE_COOKIE = "pc_test_engage";

/**
 * Whether this request gets Playcart's shopper-facing layer (the checkout's game, exit nudge
 * and reward chooser, the header's rewards launcher): PLAYCART_ENGAGE. A test seam: set to
 * "cookie", it is on unless the browser's pc_test_engage cookie says "off", so one server
 * shows the checkout both ways (the end-to-end check that no Playcart code reaches a checkout
 * without it). Only in test-payments mode.
 */
export async function playcartEngaged(): Promise<boolean> {
  const setting = env().PLAYCART_ENGAGE;
  if (setting !== "cookie") return setting === "on";
  if (paymentsMode() !== "test") return true;
  return (await cookies()).get(TEST_ENGAGE_COOKIE)?.value !== "off";
}

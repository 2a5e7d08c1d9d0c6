import "server-only";
import { cookies } from "next/headers";
import { env, paymentsMode } from "@/lib/env";

export const TEST_CLOCK_COOKIE = "pc_test_clock";

/**
 * Now, for Playcart's schedules and store days. A test seam: PLAYCART_TEST_CLOCK pins it to
 * an ISO instant, or, set to "cookie", lets each browser pin its own with the pc_test_clock
 * cookie (end-to-end tests of weekly windows). Only in test-payments mode.
 */
export async function storeNow(): Promise<Date> {
  const setting = env().PLAYCART_TEST_CLOCK;
  if (!setting || paymentsMode() !== "test") return new Date();
  if (setting !== "cookie") return new Date(setting);
  const pinned = (await cookies()).get(TEST_CLOCK_COOKIE)?.value;
  const at = pinned ? new Date(pinned) : null;
  return at && !Number.isNaN(at.getTime()) ? at : new Date();
}

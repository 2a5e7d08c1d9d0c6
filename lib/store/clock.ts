import "server-only";

/**
 * Now, for Playcart's schedules. PLAYCART_TEST_CLOCK (an ISO instant) pins it for end-to-end
 * tests of time windows; env validation refuses it alongside live Stripe keys.
 */
export function storeNow(): Date {
  const pinned = process.env.PLAYCART_TEST_CLOCK;
  return pinned ? new Date(pinned) : new Date();
}

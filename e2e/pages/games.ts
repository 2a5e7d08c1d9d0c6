// The checkout games as a shopper meets them: an offer card (a region named after the
// campaign), its Play button, the game's own button and the announced result.
import { type BrowserContext, expect, type Locator, type Page, test } from "@playwright/test";
import { DateTime } from "luxon";

export const campaigns = {
  wheel: { name: "Spin to win up to 10% off your first order", slug: "first-order-wheel" },
  tree: { name: "Shake the tree for a reward on your next order", slug: "shake-the-tree" },
  saturday: { name: "Saturday spin: more spins for Gold and Platinum", slug: "saturday-spin" },
  scratch: { name: "Sunday scratch card: reveal a reward for your next order", slug: "sunday-scratch-card" },
} as const;

/**
 * The latest moment before now that falls on `weekday` (1 = Monday) at `hour`:00 store time
 * (Berlin), as an ISO instant. A clock pinned there lies in the recent past, so what a shopper
 * does at that moment also shows in reports of the last days viewed at the real date.
 */
export function lastStoreTime(weekday: number, hour: number): string {
  const now = DateTime.now().setZone("Europe/Berlin");
  let at = now.set({ hour, minute: 0, second: 0, millisecond: 0 });
  while (at.weekday !== weekday || at >= now) at = at.minus({ days: 1 });
  return at.toUTC().toISO()!;
}

/** Store time for this browser (the server reads it in test-payments mode): an ISO instant. */
export async function setStoreClock(context: BrowserContext, iso: string) {
  const url = test.info().project.use.baseURL ?? "http://127.0.0.1:3100";
  await context.addCookies([{ name: "pc_test_clock", value: iso, url }]);
}

// A spin glides for up to 3.6 s after the store's answer; the result is announced when it lands.
const LANDING = { timeout: 15_000 };

export class Games {
  constructor(readonly page: Page) {}

  offer(name: string): Locator {
    return this.page.getByRole("region", { name });
  }

  /** The polite live region that announces a play's result. */
  result(offer: Locator): Locator {
    return offer.getByRole("status").filter({ hasText: /You won|Thanks for playing/ });
  }

  /** "3 spins left", "1 shake left", "No plays left": what the card says. */
  playsLeft(offer: Locator): Locator {
    return offer.getByText(/^(\d+ \w+ left|No plays left)$/);
  }

  /** What the checkout said after the shopper gave their email at a first-order game. */
  get emailAnswer(): Locator {
    return this.page
      .getByRole("status")
      .filter({ hasText: /^(Thanks! The game is yours to play|Welcome back!|There is no first-order game)/ });
  }

  /**
   * A first-order game's email step (the store does not know the shopper yet): gives the
   * email and waits for the server's answer.
   */
  async giveEmail(offer: Locator, email: string) {
    await expect(offer.getByText("This game is for first orders. Enter your email to play")).toBeVisible();
    await offer.getByLabel("Your email").fill(email);
    await offer.getByRole("button", { name: "Continue", exact: true }).click();
    await expect(this.emailAnswer).toBeVisible();
  }

  async open(offer: Locator) {
    await offer.getByRole("button", { name: "Play", exact: true }).click();
  }

  /** Waits for a play's announcement and returns the prize it names, or null for no prize. */
  async prizeWon(offer: Locator, timeout = LANDING.timeout): Promise<string | null> {
    const result = this.result(offer);
    await expect(result).toBeVisible({ timeout });
    const text = (await result.textContent()) ?? "";
    // "You won 7% off: you save $1.07 on this order.", "You won $2 offSaved for your next order, until …"
    return /^You won (.+?)(: you save |Applied to this order\.|Saved for your next order)/.exec(text)?.[1] ?? null;
  }
}

/** What a prize label takes off these lines, in cents (the demo campaigns' prize shapes). */
export function discountFor(prize: string, lines: { slug: string; priceCents: number; quantity?: number }[]): number {
  const subtotal = lines.reduce((s, l) => s + l.priceCents * (l.quantity ?? 1), 0);
  const percent = /^(\d+)% off/.exec(prize);
  if (percent) return Math.floor((subtotal * Number(percent[1])) / 100);
  const amount = /^\$(\d+(?:\.\d\d)?) off/.exec(prize);
  if (amount) return Math.min(subtotal, Math.round(Number(amount[1]) * 100));
  const free = /^A free (.+)$/.exec(prize);
  if (free) return lines.find((l) => l.slug === free[1].toLowerCase().replace(/\s+/g, "-"))?.priceCents ?? 0;
  throw new Error(`No discount rule for the prize "${prize}"`);
}

// The adapter's shopper and cart, in the shapes Playcart's core takes.
import type { CartSummary, PlayShopper } from "../games/index.ts";
import type { RewardLine } from "../rewards/index.ts";
import type { Cart, Line, Shopper, ShopperAnswer } from "./config.ts";

/**
 * Who plays, as the core judges them. `remembered` is the email this browser last gave Playcart
 * (remembered-email.ts): the shopper's latest word, so it comes before the cart's; a signed-in
 * shopper is their account.
 */
export function playShopper(shopper: Shopper, cart: Cart | null, remembered: string | null = null): PlayShopper {
  return {
    email: (!shopper.signedIn && remembered) || cart?.email || shopper.email || null,
    userRef: shopper.userRef,
    deviceId: shopper.id,
    sessionRef: shopper.id,
    signedIn: shopper.signedIn,
  };
}

/**
 * The same for a play, from adapter.shopper's answer: the shopper's assumed email is looked up
 * only when neither this browser's remembered email nor the cart has one (it would not be used).
 */
export async function playIdentity(
  shopper: ShopperAnswer,
  cart: Cart | null,
  remembered: string | null = null,
): Promise<PlayShopper> {
  const given = (!shopper.signedIn && remembered) || cart?.email;
  const { email } = shopper;
  const assumed = given || typeof email !== "function" ? email : ((await email()) ?? null);
  return playShopper({ ...shopper, email: typeof assumed === "function" ? null : assumed }, cart, remembered);
}

export function cartSummary(lines: Line[]): CartSummary {
  return {
    valueMinor: lines.reduce((s, l) => s + l.unitPriceMinor * l.quantity, 0),
    itemCount: lines.reduce((s, l) => s + l.quantity, 0),
    categories: [...new Set(lines.map((l) => l.category))],
  };
}

export const rewardLines = (lines: Line[]): RewardLine[] =>
  lines.map((l) => ({
    productRef: l.productRef,
    unitPriceMinor: l.unitPriceMinor,
    quantity: l.quantity,
    category: l.category,
  }));

/** The cart as a reminder shows it (trackCart's items). */
export const trackedItems = (lines: Line[]) =>
  lines.map((l) => ({
    name: l.name,
    quantity: l.quantity,
    unitPriceMinor: l.unitPriceMinor,
    imageUrl: l.imageUrl ?? null,
    productRef: l.productRef,
  }));

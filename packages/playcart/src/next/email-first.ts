// A first-order game asks who is playing before it is played: without an email the server
// cannot tell a first order from a returning customer in a new browser, and a prize shown to
// the wrong person would be taken back at payment. With the email, the server judges: a new
// person plays the first-order game; a returning one is told so, in words, and offered the
// game for returning shoppers (or none).
import { eq } from "drizzle-orm";
import type { EngageDb } from "../core/db.ts";
import { campaigns } from "../core/schema.ts";
import { type CartSummary, findOffer, type PlayShopper } from "../games/index.ts";
import { customerProfile } from "../loyalty/index.ts";
import type { Runtime } from "./runtime.ts";

export const FIRST_ORDER = "checkout_first_order";

/** Is this campaign a first-order game (the email is asked for before it is played)? */
export async function isFirstOrderGame(db: EngageDb, campaignId: string): Promise<boolean> {
  const [row] = await db.select({ placement: campaigns.placement }).from(campaigns).where(eq(campaigns.id, campaignId));
  return row?.placement === FIRST_ORDER;
}

export const EMAIL_NEEDED = {
  status: "error",
  code: "email_needed",
  message: "Enter your email first: this game is for first orders.",
} as const;

export type EmailVerdict = {
  /** The first-order game is this person's to play. */
  firstOrder: boolean;
  /** What to tell the shopper when it is not (null when it is). */
  message: string | null;
};

/** What the checkout's first-order placement offers the person behind `shopper.email`. */
export async function judgeEmail(
  rt: Runtime,
  input: { shopper: PlayShopper & { email: string }; cart: CartSummary; now: Date },
): Promise<EmailVerdict> {
  const db = await rt.cfg.db();
  const where = { shopper: input.shopper, cart: input.cart, now: input.now, timeZone: rt.cfg.timeZone };
  if (await findOffer(db, { placement: FIRST_ORDER, ...where })) return { firstOrder: true, message: null };
  const { email } = input.shopper;
  const profile = await customerProfile(db, { email, userRef: input.shopper.userRef, now: input.now });
  if (profile.firstPurchase)
    return { firstOrder: false, message: `There is no first-order game for ${email} right now.` };
  const returning = await findOffer(db, { placement: "checkout_returning", ...where });
  return {
    firstOrder: false,
    message:
      `Welcome back! ${email} has ordered here before, and the first-order game is for first orders. ` +
      (returning
        ? `Here is ${returning.name} for returning shoppers instead.`
        : "There is no game for returning shoppers right now."),
  };
}

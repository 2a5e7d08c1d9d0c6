// The words of the abandoned-cart reminder email. Without the owner's own (a setting edited in
// the admin), each step has built-in words; the owner's apply to every step, and a step with a
// discount adds its offer to the subject and the body. "{store}" stands for the store's name.
import { z } from "zod";

const line = (what: string, max: number) =>
  z
    .string({ message: `Write the ${what}` })
    .trim()
    .min(1, `Write the ${what}`)
    .max(max, `The ${what} is at most ${max} characters`)
    .refine((s) => !/[\r\n]/.test(s), `The ${what} is one line`);

export const reminderWordsSchema = z.object({
  subject: line("subject", 120),
  heading: line("heading", 120),
  body: z.array(line("body line", 300)).min(1, "Write at least one line of text").max(6, "At most 6 lines of text"),
});
export type ReminderWords = z.infer<typeof reminderWordsSchema>;

/** The built-in words the admin's editor starts from. */
export const DEFAULT_REMINDER_WORDS: ReminderWords = {
  subject: "You left something in your cart",
  heading: "Your cart is waiting",
  body: ["We kept everything you picked. Come back whenever you are ready."],
};

export type ReminderCopy = { subject: string; headline: string; intro: string[] };

function builtIn(step: number, discountPercent: number | null): ReminderCopy {
  if (discountPercent)
    return {
      subject: `${discountPercent}% off the cart you left`,
      headline: "Still thinking it over?",
      intro: [`Your cart is saved, and for a little while it comes with ${discountPercent}% off.`],
    };
  if (step === 1)
    return {
      subject: DEFAULT_REMINDER_WORDS.subject,
      headline: DEFAULT_REMINDER_WORDS.heading,
      intro: DEFAULT_REMINDER_WORDS.body,
    };
  return {
    subject: "Your cart is still saved",
    headline: "Still yours",
    intro: ["The things you chose are still in your cart."],
  };
}

/** The subject, heading and body lines of one reminder. */
export function reminderCopy(
  words: ReminderWords | null,
  step: number,
  discountPercent: number | null,
  storeName: string,
): ReminderCopy {
  if (!words) return builtIn(step, discountPercent);
  const fill = (s: string) => s.replaceAll("{store}", storeName);
  return {
    subject: discountPercent ? `${discountPercent}% off: ${fill(words.subject)}` : fill(words.subject),
    headline: fill(words.heading),
    intro: words.body.map(fill),
  };
}

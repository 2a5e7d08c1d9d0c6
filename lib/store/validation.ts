// Form fields as the browser sends them (strings), with messages a shopper can act on.
import { z } from "zod";
import { MAX_LINE_QUANTITY } from "@/db/schema/store";

export const emailField = z
  .string({ message: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .toLowerCase()
  .pipe(z.email("Enter a valid email address, like name@example.com."));

const wholeNumber = (min: number) =>
  z
    .string({ message: "Enter a quantity." })
    .trim()
    .regex(/^-?\d+$/, "Quantity must be a whole number.")
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(min, min === 0 ? "Quantity cannot be negative." : "Quantity must be at least 1.")
        .max(MAX_LINE_QUANTITY, `At most ${MAX_LINE_QUANTITY} of one product.`),
    );

export const productIdField = z.uuid({ message: "That product does not exist." });

export const addToCartInput = z.object({ productId: productIdField, quantity: wholeNumber(1) });
export const setQuantityInput = z.object({ productId: productIdField, quantity: wholeNumber(0) });
// An unchecked checkbox is absent from the form: no consent.
// playcart_reward: the reward chosen at checkout (only an id; the server decides whether it applies).
// shownRewardId: the reward the checkout showed ("" for none), so a change is explained before payment.
export const checkoutInput = z.object({
  email: emailField,
  marketingConsent: z.literal("yes").optional(),
  shownRewardId: z.union([z.literal(""), z.uuid({ message: "Unknown reward." })]).optional(),
  playcart_reward: z.string().max(100).optional(),
});
export const orderIdInput = z.object({ orderId: z.uuid({ message: "Unknown order." }) });

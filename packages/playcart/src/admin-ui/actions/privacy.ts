// The owner deletes a customer's loyalty data on their request (by email, phone, letter): the
// same erasure a shopper runs from their account, audited under the owner's name.
import { z } from "zod";
import { eraseCustomers, updateSettings } from "../../index.ts";
import { adminAction } from "./define.ts";

const eraseInput = z.object({
  customerId: z.uuid({ message: "Unknown customer" }),
  confirm: z.literal("on", { message: "Tick the box to confirm the deletion" }),
});

export const eraseCustomerAction = adminAction(eraseInput, async (input, ctx) => {
  const result = await eraseCustomers(ctx.db, {
    customerIds: [input.customerId],
    actor: ctx.actor,
    now: await ctx.now(),
    requestedBy: "owner",
  });
  return {
    status: "ok",
    message:
      result.erased.length > 0
        ? "Deleted: the customer is now anonymous. Their ledger and orders are kept for the books."
        : "This customer's loyalty data was already deleted.",
  };
});

const noticeInput = z.object({
  incentiveNotice: z
    .string()
    .trim()
    .min(20, "Write the notice in 20 characters or more")
    .max(600, "Keep the notice under 600 characters"),
});

/** The short notice of financial incentive shown where shoppers join (cached a minute by each instance). */
export const saveIncentiveNoticeAction = adminAction(noticeInput, async (input, ctx) => {
  await updateSettings(ctx.db, ctx.actor, { incentiveNotice: input.incentiveNotice });
  return { status: "ok", message: "Notice saved. Shoppers see it within a minute." };
});

// What a rule may do, as validated data. Stored as JSON with the rule and parsed again
// before use, so a bad row in the database is skipped instead of half-applied.
import { z } from "zod";

const slug = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "Use lower-case letters, digits, - and _");

export const ruleOutcomeSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("grant_points"),
    points: z
      .number({ message: "Enter a number of points" })
      .int("Whole points")
      .min(1, "At least 1 point")
      .max(100_000, "At most 100,000 points"),
    reason: z.string().min(1).max(200, "At most 200 characters").optional(),
  }),
  // Without a campaignId, the rule's own campaign.
  z.object({
    type: z.literal("grant_plays"),
    plays: z
      .number({ message: "Enter a number of plays" })
      .int("Whole plays")
      .min(1, "At least 1 play")
      .max(100, "At most 100 plays"),
    campaignId: z.uuid().optional(),
  }),
  z.object({ type: z.literal("offer_game"), campaignId: z.uuid().optional() }),
  z.object({
    type: z.literal("grant_stamp"),
    card: slug,
    stamps: z
      .number({ message: "Enter a number of stamps" })
      .int("Whole stamps")
      .min(1, "At least 1 stamp")
      .max(100, "At most 100 stamps")
      .default(1),
  }),
  z.object({ type: z.literal("grant_badge"), badge: slug }),
  z
    .object({
      type: z.literal("issue_reward"),
      label: z.string().min(1, "Give the reward a label").max(120, "At most 120 characters"),
      rewardType: z.enum(["percent_off", "amount_off", "free_product"]),
      rewardValue: z
        .number({ message: "Enter a value" })
        .int("A whole number")
        .min(0, "A value cannot be negative")
        .max(1_000_000, "Too large"),
      maxDiscountMinor: z.number().int().min(0).nullish(),
      productRef: z.string().min(1).max(100).nullish(),
      // A category reference, or "favourite": the shopper's favourite category when issued.
      category: z.string().min(1).max(100).nullish(),
      validDays: z
        .number({ message: "Enter a number of days" })
        .int("Whole days")
        .min(1, "At least 1 day")
        .max(365, "At most 365 days"),
    })
    .refine((o) => o.rewardType !== "percent_off" || (o.rewardValue >= 1 && o.rewardValue <= 100), {
      message: "A percentage is 1 to 100",
      path: ["rewardValue"],
    })
    .refine((o) => o.rewardType !== "free_product" || Boolean(o.productRef), {
      message: "A free product needs a productRef",
      path: ["productRef"],
    }),
]);
export type RuleOutcome = z.infer<typeof ruleOutcomeSchema>;

export const ruleOutcomesSchema = z
  .array(ruleOutcomeSchema)
  .min(1, "Add at least one outcome")
  .max(10, "At most 10 outcomes");

// What a rule may do, as validated data. Stored as JSON with the rule and parsed again
// before use, so a bad row in the database is skipped instead of half-applied.
import { z } from "zod";

const slug = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "Use lower-case letters, digits, - and _");

export const ruleOutcomeSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("grant_points"), points: z.number().int().min(1).max(100_000), reason: z.string().min(1).max(200).optional() }),
  // Without a campaignId, the rule's own campaign.
  z.object({ type: z.literal("grant_plays"), plays: z.number().int().min(1).max(100), campaignId: z.uuid().optional() }),
  z.object({ type: z.literal("offer_game"), campaignId: z.uuid().optional() }),
  z.object({ type: z.literal("grant_stamp"), card: slug, stamps: z.number().int().min(1).max(100).default(1) }),
  z.object({ type: z.literal("grant_badge"), badge: slug }),
  z
    .object({
      type: z.literal("issue_reward"),
      label: z.string().min(1).max(120),
      rewardType: z.enum(["percent_off", "amount_off", "free_product"]),
      rewardValue: z.number().int().min(0).max(1_000_000),
      maxDiscountMinor: z.number().int().min(0).nullish(),
      productRef: z.string().min(1).max(100).nullish(),
      // A category reference, or "favourite": the shopper's favourite category when issued.
      category: z.string().min(1).max(100).nullish(),
      validDays: z.number().int().min(1).max(365),
    })
    .refine((o) => o.rewardType !== "percent_off" || (o.rewardValue >= 1 && o.rewardValue <= 100), { message: "A percentage is 1 to 100", path: ["rewardValue"] })
    .refine((o) => o.rewardType !== "free_product" || Boolean(o.productRef), { message: "A free product needs a productRef", path: ["productRef"] }),
]);
export type RuleOutcome = z.infer<typeof ruleOutcomeSchema>;

export const ruleOutcomesSchema = z.array(ruleOutcomeSchema).min(1).max(10);

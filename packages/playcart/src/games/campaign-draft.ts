// A campaign as the admin edits it, validated: every impossible setting gets a message that
// names the field (all weights zero, a negative budget, a window ending before it starts...).
// Pure: the editor runs it in the browser for instant feedback and the server runs it again.
import { z } from "zod";
import { CAMPAIGN_STATUSES, GAME_TYPES, PLACEMENTS, REWARD_SCOPES, REWARD_TYPES } from "../core/schema.ts";
import { weeklyWindowSchema } from "../core/store-time.ts";
import { assertValidCondition } from "../engine/index.ts";
import { cheapestWin } from "./budget.ts";
import { everyPlayWinsErrors } from "./entry-requirement.ts";
import { seasonSchema } from "./season.ts";

const count = (label: string, max: number) =>
  z
    .number({ message: `${label} must be a whole number` })
    .int(`${label} must be a whole number`)
    .min(0, `${label} cannot be negative`)
    .max(max, `${label} is too large`);
const optionalCount = (label: string, max = 100_000_000) => count(label, max).nullable();
// A campaign budget in minor units: typed in the store's currency, so a fraction of a cent or
// text is refused here (the editor sends what it could not read as text).
const budget = (label: string) =>
  z
    .number({ message: `${label} must be an amount, e.g. 250.00` })
    .int(`${label} must be in whole cents`)
    .min(1, `${label} must be above 0 (leave it empty for no budget)`)
    .max(1_000_000_000, `${label} is too large`)
    .nullable()
    .default(null);

export const prizeDraftSchema = z
  .object({
    id: z.uuid().optional(),
    label: z.string().trim().min(1, "Give the prize a label").max(60, "Keep the label under 60 characters"),
    weight: count("Weight", 1_000_000),
    rewardType: z.enum(REWARD_TYPES),
    rewardValue: count("Value", 100_000_000),
    productRef: z.string().trim().max(80).nullable().default(null),
    maxDiscountMinor: optionalCount("Maximum discount").default(null),
    costMinor: count("Cost per win", 100_000_000),
    inventory: optionalCount("Inventory").default(null),
    budgetValueMinor: z
      .number({ message: "Budget must be a number" })
      .int("Budget must be in whole cents")
      .min(0, "A budget cannot be negative")
      .max(1_000_000_000, "Budget is too large")
      .nullable()
      .default(null),
    dailyCap: optionalCount("Daily cap").default(null),
  })
  .superRefine((p, ctx) => {
    if (p.rewardType === "percent_off" && (p.rewardValue < 1 || p.rewardValue > 100))
      ctx.addIssue({ code: "custom", path: ["rewardValue"], message: "A percentage must be between 1 and 100" });
    if ((p.rewardType === "amount_off" || p.rewardType === "bonus_points") && p.rewardValue < 1)
      ctx.addIssue({ code: "custom", path: ["rewardValue"], message: "Give the prize a value above 0" });
    if (p.rewardType === "free_product" && !p.productRef)
      ctx.addIssue({ code: "custom", path: ["productRef"], message: "Name the free product" });
    if (p.budgetValueMinor !== null && p.costMinor > p.budgetValueMinor)
      ctx.addIssue({
        code: "custom",
        path: ["budgetValueMinor"],
        message: "The budget is smaller than one win's cost: this prize could never be won",
      });
  });
export type PrizeDraft = z.infer<typeof prizeDraftSchema>;

/** A context with every field the audience builder offers, to check a condition runs. */
export const SAMPLE_PLAY_CONTEXT = {
  customer: {
    known: true,
    paidOrders: 1,
    firstPurchase: false,
    lifetimeSpendMinor: 1000,
    trailingSpendMinor: 1000,
    tier: "green",
    signedIn: true,
    segments: ["active"],
    segment: "active",
  },
  cart: { valueMinor: 1000, itemCount: 1, categories: ["coffee"] },
  store: { date: "2026-01-01", weekday: 4, hour: 12 },
  event: { type: "checkout.viewed", valueMinor: 1000, productRef: null, category: null },
};

const isoInstant = z.iso.datetime({ offset: true, message: "Use a date and time" });

export const campaignDraftSchema = z
  .object({
    name: z.string().trim().min(3, "Name the campaign (3 characters or more)").max(100),
    slug: z
      .string()
      .trim()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lower-case letters, digits and dashes, e.g. saturday-spin")
      .max(60),
    gameType: z.enum(GAME_TYPES, { message: "Choose a game" }),
    placement: z.enum(PLACEMENTS, { message: "Choose where the game is offered" }),
    audience: z.unknown().default(true),
    startsAt: isoInstant.nullable().default(null),
    endsAt: isoInstant.nullable().default(null),
    // Repeats every year instead of running between fixed dates.
    season: seasonSchema.nullable().default(null),
    windows: z.array(weeklyWindowSchema).max(21, "At most 21 weekly windows").default([]),
    allowance: z.object({ default: count("Plays", 100), byTier: z.record(z.string(), count("Plays", 100)).optional() }),
    lifetimeLimit: z.number().int().min(1, "A lifetime limit must be at least 1").max(1000).nullable().default(null),
    rewardScope: z.enum(REWARD_SCOPES),
    rewardValidDays: z.number().int().min(1, "Rewards must be valid at least 1 day").max(365),
    // What the campaign's wins may cost in all and per store day (games/budget.ts).
    budgetTotalMinor: budget("The total budget"),
    budgetDailyMinor: budget("The daily budget"),
    holdoutPercent: z
      .number()
      .int("Holdout must be a whole percent")
      .min(0, "Holdout cannot be negative")
      .max(50, "Hold out at most 50%"),
    prizes: z.array(prizeDraftSchema).min(1, "Add at least one prize").max(12, "At most 12 prizes"),
    // Official rules: a free way to enter (same odds, no purchase), or a table where every play wins.
    freeEntry: z.boolean().default(false),
    everyPlayWins: z.boolean().default(false),
    extraTerms: z
      .string()
      .trim()
      .max(2000, "Keep the extra terms under 2,000 characters")
      .nullable()
      .default(null)
      .transform((t) => t || null),
  })
  .superRefine((c, ctx) => {
    if (c.prizes.every((p) => p.weight === 0))
      ctx.addIssue({
        code: "custom",
        path: ["prizes"],
        message: "All prize weights are zero: no prize could ever be drawn",
      });
    checkBudgets(c, ctx);
    for (const [path, message] of Object.entries(everyPlayWinsErrors(c)))
      ctx.addIssue({ code: "custom", path: path.split(".").map((k) => (/^\d+$/.test(k) ? Number(k) : k)), message });
    if (c.season && (c.startsAt || c.endsAt))
      ctx.addIssue({
        code: "custom",
        path: ["season"],
        message: "A campaign that repeats every year has no start or end date: clear the dates or stop the repeat",
      });
    if (c.startsAt && c.endsAt && Date.parse(c.endsAt) <= Date.parse(c.startsAt))
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "The campaign must end after it starts" });
    c.windows.forEach((w, i) => {
      const clash = c.windows.findIndex(
        (o, j) => j < i && o.weekday === w.weekday && o.start < w.end && w.start < o.end,
      );
      if (clash >= 0)
        ctx.addIssue({ code: "custom", path: ["windows", i, "start"], message: `Overlaps window ${clash + 1}` });
    });
    try {
      assertValidCondition(c.audience, SAMPLE_PLAY_CONTEXT);
    } catch (err) {
      ctx.addIssue({
        code: "custom",
        path: ["audience"],
        message: err instanceof Error ? err.message : "Invalid condition",
      });
    }
  });
export type CampaignDraft = z.infer<typeof campaignDraftSchema>;

/** A budget must allow at least one costly win, and a day's budget cannot exceed the total. */
function checkBudgets(
  c: Pick<CampaignDraft, "budgetTotalMinor" | "budgetDailyMinor" | "prizes">,
  ctx: z.RefinementCtx,
) {
  const { budgetTotalMinor: total, budgetDailyMinor: daily } = c;
  if (total !== null && daily !== null && daily > total)
    ctx.addIssue({ code: "custom", path: ["budgetDailyMinor"], message: "The daily budget is larger than the total" });
  const cheapest = cheapestWin(c.prizes);
  const tooSmall = "is smaller than the cheapest win's cost: no prize that costs anything could be won";
  if (cheapest === null) return;
  if (total !== null && total < cheapest)
    ctx.addIssue({ code: "custom", path: ["budgetTotalMinor"], message: `The total budget ${tooSmall}` });
  if (daily !== null && daily < cheapest)
    ctx.addIssue({ code: "custom", path: ["budgetDailyMinor"], message: `The daily budget ${tooSmall}` });
}

export const campaignStatusSchema = z.enum(CAMPAIGN_STATUSES);

/** Field path → first message, the shape the admin forms show. */
export function draftErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.path.join(".") || "form"] ??= issue.message;
  return out;
}

// Rules: trigger (an event type) -> condition (JSON Logic) -> outcomes. Saved validated;
// the engine (engine.ts) applies the live ones to each event.
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { EngageDb } from "../core/db.ts";
import { RULE_STATUSES, type Rule, rules } from "../core/schema.ts";
import { assertValidCondition } from "./conditions.ts";
import { SAMPLE_CONTEXT } from "./engine-context.ts";
import { EVENT_TYPES } from "./events.ts";
import { type RuleOutcome, ruleOutcomesSchema } from "./rule-outcomes.ts";

export const ruleInputSchema = z.object({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
  name: z.string().min(1).max(120),
  trigger: z.enum(EVENT_TYPES),
  condition: z.unknown().default(true),
  outcomes: ruleOutcomesSchema,
  status: z.enum(RULE_STATUSES).default("draft"),
  campaignId: z.uuid().nullish(),
  position: z.number().int().min(0).max(10_000).default(0),
});
export type RuleInput = z.input<typeof ruleInputSchema>;

/** Creates or updates (by slug) a rule. Throws ZodError or EngageError("invalid:input"). */
export async function saveRule(db: EngageDb, input: RuleInput): Promise<Rule> {
  const r = ruleInputSchema.parse(input);
  assertValidCondition(r.condition, SAMPLE_CONTEXT);
  if (r.outcomes.some((o) => (o.type === "grant_plays" || o.type === "offer_game") && !o.campaignId) && !r.campaignId) {
    throw new z.ZodError([
      {
        code: "custom",
        path: ["campaignId"],
        message: "Granting plays or offering a game needs a campaign",
        input: r.campaignId,
      },
    ]);
  }
  const values = { ...r, condition: r.condition ?? true, campaignId: r.campaignId ?? null, updatedAt: new Date() };
  const [row] = await db
    .insert(rules)
    .values(values)
    .onConflictDoUpdate({ target: rules.slug, set: values })
    .returning();
  return row;
}

export async function liveRulesFor(db: EngageDb, trigger: string): Promise<{ rule: Rule; outcomes: RuleOutcome[] }[]> {
  const rows = await db
    .select()
    .from(rules)
    .where(and(eq(rules.trigger, trigger), eq(rules.status, "live")))
    .orderBy(asc(rules.position), asc(rules.createdAt));
  const out: { rule: Rule; outcomes: RuleOutcome[] }[] = [];
  for (const rule of rows) {
    const parsed = ruleOutcomesSchema.safeParse(rule.outcomes);
    if (parsed.success) out.push({ rule, outcomes: parsed.data });
    else console.warn(`[playcart] rule ${rule.slug} skipped: invalid outcomes (${parsed.error.issues[0]?.message})`);
  }
  return out;
}

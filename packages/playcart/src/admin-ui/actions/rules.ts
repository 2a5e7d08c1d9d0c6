import { z } from "zod";
import { RULE_STATUSES } from "../../core/schema.ts";
import { saveRuleAudited, setRuleStatus } from "../../index.ts";
import { formJson, optionalFormNumber, optionalFormText } from "../form-values.ts";
import { adminAction } from "./define.ts";

// Clear messages for what a person types; the core's ruleInputSchema checks everything again.
const ruleForm = z.object({
  id: optionalFormText(),
  name: z
    .string({ message: "Give the rule a name" })
    .trim()
    .min(1, "Give the rule a name")
    .max(120, "At most 120 characters"),
  slug: z
    .string({ message: "Give the rule a key" })
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "Use lower-case letters, digits and -"),
  trigger: z.string({ message: "Choose a trigger" }),
  status: z.enum(RULE_STATUSES, { message: "Choose a status" }),
  campaignId: optionalFormText(),
  position: optionalFormNumber(),
  condition: formJson("condition"),
  outcomes: formJson("outcomes"),
});

export const saveRuleAction = adminAction(ruleForm, async (input, ctx) => {
  const { id, ...rule } = input;
  const row = await saveRuleAudited(ctx.db, ctx.actor, {
    ...rule,
    id: id ?? null,
    trigger: rule.trigger as never,
    outcomes: rule.outcomes as never,
    campaignId: rule.campaignId ?? null,
    position: rule.position ?? 0,
  });
  return { status: "ok", message: `Saved ${row.name}.`, id: row.id };
});

export const setRuleStatusAction = adminAction(
  z.object({ id: z.uuid("Unknown rule"), status: z.enum(RULE_STATUSES, { message: "Choose a status" }) }),
  async (input, ctx) => {
    const row = await setRuleStatus(ctx.db, ctx.actor, input.id, input.status);
    return { status: "ok", message: `${row.name} is ${row.status}.` };
  },
);
